package segment

import (
	"bytes"
	"encoding/binary"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/koogallery/merchant-console/localstore/topk"
	bolt "go.etcd.io/bbolt"
)

// Filter is a query compiled for matching entries: any of Statuses (none:
// all), a primary time in [Lo, Hi) (Hi ^0: open), a customer and product
// name containing Customer and Product (nil: any), and every term of Terms
// in the entry's text or names. Names and terms are lower-cased.
type Filter struct {
	Statuses          [][]byte
	Lo, Hi            uint64
	Terms             [][]byte
	Customer, Product []byte
}

// InPeriod reports whether a primary time at lies in [Lo, Hi).
func (f *Filter) InPeriod(at uint64) bool {
	return at >= f.Lo && (at < f.Hi || f.Hi == ^uint64(0))
}

// dictMatch is a query's view of the dictionary: which numbers are a wanted
// status, a matching customer or product, or contain each search term.
type dictMatch struct {
	status         []bool // nil: any status
	customer, prod []bool // nil: no such filter
	terms          [][]bool
}

// matchDict walks the dictionary once, testing every name against the
// filter; a name is matched once however many records carry it.
func matchDict(dict *bolt.Bucket, f *Filter) dictMatch {
	var m dictMatch
	size := 1
	c := dict.Cursor()
	k, _ := c.Seek([]byte{dictByID + 1}) // the name keys follow the number keys
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if len(k) == 5 && k[0] == dictByID {
		size = int(binary.BigEndian.Uint32(k[1:])) + 1
	}
	mark := func(on bool) []bool {
		if !on {
			return nil
		}
		return make([]bool, size)
	}
	m.status, m.customer, m.prod = mark(len(f.Statuses) > 0), mark(f.Customer != nil), mark(f.Product != nil)
	m.terms = make([][]bool, len(f.Terms))
	for t := range f.Terms {
		m.terms[t] = make([]bool, size)
	}
	prefix := []byte{dictByID}
	for k, name := c.Seek(prefix); len(k) == 5 && k[0] == dictByID; k, name = c.Next() {
		n := binary.BigEndian.Uint32(k[1:])
		if int(n) >= size {
			continue
		}
		for _, st := range f.Statuses {
			if bytes.Equal(st, name) {
				m.status[n] = true
			}
		}
		if m.customer != nil {
			m.customer[n] = bytes.Contains(name, f.Customer)
		}
		if m.prod != nil {
			m.prod[n] = bytes.Contains(name, f.Product)
		}
		for t, term := range f.Terms {
			m.terms[t][n] = bytes.Contains(name, term)
		}
	}
	return m
}

// is reports whether number n is marked in set (out of range: no).
func is(set []bool, n uint32) bool { return int(n) < len(set) && set[n] }

// Scan answers a filter or search query by reading every segment of seg
// (names numbered in dict) and keeping the best k matches by sort (k 0:
// all), with the number of matches. The IDs kept alias bbolt's memory:
// valid inside the read transaction only.
//
// The segments are split into contiguous runs scanned in parallel, one
// goroutine per core up to scanWorkers, each with its own best page, and
// the pages are merged: the scan is bound by reading the segments (~76 MB
// at a million orders), and a second core halves it. The merge gives the
// serial scan's answer because topk's order is total (sort value, then ID).
//
// A descending query reads the segments and their entries backwards: IDs
// grow with time, so the newest matches come first, fill the page, and
// later ones mostly lose to the page's worst at once instead of reshuffling
// the heap.
func Scan(seg, dict *bolt.Bucket, f *Filter, sort SortKey, desc bool, k int) (*topk.Top, int) {
	m := matchDict(dict, f)
	runs := splitRuns(segmentValues(seg, desc))
	scans := make([]segScan, len(runs))
	var wg sync.WaitGroup
	for i := range scans {
		scans[i] = segScan{m: &m, f: f, desc: desc, sort: sort, top: topk.New(k, desc)}
		if i == 0 {
			continue // runs on this goroutine, below
		}
		wg.Go(func() { scans[i].runGuarded(runs[i]) })
	}
	scans[0].run(runs[0])
	wg.Wait()
	top, total := scans[0].top, scans[0].total
	for _, sc := range scans[1:] {
		if sc.panicked != nil {
			panic(sc.panicked) // a damaged page: the store's guard turns it into ErrCorrupt
		}
		total += sc.total
		for _, r := range sc.top.Kept() {
			top.Offer(r.Value, r.ID)
		}
	}
	return top, total
}

// scanWorkers caps the goroutines of one query.
const scanWorkers = 4

// minRunSegments is the fewest segments (~256 records each) worth a
// goroutine of their own (a variable so a test can split small caches).
var minRunSegments = 64

// segmentValues lists the segment values in scan order (aliasing bbolt's
// memory).
func segmentValues(seg *bolt.Bucket, desc bool) [][]byte {
	var vals [][]byte
	c := seg.Cursor()
	first, next := c.First, c.Next
	if desc {
		first, next = c.Last, c.Prev
	}
	for k, v := first(); k != nil; k, v = next() {
		vals = append(vals, v)
	}
	return vals
}

// splitRuns cuts vals into at most one contiguous run per available core.
func splitRuns(vals [][]byte) [][][]byte {
	n := min(runtime.GOMAXPROCS(0), scanWorkers, max(len(vals)/minRunSegments, 1))
	runs := make([][][]byte, 0, n)
	for i := range n {
		runs = append(runs, vals[i*len(vals)/n:(i+1)*len(vals)/n])
	}
	return runs
}

// segScan is one run's share of a query: its matches and their count.
type segScan struct {
	m        *dictMatch
	f        *Filter
	desc     bool
	sort     SortKey
	top      *topk.Top
	total    int
	panicked any
}

// runGuarded is run on a goroutine of its own: a fault on a damaged page
// becomes a panic that is kept for the query's goroutine to raise again.
func (sc *segScan) runGuarded(vals [][]byte) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() { sc.panicked = recover() }()
	sc.run(vals)
}

// run checks every entry of the segments vals.
func (sc *segScan) run(vals [][]byte) {
	need := sc.m.textOnlyTerms()
	var hits []uint64 // per entry, bit t: term t found in its text
	for _, v := range vals {
		s, ok := viewSeg(v)
		if !ok {
			continue
		}
		hits = s.termHits(sc.f.Terms, hits)
		for j := range s.n {
			i := j
			if sc.desc {
				i = s.n - 1 - j
			}
			if hits[i]&need != need || !sc.m.keeps(s.entry(i), sc.f, hits[i]) {
				continue
			}
			id, ok := s.id(i)
			if !ok {
				continue
			}
			sc.total++
			sc.top.Offer(s.sortValue(i, sc.sort), id)
		}
	}
}

// textOnlyTerms has bit t set for each term no name contains: an entry can
// only match with that term in its own text, which rules most entries out
// before their columns are read (an ID search).
func (m *dictMatch) textOnlyTerms() uint64 {
	var need uint64
	for t, names := range m.terms {
		if t < 64 && !slices.Contains(names, true) {
			need |= 1 << t
		}
	}
	return need
}

// termHits marks, per entry, the terms found in its text: one bytes.Index
// pass over the blob per term, each hit mapped to its entry by binary search.
func (s segView) termHits(terms [][]byte, hits []uint64) []uint64 {
	hits = append(hits[:0], make([]uint64, s.n)...)
	for t, term := range terms {
		if t >= 64 {
			break // more terms than bits: the rest are checked by name only
		}
		for from := 0; from < len(s.blob); {
			at := bytes.Index(s.blob[from:], term)
			if at < 0 {
				break
			}
			i := s.entryAt(from + at)
			hits[i] |= 1 << t
			from = s.textOff(i + 1) // one hit per entry is enough
		}
	}
	return hits
}

// entryAt is the entry whose text holds blob offset off.
func (s segView) entryAt(off int) int {
	lo, hi := 0, s.n-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.textOff(mid) <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// keeps reports whether the entry e passes every filter; hit carries its
// text's term matches.
func (m *dictMatch) keeps(e []byte, f *Filter, hit uint64) bool {
	_ = e[segEntrySize-1]
	if m.status != nil && !is(m.status, binary.BigEndian.Uint32(e)) {
		return false
	}
	if !f.InPeriod(binary.BigEndian.Uint64(e[12:])) {
		return false
	}
	cust, prod := binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:])
	if m.customer != nil && !is(m.customer, cust) || m.prod != nil && !is(m.prod, prod) {
		return false
	}
	for t, names := range m.terms {
		if (t >= 64 || hit&(1<<t) == 0) && !is(names, cust) && !is(names, prod) {
			return false
		}
	}
	return true
}
