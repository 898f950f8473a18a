package topk

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// pageBySort is the answer a full sort gives: values, then IDs, in order.
func pageBySort(ms []Match, desc bool, offset, limit int) []string {
	s := slices.Clone(ms)
	slices.SortFunc(s, func(a, b Match) int {
		c := 0
		switch {
		case a.Value < b.Value:
			c = -1
		case a.Value > b.Value:
			c = 1
		default:
			c = slices.Compare(a.ID, b.ID)
		}
		if desc {
			c = -c
		}
		return c
	})
	var out []string
	for _, m := range s[offset:min(offset+limit, len(s))] {
		out = append(out, string(m.ID))
	}
	return out
}

func strs(ids [][]byte) []string {
	var out []string
	for _, id := range ids {
		out = append(out, string(id))
	}
	return out
}

func TestTop_PageIsTheFullSortsPageWithTiesByID(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var ms []Match
	for i := range 2000 {
		// few distinct values, so most order comes from the ID tie-break
		ms = append(ms, Match{Value: uint64(r.IntN(7)), ID: fmt.Appendf(nil, "id-%05d", r.IntN(1_000_000)+i)})
	}
	for _, desc := range []bool{false, true} {
		top := New(150, desc)
		for _, m := range ms {
			top.Offer(m.Value, m.ID)
		}
		assert.Equal(t, pageBySort(ms, desc, 100, 50), strs(top.Page(100)), "desc=%v", desc)
	}
}

func TestTop_MergingSplitScansGivesTheSerialAnswer(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var ms []Match
	for i := range 3000 {
		ms = append(ms, Match{Value: r.Uint64N(1000), ID: fmt.Appendf(nil, "%06d", i)})
	}
	parts := []*Top{New(40, true), New(40, true), New(40, true)}
	for i, m := range ms {
		parts[i%3].Offer(m.Value, m.ID)
	}
	merged := parts[0]
	for _, p := range parts[1:] {
		for _, m := range p.Kept() {
			merged.Offer(m.Value, m.ID)
		}
	}
	assert.Equal(t, pageBySort(ms, true, 0, 40), strs(merged.Page(0)))
}

func TestTop_ZeroKeepsEveryMatch(t *testing.T) {
	top := New(0, false)
	for i := range 500 {
		top.Offer(uint64(500-i), fmt.Appendf(nil, "%03d", i))
	}
	assert.Len(t, top.Page(0), 500)
	assert.Equal(t, "499", string(top.Page(0)[0]))
}
