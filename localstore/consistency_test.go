package localstore

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// requireConsistent fails the test when a resource's records, rows, counts
// and indexes disagree (see CheckIndexes).
func requireConsistent(t testing.TB, s *Store, res domain.Resource) {
	t.Helper()
	require.NoError(t, s.CheckIndexes(res))
}
