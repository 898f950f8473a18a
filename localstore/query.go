package localstore

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
	"github.com/koogallery/merchant-console/localstore/segment"
	"github.com/koogallery/merchant-console/localstore/topk"
)

// SortKey chooses the order of a query's results (see segment.SortKey).
type SortKey = segment.SortKey

// Sort orders. SortTime is the resource's primary time; with SortDeadline,
// records without a running countdown come last.
const (
	SortTime     = segment.SortTime
	SortUpdated  = segment.SortUpdated
	SortDeadline = segment.SortDeadline
	SortAmount   = segment.SortAmount
)

// Query selects, orders and pages one resource's records.
type Query struct {
	Resource domain.Resource
	// Statuses keeps records with any of these statuses (supervision: the
	// current node; notifications: the category). Empty keeps all.
	Statuses []string
	// Search keeps records whose ID, customer name, product name or ticket
	// subject (and order ID where the record has one) contain every
	// space-separated term, case-insensitively; Chinese works as is.
	Search string
	// Customer and Product keep records whose customer / product name
	// contains the text, case-insensitively.
	Customer, Product string
	// From (inclusive) and To (exclusive) bound the primary time; zero is open.
	From, To time.Time
	Sort     SortKey
	Desc     bool
	// Offset skips matches; Limit caps the page (0 or less: no cap).
	Offset, Limit int
}

// Get returns the record with id; ok is false when it is not cached.
// T is a record value type, e.g. localstore.Get[domain.Order](s, "CS123").
func Get[T domain.Record](s *Store, id string) (rec T, ok bool, err error) {
	k, err := kindOf[T]()
	if err != nil {
		return rec, false, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		data := resBucket(tx, k.res).Bucket(subRec).Get([]byte(id))
		if data == nil {
			return nil
		}
		rec, err = k.decodeT(data)
		ok = err == nil
		return err
	})
	if err != nil {
		return rec, false, fmt.Errorf("localstore: get %s %s: %w", k.res, id, err)
	}
	return rec, ok, nil
}

// List returns one page of the records matching q, and how many match in all.
func List[T domain.Record](s *Store, q Query) ([]T, int, error) {
	k, err := kindOf[T]()
	if err != nil {
		return nil, 0, err
	}
	q.Resource = k.res
	var out []T
	var total int
	err = s.view(func(tx *bolt.Tx) error {
		ids, n, err := s.plan(tx, q)
		if err != nil {
			return err
		}
		total = n
		out, err = fetch(tx, k, ids)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("localstore: list %s: %w", k.res, err)
	}
	return out, total, nil
}

// scanBatch is how many records Scan reads per read transaction: the
// callback runs outside transactions so a slow consumer (an export) never
// holds one open and blocks the file from growing.
const scanBatch = 256

// Scan calls fn for every record matching q, in q's order (Offset and Limit
// apply). It stops at fn's first error and returns it. Records removed
// while the scan runs are skipped.
func Scan[T domain.Record](s *Store, q Query, fn func(T) error) error {
	k, err := kindOf[T]()
	if err != nil {
		return err
	}
	q.Resource = k.res
	if q.Sort == SortTime {
		if err := scanByTime(s, k, q, fn); err != nil {
			return fmt.Errorf("localstore: scan %s: %w", k.res, err)
		}
		return nil
	}
	// Other orders have no index to walk: every match is ranked first. The
	// IDs outlive the transaction, packed in one buffer.
	var ids [][]byte
	if err := s.view(func(tx *bolt.Tx) error {
		ids, _, err = s.plan(tx, q)
		packIDs(ids)
		return err
	}); err != nil {
		return fmt.Errorf("localstore: scan %s: %w", k.res, err)
	}
	return fetchEach(s, k, ids, "scan", fn)
}

// packIDs copies ids (aliasing bbolt's memory) into one buffer.
func packIDs(ids [][]byte) {
	n := 0
	for _, id := range ids {
		n += len(id)
	}
	buf := make([]byte, 0, n)
	for i, id := range ids {
		buf = append(buf, id...)
		ids[i] = buf[len(buf)-len(id) : len(buf) : len(buf)]
	}
}

// fetchEach decodes the records with ids scanBatch at a time, each batch in
// its own read transaction, and calls fn outside any transaction. ids must
// not alias bbolt pages. Records removed meanwhile are skipped.
func fetchEach[T domain.Record](s *Store, k *kind[T], ids [][]byte, what string, fn func(T) error) error {
	for n := 1; len(ids) > 0; n++ {
		batch := ids[:min(scanBatch, len(ids))]
		ids = ids[len(batch):]
		var recs []T
		if err := s.view(func(tx *bolt.Tx) (err error) {
			if n%releaseEvery == 0 {
				cachefile.ReleaseMapped(tx, s.path)
			}
			recs, err = fetch(tx, k, batch)
			return err
		}); err != nil {
			return fmt.Errorf("localstore: %s %s: %w", what, k.res, err)
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

func resBucket(tx *bolt.Tx, res domain.Resource) *bolt.Bucket {
	return tx.Bucket(resBucketName(string(res)))
}

// fetch decodes the records with ids, skipping any no longer stored.
func fetch[T domain.Record](tx *bolt.Tx, k *kind[T], ids [][]byte) ([]T, error) {
	recs := resBucket(tx, k.res).Bucket(subRec)
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		data := recs.Get(id)
		if data == nil {
			continue
		}
		v, err := k.decodeT(data)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", k.res, id, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// plan returns the IDs of the requested page, in order, and the total
// match count. The IDs are only valid inside tx.
func (s *Store) plan(tx *bolt.Tx, q Query) ([][]byte, int, error) {
	if _, err := codecFor(q.Resource); err != nil {
		return nil, 0, err
	}
	b := resBucket(tx, q.Resource)
	if q.Search == "" && q.Customer == "" && q.Product == "" && len(q.Statuses) <= 1 && q.Sort == SortTime {
		s.warmOnList(q.Resource) // the search typed next reads the segments
		return planByTimeIndex(b, q)
	}
	if s.opts.NoRowCache {
		return planByRows(b, q)
	}
	return planBySegments(b, q)
}

// planByTimeIndex walks ix/time (or one status's slice of ix/status) in
// order: no record is decoded and the walk stops after the page unless the
// total must be counted.
func planByTimeIndex(b *bolt.Bucket, q Query) ([][]byte, int, error) {
	ix, prefix := b.Bucket(subTime), []byte(nil)
	if len(q.Statuses) == 1 {
		ix, prefix = b.Bucket(subStatus), append([]byte(q.Statuses[0]), 0)
	}
	lo, hi := timeBound(q.From, false), timeBound(q.To, true)
	it := newRangeIter(ix.Cursor(), prefix, lo, hi, q.Desc)
	var ids [][]byte
	total, want := 0, q.Offset+q.Limit
	counted := q.From.IsZero() && q.To.IsZero()
	for k := it.first(); k != nil; k = it.next() {
		if total >= q.Offset && (q.Limit <= 0 || total < want) {
			ids = append(ids, idOfTimeKey(k[len(prefix):]))
		}
		total++
		if counted && q.Limit > 0 && total >= want {
			break // the counts bucket gives the total
		}
	}
	if counted && q.Limit > 0 && total >= want {
		total = countOf(b.Bucket(subCount), q.Statuses)
	}
	return ids, total, nil
}

// countOf sums the maintained counts of statuses (all statuses when empty).
func countOf(cnt *bolt.Bucket, statuses []string) int {
	n := 0
	if len(statuses) > 0 {
		for _, st := range statuses {
			if v := cnt.Get([]byte(st)); len(v) == 8 {
				n += int(u64(v))
			}
		}
		return n
	}
	_ = cnt.ForEach(func(k, v []byte) error {
		if len(k) > 0 && k[0] != '#' && len(v) == 8 {
			n += int(u64(v))
		}
		return nil
	})
	return n
}

// rangeIter walks keys prefix+[lo, hi) (8-byte time after the prefix) in
// either direction.
type rangeIter struct {
	c      *bolt.Cursor
	prefix []byte
	lo, hi uint64
	desc   bool
}

func newRangeIter(c *bolt.Cursor, prefix []byte, lo, hi uint64, desc bool) *rangeIter {
	return &rangeIter{c: c, prefix: prefix, lo: lo, hi: hi, desc: desc}
}

func (it *rangeIter) seekKey(t uint64) []byte {
	k := make([]byte, len(it.prefix)+8)
	copy(k, it.prefix)
	for i := range 8 {
		k[len(it.prefix)+i] = byte(t >> (56 - 8*i))
	}
	return k
}

func (it *rangeIter) first() []byte {
	if !it.desc {
		k, _ := it.c.Seek(it.seekKey(it.lo))
		return it.check(k)
	}
	// Position after the last key below hi, then step back.
	var k []byte
	if it.hi == ^uint64(0) && len(it.prefix) == 0 {
		k, _ = it.c.Last()
	} else {
		seek := it.seekKey(it.hi)
		if it.hi == ^uint64(0) { // end of the prefix group: the byte after it
			seek = append(bytes.Clone(it.prefix[:len(it.prefix)-1]), it.prefix[len(it.prefix)-1]+1)
		}
		k, _ = it.c.Seek(seek)
		if k == nil {
			k, _ = it.c.Last()
		} else {
			k, _ = it.c.Prev()
		}
	}
	return it.check(k)
}

func (it *rangeIter) next() []byte {
	var k []byte
	if it.desc {
		k, _ = it.c.Prev()
	} else {
		k, _ = it.c.Next()
	}
	return it.check(k)
}

// check returns k while it lies inside the range, nil once outside.
func (it *rangeIter) check(k []byte) []byte {
	p := len(it.prefix)
	if k == nil || len(k) < p+8 || !bytes.Equal(k[:p], it.prefix) {
		return nil
	}
	if t := u64(k[p:]); t < it.lo || (t >= it.hi && it.hi != ^uint64(0)) {
		return nil
	}
	return k
}

// compileFilter compiles q for matching rows and segment entries.
func compileFilter(q Query) segment.Filter {
	f := segment.Filter{Lo: timeBound(q.From, false), Hi: timeBound(q.To, true)}
	for _, st := range q.Statuses {
		f.Statuses = append(f.Statuses, []byte(st))
	}
	for _, term := range strings.Fields(lower(q.Search)) {
		f.Terms = append(f.Terms, []byte(term))
	}
	if c := strings.TrimSpace(q.Customer); c != "" {
		f.Customer = []byte(lower(c))
	}
	if p := strings.TrimSpace(q.Product); p != "" {
		f.Product = []byte(lower(p))
	}
	return f
}

// matchRow reports whether the filter row r passes f.
func matchRow(f *segment.Filter, r *row) bool {
	if !f.InPeriod(r.at) {
		return false
	}
	if len(f.Statuses) > 0 {
		found := false
		for _, st := range f.Statuses {
			if bytes.Equal(st, r.status) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if f.Customer != nil && !bytes.Contains(r.customer, f.Customer) {
		return false
	}
	if f.Product != nil && !bytes.Contains(r.product, f.Product) {
		return false
	}
	for _, t := range f.Terms {
		if !bytes.Contains(r.search, t) && !bytes.Contains(r.customer, t) && !bytes.Contains(r.product, t) {
			return false
		}
	}
	return true
}

// sortValue is r's sort key as an unsigned number in ascending order.
func sortValue(r *row, key SortKey) uint64 {
	return segment.SortValue(r.at, r.updated, r.deadline, r.amount, key)
}

// planBySegments answers a filter or search query from the search
// segments (segment.Scan), keeping the best Offset+Limit matches. The IDs
// it returns alias bbolt's memory: valid inside the read transaction only.
func planBySegments(b *bolt.Bucket, q Query) ([][]byte, int, error) {
	f := compileFilter(q)
	k := max(q.Offset+q.Limit, 0)
	if q.Limit <= 0 {
		k = 0
	}
	top, total := segment.Scan(b.Bucket(subSeg), b.Bucket(subDict), &f, q.Sort, q.Desc, k)
	return top.Page(q.Offset), total, nil
}

// planByRows scans the row bucket (one compact row per record, no record
// decoding) and keeps the best Offset+Limit matches.
func planByRows(b *bolt.Bucket, q Query) ([][]byte, int, error) {
	f := compileFilter(q)
	top := topk.New(q.Offset+q.Limit, q.Desc)
	if q.Limit <= 0 {
		top = topk.New(0, q.Desc)
	}
	total := 0
	c := b.Bucket(subRow).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		r, ok := parseRow(v)
		if !ok || !matchRow(&f, &r) {
			continue
		}
		total++
		top.Offer(sortValue(&r, q.Sort), k)
	}
	return top.Page(q.Offset), total, nil
}

// Warming: see segment.Warm. cachefile.ReleaseMapped drops every mapped
// page of the file (a Scan, a long sync); cachefile.Releases counts those
// drops so a resource is warmed again on its next list after one.

// warmState is one resource's warm-up, per store: the release count it
// was started at, plus one (zero: never warmed).
type warmState struct{ at atomic.Uint64 }

// warmOnList starts warming res's segments in the background unless they
// were warmed since the last release.
func (s *Store) warmOnList(res domain.Resource) {
	w := s.warmStateOf(res)
	now := cachefile.Releases() + 1
	if old := w.at.Load(); old == now || !w.at.CompareAndSwap(old, now) {
		return
	}
	go func() { _ = s.WarmSearch(res) }()
}

func (s *Store) warmStateOf(res domain.Resource) *warmState {
	w, _ := s.warm.LoadOrStore(res, &warmState{})
	return w.(*warmState)
}

// WarmSearch maps res's search segments into the process now, so that the
// next filter or search query does not fault them in page by page. List
// calls it in the background on a resource's first unfiltered page; it
// is exported for benchmarks that time the steps apart.
func (s *Store) WarmSearch(res domain.Resource) error {
	return s.view(func(tx *bolt.Tx) error {
		if b := resBucket(tx, res); b != nil && b.Bucket(subSeg) != nil {
			segment.Warm(b.Bucket(subSeg))
		}
		return nil
	})
}
