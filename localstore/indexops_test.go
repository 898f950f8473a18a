package localstore

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// Index writes are held until the end of a page and applied sorted by key;
// these pages make the order of puts and deletes on one key matter.
func TestApplyPage_SameRecordTwiceInOnePageKeepsIndexesExact(t *testing.T) {
	moved := order(3, 2)
	moved.Status = domain.OrderCancelled
	moved.CreatedAt = moved.CreatedAt.Add(-time.Hour)
	moved.Buyer.CustomerName = "Other Customer"
	tests := []struct {
		name       string
		stored     []domain.Record // applied first, in its own page
		page       Page
		wantStatus map[string]int
		wantIDs    []string
	}{
		{
			name:       "new record then its newer version with other index keys",
			page:       Page{Items: []domain.Record{order(3, 1), moved}},
			wantStatus: map[string]int{string(domain.OrderCancelled): 1},
			wantIDs:    []string{moved.ID},
		},
		{
			name:       "stored record updated twice, back to its first index keys",
			stored:     []domain.Record{order(3, 1)},
			page:       Page{Items: []domain.Record{moved, order(3, 3)}},
			wantStatus: map[string]int{string(order(3, 3).Status): 1},
			wantIDs:    []string{moved.ID},
		},
		{
			name:       "stored record updated with identical index keys",
			stored:     []domain.Record{order(3, 1)},
			page:       Page{Items: []domain.Record{order(3, 2)}},
			wantStatus: map[string]int{string(order(3, 2).Status): 1},
			wantIDs:    []string{moved.ID},
		},
		{
			name:       "record added and removed in one page",
			stored:     []domain.Record{order(4, 1)},
			page:       Page{Items: []domain.Record{order(3, 1)}, Removed: []domain.Tombstone{{ID: moved.ID, Version: 2}}},
			wantStatus: map[string]int{string(order(4, 1).Status): 1},
			wantIDs:    []string{order(4, 1).ID},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// given a cache holding the stored records
			s := openTemp(t)
			if tc.stored != nil {
				_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: tc.stored})
				require.NoError(t, err)
			}

			// when the page is applied
			tc.page.Resource = domain.ResOrders
			_, err := s.ApplyPage(tc.page)
			require.NoError(t, err)

			// then rows, every index and the counts agree, with one entry per record
			requireConsistent(t, s, domain.ResOrders)
			counts, err := s.StatusCounts(domain.ResOrders)
			require.NoError(t, err)
			assert.Equal(t, tc.wantStatus, counts)
			got, total, err := List[domain.Order](s, Query{Sort: SortTime})
			require.NoError(t, err)
			assert.Equal(t, len(tc.wantIDs), total)
			var ids []string
			for _, o := range got {
				ids = append(ids, o.ID)
			}
			assert.Equal(t, tc.wantIDs, ids)
		})
	}
}

func TestIndexOps_SortedKeepsRequestOrderForEqualKeys(t *testing.T) {
	// given puts and deletes out of key order, two of them on one key
	var x indexOps
	x.put(ixTime, []byte("b-key-long"), nil)
	x.del(ixTime, []byte("a"))
	x.del(ixTime, []byte("b-key-long"))
	x.put(ixTime, []byte("a-key-longer-than-8"), nil)
	x.put(ixTime, []byte("b-key-long"), []byte("v"))

	// when they are ordered for writing
	refs := x.sorted(ixTime, x.ops[ixTime])

	// then they are in key order, and on one key in the order asked
	var got []int32
	for _, r := range refs {
		got = append(got, r.i)
	}
	assert.Equal(t, []int32{1, 3, 0, 2, 4}, got)
}

func TestIndexOps_PrefixIndexesSortInKeyOrder(t *testing.T) {
	// given status-index ops in a scrambled order: several prefixes (one a
	// prefix of another, one empty, one Chinese), times that differ by less
	// than the head's resolution, and a delete and put on one key
	var x indexOps
	var a writebuf.Arena
	prefixes := []string{"completed", "complete", "", "已完成", "paid"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		p := prefixes[r.IntN(len(prefixes))]
		at := uint64(1<<63) + uint64(r.IntN(50))*1000 // nanoseconds apart: ties in the head
		x.put(ixStatus, prefixTimeIDKey(&a, p, at, fmt.Sprintf("ID%03d", r.IntN(40))), nil)
		if i == 100 {
			x.del(ixStatus, prefixTimeIDKey(&a, "paid", 1<<63, "ID001"))
			x.put(ixStatus, prefixTimeIDKey(&a, "paid", 1<<63, "ID001"), nil)
		}
	}
	ops := x.ops[ixStatus]

	// when they are ordered for writing
	refs := x.sorted(ixStatus, ops)

	// then the order is exactly by key, then by request
	want := make([]int32, len(ops))
	for i := range want {
		want[i] = int32(i)
	}
	slices.SortStableFunc(want, func(i, j int32) int { return bytes.Compare(ops[i].k, ops[j].k) })
	got := make([]int32, len(refs))
	for i, ref := range refs {
		got[i] = ref.i
	}
	assert.Equal(t, want, got)
}
