package segment

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/koogallery/merchant-console/localstore/cachefile"
	"github.com/koogallery/merchant-console/localstore/writebuf"
	bolt "go.etcd.io/bbolt"
)

// The dictionary numbers each distinct status, customer and product name
// of a resource once: 'n'+name → number(4) and 'i'+number(4) → name. The
// number 0 is the empty name. Names are never dropped: they are few (a
// seller's customers and products) next to the records that use them.
const (
	dictByName = 'n'
	dictByID   = 'i'
)

// Writer holds a page's changes to the search segments and writes them,
// segment by segment, when the page is flushed.
type Writer struct {
	seg, dict *bolt.Bucket
	a         *writebuf.Arena
	ops       map[string]*segRec // final state per ID; nil removes
	names     map[string]uint32  // dictionary numbers looked up so far
}

// Entry is what a segment keeps of one record: its ID, status, customer
// and product (lower-cased), its search text (lower-cased parts joined by
// 0x1f) and its sort columns (times as the cache's time keys; 0: none).
type Entry struct {
	ID, Status, Customer, Product, Search string
	At, Updated, Deadline                 uint64
	Amount                                int64
}

// NewWriter returns a writer of the segments in seg whose names are
// numbered in dict; every key and value it writes is placed in a.
func NewWriter(seg, dict *bolt.Bucket, a *writebuf.Arena) *Writer {
	return &Writer{seg: seg, dict: dict, a: a,
		ops: map[string]*segRec{}, names: map[string]uint32{}}
}

// Put records e as its ID's entry (replacing any earlier one of the page).
func (w *Writer) Put(e Entry) error {
	r := &segRec{id: w.a.CopyOf([]byte(e.ID)), search: w.a.CopyOf([]byte(e.Search)),
		at: e.At, updated: e.Updated, deadline: e.Deadline, amount: e.Amount}
	var err error
	if r.status, err = w.intern(e.Status); err != nil {
		return err
	}
	if r.customer, err = w.intern(e.Customer); err != nil {
		return err
	}
	if r.product, err = w.intern(e.Product); err != nil {
		return err
	}
	w.ops[e.ID] = r
	return nil
}

// Delete removes id's entry (a later Put of the page adds it back).
func (w *Writer) Delete(id string) { w.ops[id] = nil }

// Pending is how many records' changes wait for Flush.
func (w *Writer) Pending() int { return len(w.ops) }

// Bucket is the segments' bucket (to tune its fill).
func (w *Writer) Bucket() *bolt.Bucket { return w.seg }

// intern returns name's dictionary number, adding it when new.
func (w *Writer) intern(name string) (uint32, error) {
	if name == "" {
		return 0, nil
	}
	if n, ok := w.names[name]; ok {
		return n, nil
	}
	k := w.a.Alloc(1 + len(name))
	k[0] = dictByName
	copy(k[1:], name)
	var n uint32
	if v := w.dict.Get(k); len(v) == 4 {
		n = binary.BigEndian.Uint32(v)
	} else {
		seq, err := w.dict.NextSequence()
		if err != nil || seq > 1<<32-1 {
			return 0, fmt.Errorf("dictionary number for %q: %v", name, err)
		}
		n = uint32(seq)
		v := w.a.Alloc(4)
		binary.BigEndian.PutUint32(v, n)
		ik := w.a.Alloc(5)
		ik[0] = dictByID
		copy(ik[1:], v)
		if err := w.dict.Put(k, v); err != nil {
			return 0, err
		}
		if err := w.dict.Put(ik, w.a.CopyOf([]byte(name))); err != nil {
			return 0, err
		}
	}
	w.names[name] = n
	return n, nil
}

// Flush rewrites every segment the page touched: the IDs in order, each
// run of IDs that falls into one segment merged into it in one rewrite.
func (w *Writer) Flush() error {
	if len(w.ops) == 0 {
		return nil
	}
	ids := make([]string, 0, len(w.ops))
	for id := range w.ops {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		key, val, next := w.locate([]byte(ids[0]))
		n := 1
		for n < len(ids) && (next == nil || bytes.Compare([]byte(ids[n]), next) < 0) {
			n++
		}
		if err := w.rewrite(key, val, ids[:n]); err != nil {
			return fmt.Errorf("search segment: %w", err)
		}
		ids = ids[n:]
	}
	if written.Add(int64(len(w.ops))) >= ReleaseAfterRecords {
		written.Store(0)
		cachefile.ReleaseMapped(w.seg.Tx(), w.seg.Tx().DB().Path())
	}
	clear(w.ops)
	return nil
}

// ReleaseAfterRecords is how many records are written between two releases
// of the file pages the writes mapped (cachefile.ReleaseMapped): a first sync reads
// index and record pages through the map as it inserts, and a console that
// syncs for hours would otherwise keep every page it ever touched resident.
// Inside the write transaction is safe: only this transaction could remap.
const ReleaseAfterRecords = 8_000

// written counts records written since the last release, in every store
// of the process (one release covers the file it is asked for only, which
// is enough to keep the busiest file's pages bounded).
var written atomic.Int64

// locate finds the segment that holds id: its key and value (nil when
// there is no segment yet) and the next segment's key (nil for the last),
// all copied, as the rewrite moves the bucket under them.
func (w *Writer) locate(id []byte) (key, val, next []byte) {
	c := w.seg.Cursor()
	k, v := c.Seek(id)
	switch {
	case k != nil && bytes.Equal(k, id):
		// id opens this segment
	case k == nil:
		k, v = c.Last()
	default:
		if pk, pv := c.Prev(); pk != nil {
			k, v = pk, pv
		} else {
			k, v = c.First() // below every key: the first segment takes it
		}
	}
	if k == nil {
		return nil, nil, nil
	}
	key, val = bytes.Clone(k), v
	if nk, _ := c.Next(); nk != nil {
		next = bytes.Clone(nk)
	}
	return key, val, next
}

// rewrite merges the ops of ids into the segment (key, val) and stores the
// result under its new first ID, split when it grew too large.
func (w *Writer) rewrite(key, val []byte, ids []string) error {
	var recs []segRec
	if val != nil {
		recs, _ = decodeSeg(val, w.a) // a damaged segment is rebuilt from the page alone
	}
	merged := mergeSeg(recs, ids, w.ops)
	if key != nil {
		if err := w.seg.Delete(key); err != nil {
			return err
		}
	}
	for _, part := range splitSeg(merged) {
		if len(part) == 0 {
			continue
		}
		if err := w.seg.Put(part[0].id, encodeSeg(part, w.a)); err != nil {
			return err
		}
	}
	return nil
}
