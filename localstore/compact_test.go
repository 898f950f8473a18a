package localstore

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// churn stores n orders and then removes them all, leaving free pages.
func churn(t *testing.T, s *Store, n int) {
	t.Helper()
	for from := 0; from < n; from += 1000 {
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(from, 1000, 1)})
		require.NoError(t, err)
	}
	for from := 0; from < n; from += 1000 {
		var tombs []domain.Tombstone
		for i := from; i < from+1000; i++ {
			tombs = append(tombs, domain.Tombstone{ID: order(i, 1).ID, Version: 2})
		}
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Removed: tombs})
		require.NoError(t, err)
	}
}

func TestCompact_ShrinksTheFileAndKeepsEverything(t *testing.T) {
	// given a cache that grew and then lost most of its records
	s := openTemp(t)
	churn(t, s, 6000)
	keep := orders(90_000, 50, 1)
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: keep, Cursor: "kept"})
	require.NoError(t, err)
	_, err = s.Enqueue(action("k1", "T1", domain.ActTicketAccept))
	require.NoError(t, err)
	before, err := s.Stats()
	require.NoError(t, err)
	require.Positive(t, before.FreePages)

	// when it is compacted
	require.NoError(t, s.Compact())

	// then the file is smaller, the store still works and nothing was lost
	after, err := s.Stats()
	require.NoError(t, err)
	assert.Less(t, after.FileSize, before.FileSize)
	_, total, err := List[domain.Order](s, Query{Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, 50, total)
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, "kept", cur)
	next, err := s.Enqueue(action("k2", "T1", domain.ActTicketReply))
	require.NoError(t, err)
	assert.Equal(t, uint64(2), next.Seq, "sequences survive compaction")
	requireConsistent(t, s, domain.ResOrders)
	fi, err := os.Stat(s.Path())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	assert.NoFileExists(t, s.Path()+".compact")
}

func TestOpen_CompactsWhenFreePagesPassTheThreshold(t *testing.T) {
	tests := []struct {
		threshold   int64
		wantShrink  bool
		description string
	}{
		{threshold: 64 << 10, wantShrink: true, description: "free space above the threshold"},
		{threshold: -1, wantShrink: false, description: "automatic compaction disabled"},
	}
	for _, tc := range tests {
		t.Run(tc.description, func(t *testing.T) {
			// given a closed cache with many free pages
			s := openTemp(t)
			churn(t, s, 12000)
			path := s.Path()
			before, err := s.Stats()
			require.NoError(t, err)
			require.NoError(t, s.Close())

			// when it is opened again
			s, err = Open(path, testAccount, Options{AutoCompactFreeBytes: tc.threshold})
			require.NoError(t, err)
			defer s.Close()

			// then it was compacted only above the threshold
			after, err := s.Stats()
			require.NoError(t, err)
			assert.Equal(t, tc.wantShrink, after.FileSize < before.FileSize,
				fmt.Sprintf("before %d after %d", before.FileSize, after.FileSize))
		})
	}
}
