package localstore

import (
	"bytes"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// rowCache is an in-memory, column-wise copy of one resource's row bucket.
// Filter and search screens scan it instead of the bbolt rows: same
// answers, a fraction of the CPU (no cursor walk, customer and product
// names matched once per distinct name). It is a snapshot as of the
// transaction `built`, rebuilt lazily when a write to the resource has
// happened since (see Store.written).
type rowCache struct {
	built                  int // bbolt txid of the snapshot
	ids                    [][]byte
	status                 []uint16 // index into statuses
	at, updated, deadline  []uint64
	amount                 []int64
	customer, product      []uint32 // index into names
	search                 [][]byte
	statuses, names        [][]byte
	statusIndex, nameIndex map[string]int
}

// caches holds the row caches and the last write txid per resource.
type caches struct {
	mu      sync.Mutex
	rows    map[domain.Resource]*rowCache
	written map[domain.Resource]int
}

// markWritten records that tx (a write transaction) touches res; called
// before commit so that a reader racing the commit rebuilds.
func (c *caches) markWritten(res domain.Resource, txid int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.written == nil {
		c.written = map[domain.Resource]int{}
	}
	c.written[res] = txid
}

// reset forgets every snapshot (after Compact the txids start again).
func (c *caches) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows, c.written = nil, nil
}

// get returns a snapshot of res valid for tx, building it when stale.
func (c *caches) get(tx *bolt.Tx, res domain.Resource) *rowCache {
	c.mu.Lock()
	rc := c.rows[res]
	fresh := rc != nil && rc.built >= c.written[res] && rc.built <= tx.ID()
	c.mu.Unlock()
	if fresh {
		return rc
	}
	rc = buildRowCache(tx, res)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rows == nil {
		c.rows = map[domain.Resource]*rowCache{}
	}
	if old := c.rows[res]; old == nil || old.built <= rc.built {
		c.rows[res] = rc
	}
	return rc
}

func buildRowCache(tx *bolt.Tx, res domain.Resource) *rowCache {
	rows := resBucket(tx, res).Bucket(subRow)
	n := rows.Stats().KeyN
	rc := &rowCache{built: tx.ID(), statusIndex: map[string]int{}, nameIndex: map[string]int{"": 0},
		names: [][]byte{nil}}
	rc.ids = make([][]byte, 0, n)
	rc.status = make([]uint16, 0, n)
	rc.at, rc.updated, rc.deadline = make([]uint64, 0, n), make([]uint64, 0, n), make([]uint64, 0, n)
	rc.amount = make([]int64, 0, n)
	rc.customer, rc.product = make([]uint32, 0, n), make([]uint32, 0, n)
	rc.search = make([][]byte, 0, n)
	var a arena // IDs and search texts copied out of the mmap in big chunks
	c := rows.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		r, ok := parseRow(v)
		if !ok {
			continue
		}
		rc.ids = append(rc.ids, a.copyOf(k))
		rc.status = append(rc.status, uint16(rc.intern(&rc.statuses, rc.statusIndex, r.status)))
		rc.at = append(rc.at, r.at)
		rc.updated = append(rc.updated, r.updated)
		rc.deadline = append(rc.deadline, r.deadline)
		rc.amount = append(rc.amount, r.amount)
		rc.customer = append(rc.customer, uint32(rc.intern(&rc.names, rc.nameIndex, r.customer)))
		rc.product = append(rc.product, uint32(rc.intern(&rc.names, rc.nameIndex, r.product)))
		rc.search = append(rc.search, a.copyOf(r.search))
	}
	return rc
}

func (rc *rowCache) intern(table *[][]byte, index map[string]int, b []byte) int {
	if i, ok := index[string(b)]; ok {
		return i
	}
	i := len(*table)
	*table = append(*table, bytes.Clone(b))
	index[string(b)] = i
	return i
}

// nameMatches marks the distinct names containing needle (nil needle: none).
func (rc *rowCache) nameMatches(needle []byte) []bool {
	if needle == nil {
		return nil
	}
	out := make([]bool, len(rc.names))
	for i, n := range rc.names {
		out[i] = bytes.Contains(n, needle)
	}
	return out
}

// plan answers a query from the snapshot, like planByRows does from bbolt.
func (rc *rowCache) plan(q Query) ([][]byte, int) {
	f := compileFilter(q)
	statusOK := make([]bool, len(rc.statuses))
	for i, st := range rc.statuses {
		statusOK[i] = len(f.statuses) == 0
		for _, want := range f.statuses {
			statusOK[i] = statusOK[i] || bytes.Equal(st, want)
		}
	}
	custOK, prodOK := rc.nameMatches(f.customer), rc.nameMatches(f.product)
	termNames := make([][]bool, len(f.terms))
	for i, t := range f.terms {
		termNames[i] = rc.nameMatches(t)
	}
	top := newTopK(max(q.Offset+q.Limit, 0), q.Desc)
	if q.Limit <= 0 {
		top = newTopK(0, q.Desc)
	}
	total := 0
	for i := range rc.ids {
		if !statusOK[rc.status[i]] || rc.at[i] < f.lo || (rc.at[i] >= f.hi && f.hi != ^uint64(0)) {
			continue
		}
		if custOK != nil && !custOK[rc.customer[i]] || prodOK != nil && !prodOK[rc.product[i]] {
			continue
		}
		if !rc.termsMatch(i, f.terms, termNames) {
			continue
		}
		total++
		top.offer(rc.sortValue(i, q.Sort), rc.ids[i])
	}
	return pageOf(top, q.Offset), total
}

func (rc *rowCache) termsMatch(i int, terms [][]byte, termNames [][]bool) bool {
	for t, term := range terms {
		names := termNames[t]
		if !names[rc.customer[i]] && !names[rc.product[i]] && !bytes.Contains(rc.search[i], term) {
			return false
		}
	}
	return true
}

func (rc *rowCache) sortValue(i int, key SortKey) uint64 {
	r := row{at: rc.at[i], updated: rc.updated[i], deadline: rc.deadline[i], amount: rc.amount[i]}
	return sortValue(&r, key)
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
