package localstore

import (
	"bytes"
	"fmt"
	"maps"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// CheckIndexes checks, from the raw buckets, that a resource's records,
// filter rows, status counts and every index describe the same set of
// records: each row is what its record makes of it, and each index and
// count holds exactly the entries the rows call for. Sync convergence
// tests and Verify use it; it reads every record, so it is not for the
// hot path.
func (s *Store) CheckIndexes(res domain.Resource) error {
	c, err := codecFor(res)
	if err != nil {
		return fmt.Errorf("localstore: check indexes: %w", err)
	}
	err = s.view(func(tx *bolt.Tx) error {
		b := resBucket(tx, res)
		if err := checkRows(b, c, s.account); err != nil {
			return err
		}
		want, counts, err := expectedIndexes(b)
		if err != nil {
			return err
		}
		for sub, keys := range want {
			got := map[string]bool{}
			_ = b.Bucket([]byte(sub)).ForEach(func(k, _ []byte) error { got[string(k)] = true; return nil })
			if !maps.Equal(keys, got) {
				return fmt.Errorf("index %s holds %d entries where the rows call for %d", sub, len(got), len(keys))
			}
		}
		stored := map[string]int{}
		_ = b.Bucket(subCount).ForEach(func(k, v []byte) error { stored[string(k)] = int(u64(v)); return nil })
		if !maps.Equal(counts, stored) {
			return fmt.Errorf("stored counts %v differ from the rows' %v", stored, counts)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("localstore: %s: %w", res, err)
	}
	return nil
}

// checkRows compares each stored row with the row its record makes.
func checkRows(b *bolt.Bucket, c codec, account string) error {
	if n, m := b.Bucket(subRec).Stats().KeyN, b.Bucket(subRow).Stats().KeyN; n != m {
		return fmt.Errorf("%d records but %d rows", n, m)
	}
	rows := b.Bucket(subRow)
	return b.Bucket(subRec).ForEach(func(k, v []byte) error {
		r, err := c.decode(v)
		if err != nil {
			return fmt.Errorf("record %s: %w", Quote(string(k)), err)
		}
		p, err := c.prepare(r, account)
		if err != nil {
			return fmt.Errorf("record %s: %w", Quote(string(k)), err)
		}
		want := make([]byte, p.f.rowSize())
		p.f.encodeRow(want)
		if !bytes.Equal(want, rows.Get(k)) {
			return fmt.Errorf("the row of %s does not match its record", Quote(string(k)))
		}
		return nil
	})
}

// expectedIndexes lists the index keys (by sub-bucket) and counts the rows call for.
func expectedIndexes(b *bolt.Bucket) (map[string]map[string]bool, map[string]int, error) {
	want := map[string]map[string]bool{}
	for _, sub := range [][]byte{subTime, subStatus, subDeadline} {
		want[string(sub)] = map[string]bool{}
	}
	counts := map[string]int{}
	var a arena
	err := b.Bucket(subRow).ForEach(func(k, v []byte) error {
		id := string(k)
		r, ok := parseRow(v)
		if !ok {
			return fmt.Errorf("row %s damaged", Quote(id))
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
	return want, counts, err
}
