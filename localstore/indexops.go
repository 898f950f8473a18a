package localstore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/koogallery/merchant-console/localstore/writebuf"
	bolt "go.etcd.io/bbolt"
)

// The index buckets of a resource, in the order their pending operations
// are kept.
const (
	ixTime = iota
	ixStatus
	ixDeadline
	numIndexes
)

// idxOp is one index Put (or Delete) held back until the end of a page.
type idxOp struct {
	k, v []byte
	del  bool
}

// sortRef orders idxOps without moving them: head is the key's first 8
// bytes, which settles most comparisons (time-keyed indexes) without a
// byte-by-byte compare, and the struct holds no pointers, so sorting it is
// cheap moves with no write barriers. i is the op's position; of two ops on
// one key the later wins.
type sortRef struct {
	head uint64
	i    int32
}

// indexOps holds a page's index writes so they reach bbolt sorted by key.
//
// Why: bbolt splits a node only at commit, so inside one transaction every
// key that lands in a node is inserted into one ever-growing slice. Index
// keys arrive out of key order (grouped by status, customer, product...),
// and inserting them one by one in page order shifts that slice on every
// Put: on a first sync, where a whole page lands in one node, that was the
// largest single cost of ApplyPage (memmove under node.put). Applied in key
// order each insert lands after the previous one, which makes it an append
// (empty tree) or a shift of one page's worth of keys at most.
type indexOps struct {
	b     [numIndexes]*bolt.Bucket
	ops   [numIndexes][]idxOp
	refs  []sortRef // scratch for flush
	rank  map[string]uint64
	names []string
}

// reset drops every held op and bucket, as after an aborted page.
func (x *indexOps) reset() {
	for ix := range x.ops {
		clear(x.ops[ix])
		x.ops[ix] = x.ops[ix][:0]
	}
	clear(x.refs)
	x.refs = x.refs[:0]
	x.b = [numIndexes]*bolt.Bucket{}
}

// grow makes room for n more ops per index, so a page's appends do not
// reallocate as they go.
func (x *indexOps) grow(n int) {
	for ix := range x.ops {
		x.ops[ix] = slices.Grow(x.ops[ix], n)
	}
}

func (x *indexOps) put(ix int, k, v []byte) {
	x.ops[ix] = append(x.ops[ix], idxOp{k: k, v: v})
}

func (x *indexOps) del(ix int, k []byte) {
	x.ops[ix] = append(x.ops[ix], idxOp{k: k, del: true})
}

// flush applies the held operations bucket by bucket in key order (ties in
// the order they were asked for) and empties the buffers.
func (x *indexOps) flush() error {
	for ix := range x.ops {
		ops := x.ops[ix]
		for _, r := range x.sorted(ix, ops) {
			op := &ops[r.i]
			var err error
			if op.del {
				err = x.b[ix].Delete(op.k)
			} else {
				err = x.b[ix].Put(op.k, op.v)
			}
			if err != nil {
				return fmt.Errorf("index %d: %w", ix, err)
			}
		}
		clear(ops) // drop references to the arena
		x.ops[ix] = ops[:0]
	}
	return nil
}

// sorted returns refs to ops in key order, then request order.
func (x *indexOps) sorted(ix int, ops []idxOp) []sortRef {
	refs := x.refs[:0]
	if prefixed[ix] {
		refs = x.prefixHeads(ops, refs)
	} else {
		for i := range ops {
			refs = append(refs, sortRef{head: keyHead(ops[i].k), i: int32(i)})
		}
	}
	x.refs = refs
	cmp := func(a, b sortRef) int {
		if a.head != b.head {
			if a.head < b.head {
				return -1
			}
			return 1
		}
		if c := bytes.Compare(ops[a.i].k, ops[b.i].k); c != 0 {
			return c
		}
		return int(a.i - b.i)
	}
	if !slices.IsSortedFunc(refs, cmp) { // time-keyed indexes of a first sync mostly are
		slices.SortFunc(refs, cmp)
	}
	return refs
}

// prefixed marks the indexes keyed prefix + 0x00 + time + ID.
var prefixed = [numIndexes]bool{ixStatus: true}

// maxPrefixRank bounds the prefix ranks packed into a head.
const maxPrefixRank = 1 << 20

// prefixHeads gives each op of a prefix-keyed index a head that orders by
// its prefix (the bytes before the first 0x00), then its time to about a
// millisecond: the first 8 bytes of such keys are mostly one shared name,
// which left nearly every comparison to bytes.Compare. The head is a
// function of the key alone, so equal keys still meet on the full compare
// and keep their request order; it only has to agree with key order for
// the sort to be useful, and it does for prefixes without 0x00.
func (x *indexOps) prefixHeads(ops []idxOp, refs []sortRef) []sortRef {
	if x.rank == nil {
		x.rank = map[string]uint64{}
	}
	defer clear(x.rank)
	names := x.names[:0]
	for i := range ops {
		p := keyPrefix(ops[i].k)
		if _, ok := x.rank[string(p)]; !ok {
			x.rank[string(p)] = 0
			names = append(names, string(p))
		}
	}
	x.names = names
	if len(names) >= maxPrefixRank {
		for i := range ops {
			refs = append(refs, sortRef{head: keyHead(ops[i].k), i: int32(i)})
		}
		return refs
	}
	slices.Sort(names)
	for r, n := range names {
		x.rank[n] = uint64(r)
	}
	for i := range ops {
		k := ops[i].k
		p := keyPrefix(k)
		var t uint64
		if len(k) >= len(p)+9 {
			t = binary.BigEndian.Uint64(k[len(p)+1:])
		}
		refs = append(refs, sortRef{head: x.rank[string(p)]<<44 | t>>20, i: int32(i)})
	}
	return refs
}

// keyPrefix is k up to its first 0x00 (all of k when it has none).
func keyPrefix(k []byte) []byte {
	if n := bytes.IndexByte(k, 0); n >= 0 {
		return k[:n]
	}
	return k
}

// keyHead is k's first 8 bytes as a big-endian number, zero-padded.
func keyHead(k []byte) uint64 {
	if len(k) >= 8 {
		return binary.BigEndian.Uint64(k)
	}
	var b [8]byte
	copy(b[:], k)
	return binary.BigEndian.Uint64(b[:])
}

// writeScratch is the reusable memory of one ApplyPage: the arena holding
// encoded records and index keys, and the held index ops. Reusing it spares
// a first sync some hundreds of MB of garbage (and the collections it
// triggers) per 100k records.
type writeScratch struct {
	a  writebuf.Arena
	ix indexOps
}

var scratchPool = sync.Pool{New: func() any { return new(writeScratch) }}

func getScratch() *writeScratch { return scratchPool.Get().(*writeScratch) }

// putScratch returns sc to the pool; only once its transaction has ended.
func putScratch(sc *writeScratch) {
	sc.a.Reset()
	sc.ix.reset()
	scratchPool.Put(sc)
}
