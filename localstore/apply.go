package localstore

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/segment"
	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// Page is one page of a resource's change feed, applied atomically with its cursor.
type Page struct {
	Resource domain.Resource
	Items    []domain.Record
	Removed  []domain.Tombstone
	// SetAside are records of this page the sync engine could not decode;
	// they are kept aside in the same transaction (see SetAside).
	SetAside []SetAside
	// Cursor is stored in the same transaction; empty leaves the stored cursor as is.
	Cursor string
}

// Applied is what ApplyPageReport did.
type Applied struct {
	Changes []domain.Change // in page order: items first, then removals
	// SetAside are the records of the page kept aside instead of stored:
	// the page's own Page.SetAside and those the cache refused.
	SetAside []SetAside
}

// ApplyPage is ApplyPageReport returning only the changes.
func (s *Store) ApplyPage(p Page) ([]domain.Change, error) {
	a, err := s.ApplyPageReport(p)
	return a.Changes, err
}

// ApplyPageReport writes a page of records, its removals and its cursor in
// one transaction. Upserts are idempotent and follow the version rule: a
// record only replaces a stored one with a lower version (equal is a
// no-op). A tombstone removes the record when its version is at least the
// stored one. A record the cache cannot store (no ID, an ID over the key
// limit, no status, invalid UTF-8) is set aside with its reason rather
// than failing the page.
func (s *Store) ApplyPageReport(p Page) (Applied, error) {
	sc := getScratch()
	defer putScratch(sc) // after the transaction: nothing refers to its bytes then
	items, aside, err := prepareItems(p, s.account, &sc.a)
	if err != nil {
		return Applied{}, err
	}
	aside = append(aside, p.SetAside...)
	var changes []domain.Change
	err = s.update(func(tx *bolt.Tx) error {
		c, _ := codecFor(p.Resource)
		w := newResWriter(tx, c, s.account, sc)
		w.ix.grow(len(items))
		var err error
		changes, err = w.applyPage(items, p.Removed, make([]domain.Change, 0, len(items)+len(p.Removed)))
		if err != nil {
			return err
		}
		if err := w.flush(); err != nil {
			return err
		}
		if err := putSetAside(tx, aside); err != nil {
			return err
		}
		if p.Cursor != "" {
			if err := tx.Bucket(bktCursors).Put([]byte(p.Resource), []byte(p.Cursor)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Applied{}, fmt.Errorf("localstore: apply %s page: %w", p.Resource, err)
	}
	if p.Cursor != "" && !s.synced.Load() {
		// from now on an emptied file is damage, not a new cache
		_ = s.guarded("read", func(db *bolt.DB) error { s.noteState(db, true); return nil })
	}
	return Applied{Changes: changes, SetAside: aside}, nil
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
	c                   codec
	account             string
	rec, row, tomb, cnt *bolt.Bucket
	ix                  *indexOps // index writes, applied sorted by flush
	aside               *setAsideCleaner
	seg                 *segment.Writer
	a                   *writebuf.Arena
	deltas              map[string]int64
	// hasTombs is false while the tomb bucket is empty, sparing a lookup
	// per new record on a first sync.
	hasTombs bool
	// lastRow is the greatest ID stored: a new ID above it (IDs are handed
	// out in order, so nearly every record of a first sync) needs no lookup.
	lastRow []byte
	hasRows bool
}

// newResWriter starts writing c's resource in tx, with scratch space from
// sc (nil: its own).
func newResWriter(tx *bolt.Tx, c codec, account string, sc *writeScratch) *resWriter {
	if sc == nil {
		sc = new(writeScratch)
	}
	b := tx.Bucket(resBucketName(string(c.resource())))
	w := &resWriter{c: c, account: account, deltas: map[string]int64{}, ix: &sc.ix, a: &sc.a,
		rec: b.Bucket(subRec), row: b.Bucket(subRow), tomb: b.Bucket(subTomb), cnt: b.Bucket(subCount),
		aside: newSetAsideCleaner(tx, c.resource())}
	w.ix.b = [numIndexes]*bolt.Bucket{ixTime: b.Bucket(subTime),
		ixStatus: b.Bucket(subStatus), ixDeadline: b.Bucket(subDeadline)}
	w.seg = segment.NewWriter(b.Bucket(subSeg), b.Bucket(subDict), w.a)
	k, _ := w.tomb.Cursor().First()
	w.hasTombs = k != nil
	if last, _ := w.row.Cursor().Last(); last != nil {
		w.lastRow, w.hasRows = bytes.Clone(last), true
	}
	// Keys mostly arrive in order (IDs and times grow), where bbolt's default
	// half-full split doubles the file; fuller pages keep it compact. The
	// buckets keyed by ID or time take nearly only appends, so their pages
	// are filled completely; an insert into a full page later just splits it.
	for _, bk := range append([]*bolt.Bucket{w.rec, w.row}, w.ix.b[:]...) {
		bk.FillPercent = 0.9
	}
	for _, bk := range []*bolt.Bucket{w.rec, w.row, w.ix.b[ixTime], w.seg.Bucket()} {
		bk.FillPercent = 1.0
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
		// A stored copy that no longer decodes (a damaged page) is simply
		// replaced: the server's newer version is the cure.
		if prev, err := w.c.decode(w.rec.Get(id)); err == nil {
			before = prev
		}
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
	if err := w.aside.stored(p.id, p.f.version); err != nil {
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
	id := w.a.CopyOf([]byte(p.id))
	f := &p.f
	rowb := w.a.Alloc(f.rowSize())
	f.encodeRow(rowb)
	at := timeKey(f.at)
	atVal := w.a.Alloc(8 + len(f.status))
	binary.BigEndian.PutUint64(atVal, uint64(f.amount))
	copy(atVal[8:], f.status)
	// rec and row are written now: later items of the page read them.
	if err := w.rec.Put(id, p.data); err != nil {
		return fmt.Errorf("%s %s: %w", w.c.resource(), p.id, err)
	}
	if err := w.row.Put(id, rowb); err != nil {
		return fmt.Errorf("%s %s: %w", w.c.resource(), p.id, err)
	}
	w.ix.put(ixTime, timeIDKey(w.a, at, p.id), atVal)
	w.ix.put(ixStatus, prefixTimeIDKey(w.a, f.status, at, p.id), nil)
	if !f.deadline.IsZero() {
		w.ix.put(ixDeadline, timeIDKey(w.a, timeKey(f.deadline), p.id), nil)
	}
	if err := w.seg.Put(segEntry(p.id, f)); err != nil {
		return fmt.Errorf("%s %s: %w", w.c.resource(), p.id, err)
	}
	if p.tombstoned {
		if err := w.tomb.Delete(id); err != nil {
			return err
		}
	}
	w.count(f.status, f.flags, 1)
	return nil
}

// unindex deletes the index entries and count of a stored row. The
// deletes are held with the page's index puts, in order, so a record that
// appears twice in one page keeps only its last entries.
func (w *resWriter) unindex(id string, r row) error {
	at := r.at
	status := string(r.status)
	w.ix.del(ixTime, timeIDKey(w.a, at, id))
	w.ix.del(ixStatus, prefixTimeIDKey(w.a, status, at, id))
	if r.deadline != 0 {
		w.ix.del(ixDeadline, timeIDKey(w.a, r.deadline, id))
	}
	w.seg.Delete(id)
	w.count(status, r.flags, -1)
	return nil
}

// remove applies a tombstone; ok is false when nothing was removed.
func (w *resWriter) remove(t domain.Tombstone) (domain.Change, bool, error) {
	id := w.a.CopyOf([]byte(t.ID))
	old := w.row.Get(id)
	if old == nil {
		// Remember the removal so an older copy arriving later cannot resurrect it.
		if err := w.aside.stored(t.ID, t.Version); err != nil {
			return domain.Change{}, false, err
		}
		return domain.Change{}, false, w.keepTombstone(id, t.Version)
	}
	r, valid := parseRow(old)
	if valid && t.Version < r.version {
		return domain.Change{}, false, nil
	}
	before, err := w.c.decode(w.rec.Get(id))
	if err != nil {
		before = nil // a damaged copy is removed all the same
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
	w.seg.Delete(t.ID)
	if err := w.keepTombstone(id, t.Version); err != nil {
		return domain.Change{}, false, err
	}
	if err := w.aside.stored(t.ID, t.Version); err != nil {
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
	v := w.a.Alloc(8)
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

// flush writes what the page held back: its index entries, then its counts.
func (w *resWriter) flush() error {
	if err := w.ix.flush(); err != nil {
		return fmt.Errorf("%s: %w", w.c.resource(), err)
	}
	if err := w.seg.Flush(); err != nil {
		return fmt.Errorf("%s: %w", w.c.resource(), err)
	}
	return w.flushCounts()
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
