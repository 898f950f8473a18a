package localstore

import (
	"bytes"
	"container/heap"
	"slices"
)

// ranked is a match with its sort value. id may point into bbolt's mmap:
// valid only while the read transaction lasts.
type ranked struct {
	v  uint64
	id []byte
}

// topK keeps the k best matches (k == 0: all of them). Keeping only the page
// a screen shows avoids sorting 100k matches to show 100.
type topK struct {
	k     int
	desc  bool
	items []ranked
}

func newTopK(k int, desc bool) *topK { return &topK{k: k, desc: desc} }

// before reports whether a comes before b in the requested order; the ID
// breaks ties (in the same direction, as the time indexes order them) so
// pages are stable.
func (t *topK) before(a, b ranked) bool {
	if a.v != b.v {
		return (a.v < b.v) != t.desc
	}
	return (bytes.Compare(a.id, b.id) < 0) != t.desc
}

func (t *topK) offer(v uint64, id []byte) {
	cand := ranked{v: v, id: id}
	if t.k == 0 {
		t.items = append(t.items, cand)
		return
	}
	if len(t.items) < t.k {
		heap.Push(t, cand)
		return
	}
	// The heap's root is the worst kept match.
	if !t.before(cand, t.items[0]) {
		return
	}
	t.items[0] = cand
	heap.Fix(t, 0)
}

// sorted returns the kept matches in order.
func (t *topK) sorted() []ranked {
	out := t.items
	slices.SortFunc(out, func(a, b ranked) int {
		switch {
		case t.before(a, b):
			return -1
		case t.before(b, a):
			return 1
		}
		return 0
	})
	return out
}

// heap.Interface: a max-heap of "worst first" so the root is evicted first.
func (t *topK) Len() int           { return len(t.items) }
func (t *topK) Less(i, j int) bool { return t.before(t.items[j], t.items[i]) }
func (t *topK) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topK) Push(x any)         { t.items = append(t.items, x.(ranked)) }
func (t *topK) Pop() any {
	last := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return last
}

// pageOf returns the IDs of the kept matches after skipping offset.
func pageOf(top *topK, offset int) [][]byte {
	sorted := top.sorted()
	if offset >= len(sorted) {
		return nil
	}
	sorted = sorted[offset:]
	ids := make([][]byte, len(sorted))
	for i, m := range sorted {
		ids[i] = m.id
	}
	return ids
}
