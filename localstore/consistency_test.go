package localstore

import (
	"testing"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/segment"
)

// requireConsistent fails the test when a resource's records, rows, counts
// and indexes disagree (see CheckIndexes).
func requireConsistent(t testing.TB, s *Store, res domain.Resource) {
	t.Helper()
	require.NoError(t, s.CheckIndexes(res))
	require.NoError(t, s.view(func(tx *bolt.Tx) error {
		requireSegmentsMatchRows(t, resBucket(tx, res), res)
		return nil
	}))
}

// segEntryOf is what a search segment should hold for a row, names spelled out.
type segEntryOf struct {
	status, customer, product, search string
	at, updated, deadline             uint64
	amount                            int64
}

// requireSegmentsMatchRows checks that the search segments hold exactly one
// entry per row, equal to it, each segment keyed by its first ID, in order,
// and no segment above segment.MaxEntries entries.
func requireSegmentsMatchRows(t testing.TB, b *bolt.Bucket, res domain.Resource) {
	t.Helper()
	want := map[string]segEntryOf{}
	_ = b.Bucket(subRow).ForEach(func(k, v []byte) error {
		r, _ := parseRow(v)
		want[string(k)] = segEntryOf{string(r.status), string(r.customer), string(r.product), string(r.search),
			r.at, r.updated, r.deadline, r.amount}
		return nil
	})
	got := map[string]segEntryOf{}
	var last string
	_ = segment.Each(b.Bucket(subSeg), b.Bucket(subDict), func(k []byte, recs []segment.Entry, ok bool) error {
		require.True(t, ok, "segment %s of %s damaged", k, res)
		require.NotEmpty(t, recs, "empty segment %s of %s", k, res)
		require.LessOrEqual(t, len(recs), segment.MaxEntries, "segment %s of %s", k, res)
		require.Equal(t, string(k), recs[0].ID, "segment key of %s", res)
		for _, r := range recs {
			require.Greater(t, r.ID, last, "segment order of %s", res)
			last = r.ID
			got[r.ID] = segEntryOf{r.Status, r.Customer, r.Product, r.Search, r.At, r.Updated, r.Deadline, r.Amount}
		}
		return nil
	})
	require.Equal(t, want, got, "search segments of %s", res)
}
