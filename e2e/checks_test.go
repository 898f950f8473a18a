package e2e

import (
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// get reads one cached record.
func get[T domain.Record](t *testing.T, c *console, id string) T {
	t.Helper()
	rec, ok, err := localstore.Get[T](c.store, id)
	require.NoError(t, err)
	require.True(t, ok, "%s: record %s not in the cache", c.agent, id)
	return rec
}

// assertConverged checks that the cache holds exactly the sandbox's live
// records of each resource, at the same versions.
func assertConverged(t *testing.T, c *console, resources ...domain.Resource) {
	t.Helper()
	if len(resources) == 0 {
		resources = domain.AllResources
	}
	for _, res := range resources {
		lines := storeLines(t, c.store, res)
		assert.Equal(t, c.w.sb.Count(sandbox.AccountMain, res), len(lines), "%s: %s count", c.agent, res)
		assert.Equal(t, c.w.sb.Checksum(sandbox.AccountMain, res), sandbox.ChecksumOf(lines), "%s: %s checksum", c.agent, res)
	}
}

func storeLines(t *testing.T, s *localstore.Store, res domain.Resource) []string {
	t.Helper()
	vs, err := s.Versions(res)
	require.NoError(t, err)
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = v.String()
	}
	return lines
}

// scanAll lists every cached record of one type.
func scanAll[T domain.Record](t *testing.T, s *localstore.Store) []T {
	t.Helper()
	var out []T
	require.NoError(t, localstore.Scan(s, localstore.Query{}, func(r T) error {
		out = append(out, r)
		return nil
	}))
	return out
}
