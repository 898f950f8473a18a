package localstore

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// requireConsistent checks, from the raw buckets, that a resource's rows,
// records, counts and every index describe the same set of records.
func requireConsistent(t testing.TB, s *Store, res domain.Resource) {
	t.Helper()
	err := s.view(func(tx *bolt.Tx) error {
		b := resBucket(tx, res)
		want := map[string]map[string]bool{} // sub-bucket → expected keys
		for _, sub := range [][]byte{subTime, subStatus, subDeadline} {
			want[string(sub)] = map[string]bool{}
		}
		counts := map[string]int{}
		var a arena
		err := b.Bucket(subRow).ForEach(func(k, v []byte) error {
			id := string(k)
			r, ok := parseRow(v)
			if !ok {
				return fmt.Errorf("row %s damaged", id)
			}
			if b.Bucket(subRec).Get(k) == nil {
				return fmt.Errorf("row %s without a record", id)
			}
			want[string(subTime)][string(a.timeIDKey(r.at, id))] = true
			want[string(subStatus)][string(a.prefixTimeIDKey(string(r.status), r.at, id))] = true
			if r.deadline != 0 {
				want[string(subDeadline)][string(a.timeIDKey(r.deadline, id))] = true
			}
			counts[string(r.status)]++
			for i, name := range flagNames {
				if r.flags&(1<<i) != 0 {
					counts[name]++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n, m := b.Bucket(subRec).Stats().KeyN, b.Bucket(subRow).Stats().KeyN; n != m {
			return fmt.Errorf("%d records but %d rows", n, m)
		}
		for sub, keys := range want {
			got := map[string]bool{}
			_ = b.Bucket([]byte(sub)).ForEach(func(k, _ []byte) error { got[string(k)] = true; return nil })
			require.Equal(t, keys, got, "index %s of %s", sub, res)
		}
		stored := map[string]int{}
		_ = b.Bucket(subCount).ForEach(func(k, v []byte) error { stored[string(k)] = int(u64(v)); return nil })
		require.Equal(t, counts, stored, "counts of %s", res)
		requireSegmentsMatchRows(t, b, res)
		return nil
	})
	require.NoError(t, err)
}

// segEntryOf is what a search segment should hold for a row, names spelled out.
type segEntryOf struct {
	status, customer, product, search string
	at, updated, deadline             uint64
	amount                            int64
}

// requireSegmentsMatchRows checks that the search segments hold exactly one
// entry per row, equal to it, each segment keyed by its first ID, in order,
// and no segment above segMax entries.
func requireSegmentsMatchRows(t testing.TB, b *bolt.Bucket, res domain.Resource) {
	t.Helper()
	want := map[string]segEntryOf{}
	_ = b.Bucket(subRow).ForEach(func(k, v []byte) error {
		r, _ := parseRow(v)
		want[string(k)] = segEntryOf{string(r.status), string(r.customer), string(r.product), string(r.search),
			r.at, r.updated, r.deadline, r.amount}
		return nil
	})
	names := map[uint32]string{0: ""}
	_ = b.Bucket(subDict).ForEach(func(k, v []byte) error {
		if k[0] == dictByID {
			names[uint32(u64(append(make([]byte, 4), k[1:]...)))] = string(v)
		}
		return nil
	})
	got := map[string]segEntryOf{}
	var a arena
	var last []byte
	_ = b.Bucket(subSeg).ForEach(func(k, v []byte) error {
		recs, ok := decodeSeg(v, &a)
		require.True(t, ok, "segment %s of %s damaged", k, res)
		require.NotEmpty(t, recs, "empty segment %s of %s", k, res)
		require.LessOrEqual(t, len(recs), segMax, "segment %s of %s", k, res)
		require.Equal(t, string(k), string(recs[0].id), "segment key of %s", res)
		for _, r := range recs {
			require.Greater(t, string(r.id), string(last), "segment order of %s", res)
			last = r.id
			got[string(r.id)] = segEntryOf{names[r.status], names[r.customer], names[r.product], string(r.search),
				r.at, r.updated, r.deadline, r.amount}
		}
		return nil
	})
	require.Equal(t, want, got, "search segments of %s", res)
}
