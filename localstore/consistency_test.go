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
		for _, sub := range [][]byte{subTime, subUpdated, subStatus, subDeadline, subCustomer, subProduct} {
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
			want[string(subUpdated)][string(a.timeIDKey(r.updated, id))] = true
			want[string(subStatus)][string(a.prefixTimeIDKey(string(r.status), r.at, id))] = true
			if r.deadline != 0 {
				want[string(subDeadline)][string(a.timeIDKey(r.deadline, id))] = true
			}
			if len(r.customer) > 0 {
				want[string(subCustomer)][string(a.prefixTimeIDKey(string(r.customer), r.at, id))] = true
			}
			if len(r.product) > 0 {
				want[string(subProduct)][string(a.prefixTimeIDKey(string(r.product), r.at, id))] = true
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
		return nil
	})
	require.NoError(t, err)
}
