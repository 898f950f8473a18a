// Package topk keeps the best k matches of a scan in a bounded heap, so a
// query that matches 100k records sorts only the page a screen shows. Its
// order is total (sort value, then ID), so pages are stable and scans
// split across goroutines merge to the serial answer.
package topk

import (
	"bytes"
	"container/heap"
	"slices"
)

// Match is one record with its sort value. ID may point into bbolt's
// memory map: valid only while the read transaction lasts.
type Match struct {
	Value uint64
	ID    []byte
}

// Top keeps the k best matches (k == 0: all of them).
type Top struct {
	h worstFirst
}

// New returns a Top of the k best matches in ascending order of value, or
// descending when desc.
func New(k int, desc bool) *Top { return &Top{h: worstFirst{k: k, desc: desc}} }

// Offer considers one match.
func (t *Top) Offer(v uint64, id []byte) {
	h := &t.h
	cand := Match{Value: v, ID: id}
	if h.k == 0 {
		h.items = append(h.items, cand)
		return
	}
	if len(h.items) < h.k {
		heap.Push(h, cand)
		return
	}
	// The heap's root is the worst kept match.
	if !h.before(cand, h.items[0]) {
		return
	}
	h.items[0] = cand
	heap.Fix(h, 0)
}

// Kept lists the kept matches in no particular order (to merge into
// another Top).
func (t *Top) Kept() []Match { return t.h.items }

// Sorted returns the kept matches in order.
func (t *Top) Sorted() []Match {
	out := t.h.items
	slices.SortFunc(out, func(a, b Match) int {
		switch {
		case t.h.before(a, b):
			return -1
		case t.h.before(b, a):
			return 1
		}
		return 0
	})
	return out
}

// Page returns the IDs of the kept matches, in order, after skipping offset.
func (t *Top) Page(offset int) [][]byte {
	sorted := t.Sorted()
	if offset >= len(sorted) {
		return nil
	}
	sorted = sorted[offset:]
	ids := make([][]byte, len(sorted))
	for i, m := range sorted {
		ids[i] = m.ID
	}
	return ids
}

// worstFirst is a heap whose root is the worst kept match, the first to go.
type worstFirst struct {
	k     int
	desc  bool
	items []Match
}

// before reports whether a comes before b in the requested order; the ID
// breaks ties in the same direction, as the time indexes order them.
func (h *worstFirst) before(a, b Match) bool {
	if a.Value != b.Value {
		return (a.Value < b.Value) != h.desc
	}
	return (bytes.Compare(a.ID, b.ID) < 0) != h.desc
}

func (h *worstFirst) Len() int           { return len(h.items) }
func (h *worstFirst) Less(i, j int) bool { return h.before(h.items[j], h.items[i]) }
func (h *worstFirst) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *worstFirst) Push(x any)         { h.items = append(h.items, x.(Match)) }
func (h *worstFirst) Pop() any {
	last := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return last
}
