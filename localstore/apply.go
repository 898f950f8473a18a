package localstore

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// Page is one page of a resource's change feed, applied atomically with its cursor.
type Page struct {
	Resource domain.Resource
	Items    []domain.Record
	Removed  []domain.Tombstone
	// Cursor is stored in the same transaction; empty leaves the stored cursor as is.
	Cursor string
}

// ApplyPage writes a page of records, its removals and its cursor in one
// transaction. Upserts are idempotent and follow the version rule: a record
// only replaces a stored one with a lower version (equal is a no-op). A
// tombstone removes the record when its version is at least the stored one.
// It returns what changed, in page order: items first, then removals.
func (s *Store) ApplyPage(p Page) ([]domain.Change, error) {
	items, err := prepareItems(p, s.account)
	if err != nil {
		return nil, err
	}
	var changes []domain.Change
	err = s.update(func(tx *bolt.Tx) error {
		c, _ := codecFor(p.Resource)
		w := newResWriter(tx, c, s.account)
		var err error
		changes, err = w.applyPage(items, p.Removed, make([]domain.Change, 0, len(items)+len(p.Removed)))
		if err != nil {
			return err
		}
		if err := w.flushCounts(); err != nil {
			return err
		}
		if p.Cursor != "" {
			if err := tx.Bucket(bktCursors).Put([]byte(p.Resource), []byte(p.Cursor)); err != nil {
				return err
			}
		}
		s.caches.markWritten(p.Resource, tx.ID())
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: apply %s page: %w", p.Resource, err)
	}
	return changes, nil
}

// prepareItems encodes a page's records before the write transaction, so
// the writer lock is held for as short a time as possible.
func prepareItems(p Page, account string) ([]prepared, error) {
	c, err := codecFor(p.Resource)
	if err != nil {
		return nil, fmt.Errorf("localstore: apply page: %w", err)
	}
	items := make([]prepared, len(p.Items))
	for i, r := range p.Items {
		if items[i], err = c.prepare(r, account); err != nil {
			return nil, fmt.Errorf("localstore: apply %s page: %w", p.Resource, err)
		}
	}
	return items, nil
}

// applyPage applies one page's upserts, then its removals, appending the changes.
func (w *resWriter) applyPage(items []prepared, removed []domain.Tombstone, changes []domain.Change) ([]domain.Change, error) {
	for i := range items {
		ch, ok, err := w.upsert(&items[i])
		if err != nil {
			return changes, err
		}
		if ok {
			changes = append(changes, ch)
		}
	}
	for _, t := range removed {
		ch, ok, err := w.remove(t)
		if err != nil {
			return changes, err
		}
		if ok {
			changes = append(changes, ch)
		}
	}
	return changes, nil
}

// resWriter applies upserts and removals to one resource's buckets.
type resWriter struct {
	c                                         codec
	account                                   string
	rec, row, tomb, cnt                       *bolt.Bucket
	status, at, updated, deadline, cust, prod *bolt.Bucket
	a                                         arena
	deltas                                    map[string]int64
	ops                                       []kv // reused per record
	// hasTombs is false while the tomb bucket is empty, sparing a lookup
	// per new record on a first sync.
	hasTombs bool
	// lastRow is the greatest ID stored: a new ID above it (IDs are handed
	// out in order, so nearly every record of a first sync) needs no lookup.
	lastRow []byte
	hasRows bool
}

// kv is one pending Put or Delete.
type kv struct {
	b    *bolt.Bucket
	k, v []byte
}

func newResWriter(tx *bolt.Tx, c codec, account string) *resWriter {
	b := tx.Bucket(resBucketName(string(c.resource())))
	w := &resWriter{c: c, account: account, deltas: map[string]int64{},
		rec: b.Bucket(subRec), row: b.Bucket(subRow), tomb: b.Bucket(subTomb), cnt: b.Bucket(subCount),
		status: b.Bucket(subStatus), at: b.Bucket(subTime), updated: b.Bucket(subUpdated),
		deadline: b.Bucket(subDeadline), cust: b.Bucket(subCustomer), prod: b.Bucket(subProduct)}
	k, _ := w.tomb.Cursor().First()
	w.hasTombs = k != nil
	if last, _ := w.row.Cursor().Last(); last != nil {
		w.lastRow, w.hasRows = bytes.Clone(last), true
	}
	// Keys mostly arrive in order (IDs and times grow), where bbolt's default
	// half-full split doubles the file; fuller pages keep it compact.
	for _, bk := range []*bolt.Bucket{w.rec, w.row, w.at, w.updated, w.status, w.deadline, w.cust, w.prod} {
		bk.FillPercent = 0.9
	}
	return w
}

func (w *resWriter) change(kind domain.ChangeKind, id string, before, after domain.Record) domain.Change {
	return domain.Change{Account: w.account, Resource: w.c.resource(), Kind: kind, ID: id, Before: before, After: after}
}

// upsert writes one record; ok is false when the version rule keeps the stored one.
func (w *resWriter) upsert(p *prepared) (domain.Change, bool, error) {
	id := []byte(p.id)
	var before domain.Record
	if old := w.existingRow(id); old != nil {
		r, valid := parseRow(old)
		if valid && r.version >= p.f.version {
			return domain.Change{}, false, nil
		}
		prev, err := w.c.decode(w.rec.Get(id))
		if err != nil {
			return domain.Change{}, false, fmt.Errorf("%s %s: %w", w.c.resource(), p.id, err)
		}
		before = prev
		if valid {
			if err := w.unindex(p.id, r); err != nil {
				return domain.Change{}, false, err
			}
		}
	} else if t := w.tombOf(id); t != nil {
		if len(t) == 8 && int64(u64(t)) >= p.f.version {
			return domain.Change{}, false, nil // removed at this version or later
		}
		p.tombstoned = true
	}
	if err := w.put(p); err != nil {
		return domain.Change{}, false, err
	}
	if before == nil {
		return w.change(domain.ChangeNew, p.id, nil, p.rec), true, nil
	}
	return w.change(domain.ChangeUpdated, p.id, before, p.rec), true, nil
}

// existingRow returns the stored row of id, skipping the lookup for an ID
// above every stored one.
func (w *resWriter) existingRow(id []byte) []byte {
	if w.hasRows && bytes.Compare(id, w.lastRow) <= 0 {
		return w.row.Get(id)
	}
	w.lastRow, w.hasRows = id, true
	return nil
}

// put stores the record, its row and its index entries.
func (w *resWriter) put(p *prepared) error {
	id := w.a.copyOf([]byte(p.id))
	f := &p.f
	rowb := w.a.alloc(f.rowSize())
	f.encodeRow(rowb)
	at := timeKey(f.at)
	atVal := w.a.alloc(8 + len(f.status))
	binary.BigEndian.PutUint64(atVal, uint64(f.amount))
	copy(atVal[8:], f.status)
	puts := append(w.ops[:0], []kv{
		{w.rec, id, p.data},
		{w.row, id, rowb},
		{w.at, w.a.timeIDKey(at, p.id), atVal},
		{w.updated, w.a.timeIDKey(timeKey(f.updated), p.id), nil},
		{w.status, w.a.prefixTimeIDKey(f.status, at, p.id), nil},
	}...)
	if !f.deadline.IsZero() {
		puts = append(puts, kv{w.deadline, w.a.timeIDKey(timeKey(f.deadline), p.id), nil})
	}
	if f.customer != "" {
		puts = append(puts, kv{w.cust, w.a.prefixTimeIDKey(f.customer, at, p.id), nil})
	}
	if f.product != "" {
		puts = append(puts, kv{w.prod, w.a.prefixTimeIDKey(f.product, at, p.id), nil})
	}
	w.ops = puts
	for _, e := range puts {
		if err := e.b.Put(e.k, e.v); err != nil {
			return fmt.Errorf("%s %s: %w", w.c.resource(), p.id, err)
		}
	}
	if p.tombstoned {
		if err := w.tomb.Delete(id); err != nil {
			return err
		}
	}
	w.count(f.status, f.flags, 1)
	return nil
}

// unindex deletes the index entries and count of a stored row.
func (w *resWriter) unindex(id string, r row) error {
	at := r.at
	status := string(r.status)
	dels := append(w.ops[:0], []kv{
		{w.at, w.a.timeIDKey(at, id), nil},
		{w.updated, w.a.timeIDKey(r.updated, id), nil},
		{w.status, w.a.prefixTimeIDKey(status, at, id), nil},
	}...)
	if r.deadline != 0 {
		dels = append(dels, kv{w.deadline, w.a.timeIDKey(r.deadline, id), nil})
	}
	if len(r.customer) > 0 {
		dels = append(dels, kv{w.cust, w.a.prefixTimeIDKey(string(r.customer), at, id), nil})
	}
	if len(r.product) > 0 {
		dels = append(dels, kv{w.prod, w.a.prefixTimeIDKey(string(r.product), at, id), nil})
	}
	w.ops = dels
	for _, d := range dels {
		if err := d.b.Delete(d.k); err != nil {
			return fmt.Errorf("%s %s: unindex: %w", w.c.resource(), id, err)
		}
	}
	w.count(status, r.flags, -1)
	return nil
}

// remove applies a tombstone; ok is false when nothing was removed.
func (w *resWriter) remove(t domain.Tombstone) (domain.Change, bool, error) {
	id := w.a.copyOf([]byte(t.ID))
	old := w.row.Get(id)
	if old == nil {
		// Remember the removal so an older copy arriving later cannot resurrect it.
		return domain.Change{}, false, w.keepTombstone(id, t.Version)
	}
	r, valid := parseRow(old)
	if valid && t.Version < r.version {
		return domain.Change{}, false, nil
	}
	before, err := w.c.decode(w.rec.Get(id))
	if err != nil {
		return domain.Change{}, false, fmt.Errorf("%s %s: %w", w.c.resource(), t.ID, err)
	}
	if valid {
		if err := w.unindex(t.ID, r); err != nil {
			return domain.Change{}, false, err
		}
	}
	if err := w.rec.Delete(id); err != nil {
		return domain.Change{}, false, err
	}
	if err := w.row.Delete(id); err != nil {
		return domain.Change{}, false, err
	}
	if err := w.keepTombstone(id, t.Version); err != nil {
		return domain.Change{}, false, err
	}
	return w.change(domain.ChangeRemoved, t.ID, before, nil), true, nil
}

func (w *resWriter) tombOf(id []byte) []byte {
	if !w.hasTombs {
		return nil
	}
	return w.tomb.Get(id)
}

func (w *resWriter) keepTombstone(id []byte, version int64) error {
	if old := w.tombOf(id); len(old) == 8 && int64(u64(old)) >= version {
		return nil
	}
	w.hasTombs = true
	v := w.a.alloc(8)
	binary.BigEndian.PutUint64(v, uint64(version))
	return w.tomb.Put(id, v)
}

// count records a status and flag change, written once per page by flushCounts.
func (w *resWriter) count(status string, flags uint8, d int64) {
	w.deltas[status] += d
	for i, name := range flagNames {
		if flags&(1<<i) != 0 {
			w.deltas[name] += d
		}
	}
}

func (w *resWriter) flushCounts() error {
	for k, d := range w.deltas {
		if d == 0 {
			continue
		}
		var n int64
		if v := w.cnt.Get([]byte(k)); len(v) == 8 {
			n = int64(u64(v))
		}
		n += d
		key := []byte(k)
		if n <= 0 {
			if err := w.cnt.Delete(key); err != nil {
				return err
			}
			continue
		}
		if err := w.cnt.Put(key, binary.BigEndian.AppendUint64(nil, uint64(n))); err != nil {
			return err
		}
	}
	return nil
}
