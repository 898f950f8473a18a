package segment

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// entries are n records spread over few statuses, customers and products,
// with Chinese names and a few shared words, so filters keep a fair share.
func entries(n int) []Entry {
	r := rand.New(rand.NewPCG(7, 8))
	statuses := []string{"paid", "refunding", "closed"}
	customers := []string{"华为云客户甲", "acme ltd", "beta 科技", ""}
	products := []string{"云主机", "database pro", "安全扫描"}
	out := make([]Entry, n)
	for i := range out {
		out[i] = Entry{ID: fmt.Sprintf("CS%07d", i), Status: statuses[r.IntN(3)],
			Customer: customers[r.IntN(4)], Product: products[r.IntN(3)],
			Search: strings.Join([]string{"ticket", []string{"退款", "invoice", "升级"}[r.IntN(3)]}, "\x1f"),
			At:     uint64(1000 + r.IntN(500)), Updated: uint64(r.IntN(100)), Deadline: uint64(r.IntN(3) * r.IntN(900)),
			Amount: int64(r.IntN(2000) - 1000)}
	}
	return out
}

// write stores es as segments, a page of 500 at a time as a sync does.
func write(t *testing.T, es []Entry) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "seg.db"), 0o600, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	for from := 0; from < len(es); from += 500 {
		require.NoError(t, db.Update(func(tx *bolt.Tx) error {
			seg, _ := tx.CreateBucketIfNotExists([]byte("seg"))
			dict, _ := tx.CreateBucketIfNotExists([]byte("dict"))
			var a writebuf.Arena
			w := NewWriter(seg, dict, &a)
			for _, e := range es[from:min(from+500, len(es))] {
				if err := w.Put(e); err != nil {
					return err
				}
			}
			return w.Flush()
		}))
	}
	return db
}

// naive is the answer of checking every entry and sorting them all.
func naive(es []Entry, f *Filter, sort SortKey, desc bool, k int) ([]string, int) {
	var kept []Entry
	for _, e := range es {
		text := e.ID + "\x1f" + e.Search
		ok := f.InPeriod(e.At) &&
			(len(f.Statuses) == 0 || slices.ContainsFunc(f.Statuses, func(s []byte) bool { return string(s) == e.Status })) &&
			(f.Customer == nil || strings.Contains(e.Customer, string(f.Customer))) &&
			(f.Product == nil || strings.Contains(e.Product, string(f.Product)))
		for _, term := range f.Terms {
			t := string(term)
			ok = ok && (strings.Contains(text, t) || strings.Contains(e.Customer, t) || strings.Contains(e.Product, t))
		}
		if ok {
			kept = append(kept, e)
		}
	}
	slices.SortFunc(kept, func(a, b Entry) int {
		va, vb := SortValue(a.At, a.Updated, a.Deadline, a.Amount, sort), SortValue(b.At, b.Updated, b.Deadline, b.Amount, sort)
		c := 0
		switch {
		case va < vb:
			c = -1
		case va > vb:
			c = 1
		default:
			c = strings.Compare(a.ID, b.ID)
		}
		if desc {
			c = -c
		}
		return c
	})
	var ids []string
	for _, e := range kept[:min(k, len(kept))] {
		ids = append(ids, e.ID)
	}
	return ids, len(kept)
}

func TestScan_ParallelRunsAgreeWithANaiveFilter(t *testing.T) {
	// given 6000 records in ~24 segments, scanned in runs of as little as
	// one segment on four goroutines (a million-order cache splits the same way)
	defer func(n int) { minRunSegments = n }(minRunSegments)
	minRunSegments = 1
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(scanWorkers))
	es := entries(6000)
	db := write(t, es)
	filters := map[string]Filter{
		"all":                 {Hi: ^uint64(0)},
		"status and period":   {Statuses: [][]byte{[]byte("refunding")}, Lo: 1100, Hi: 1300},
		"chinese customer":    {Customer: []byte("客户"), Hi: ^uint64(0)},
		"term in text":        {Terms: [][]byte{[]byte("退款")}, Hi: ^uint64(0)},
		"term in a name":      {Terms: [][]byte{[]byte("pro"), []byte("ticket")}, Hi: ^uint64(0)},
		"id term":             {Terms: [][]byte{[]byte("cs00012")}, Hi: ^uint64(0)},
		"product and nothing": {Product: []byte("无此产品"), Hi: ^uint64(0)},
	}
	for name, f := range filters {
		for _, sort := range []SortKey{SortTime, SortUpdated, SortDeadline, SortAmount} {
			for _, desc := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%d/%v", name, sort, desc), func(t *testing.T) {
					// when the query is scanned
					var got [][]byte
					var total int
					require.NoError(t, db.View(func(tx *bolt.Tx) error {
						top, n := Scan(tx.Bucket([]byte("seg")), tx.Bucket([]byte("dict")), &f, sort, desc, 50)
						for _, id := range top.Page(0) {
							got = append(got, bytes.Clone(id))
						}
						total = n
						return nil
					}))

					// then the page and the count are the naive answer's
					want, wantTotal := naive(es, &f, sort, desc, 50)
					assert.Equal(t, wantTotal, total)
					var gotIDs []string
					for _, id := range got {
						gotIDs = append(gotIDs, string(id))
					}
					assert.Equal(t, want, gotIDs)
				})
			}
		}
	}
}
