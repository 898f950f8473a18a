package localstore

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
	"github.com/koogallery/merchant-console/localstore/segment"
)

// scanByTime streams q's matches in time order, scanBatch records per read
// transaction: each batch resumes the time index walk after the last key
// the previous one read, so memory holds one batch whatever the cache size
// (planning every ID first held ~70 MB at a million orders). A record
// written meanwhile is seen or not depending on where the walk is; one
// removed meanwhile is skipped.
func scanByTime[T domain.Record](s *Store, k *kind[T], q Query, fn func(T) error) error {
	st := &timeScan{q: q, f: compileFilter(q), skip: q.Offset, left: q.Limit,
		filtered: q.Search != "" || q.Customer != "" || q.Product != "" || len(q.Statuses) > 0}
	for batch := 1; !st.done; batch++ {
		var recs []T
		if err := s.view(func(tx *bolt.Tx) (err error) {
			if batch%releaseEvery == 0 {
				cachefile.ReleaseMapped(tx, s.path)
			}
			recs, err = nextTimeBatch(tx, k, st)
			return err
		}); err != nil {
			return err
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// releaseEvery is how many batches a scan reads between two releases of the
// file pages it mapped (cachefile.ReleaseMapped): ~1 MB of records at a time, often
// enough to keep an export's RSS flat, rare enough to cost nothing.
const releaseEvery = 16

// timeScan is where a scanByTime walk stands between its transactions.
type timeScan struct {
	q        Query
	f        segment.Filter
	filtered bool   // rows must be checked against f
	after    []byte // last ix/time key read (a copy), nil before the first
	skip     int    // matches still to skip (Offset)
	left     int    // matches still wanted (Limit; 0 or less: all)
	done     bool
}

// nextTimeBatch decodes up to scanBatch more matches of st inside tx.
func nextTimeBatch[T domain.Record](tx *bolt.Tx, k *kind[T], st *timeScan) ([]T, error) {
	b := resBucket(tx, k.res)
	rows, recs := b.Bucket(subRow), b.Bucket(subRec)
	it := newRangeIter(b.Bucket(subTime).Cursor(), nil, timeBound(st.q.From, false), timeBound(st.q.To, true), st.q.Desc)
	key := it.first()
	if st.after != nil {
		key = it.resume(st.after)
	}
	out := make([]T, 0, scanBatch)
	for ; key != nil && len(out) < scanBatch; key = it.next() {
		st.after = append(st.after[:0], key...)
		id := idOfTimeKey(key)
		if st.filtered {
			if r, ok := parseRow(rows.Get(id)); !ok || !matchRow(&st.f, &r) {
				continue
			}
		}
		if st.skip > 0 {
			st.skip--
			continue
		}
		data := recs.Get(id)
		if data == nil {
			continue
		}
		v, err := k.decodeT(data)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if st.left > 0 {
			if st.left--; st.left == 0 {
				st.done = true
				return out, nil
			}
		}
	}
	st.done = key == nil
	return out, nil
}

// resume positions the walk on the first key after `after` in the walk's
// direction (after itself may have been removed meanwhile).
func (it *rangeIter) resume(after []byte) []byte {
	k, _ := it.c.Seek(after)
	if !it.desc {
		if k != nil && bytes.Equal(k, after) {
			k, _ = it.c.Next()
		}
		return it.check(k)
	}
	if k == nil {
		k, _ = it.c.Last()
	} else {
		k, _ = it.c.Prev()
	}
	return it.check(k)
}
