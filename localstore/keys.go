package localstore

import (
	"encoding/binary"
	"math"
	"time"
)

// Bucket names. Top-level buckets start with an underscore or "res/" so
// they can never clash with the flat per-resource buckets of schema 1.
var (
	bktMeta     = []byte("_meta")
	bktSettings = []byte("_settings")
	bktCursors  = []byte("_cursors")
	bktOutbox   = []byte("_outbox")
	bktNotices  = []byte("_notices")
	bktSetAside = []byte("_setaside")

	subRec      = []byte("rec")
	subRow      = []byte("row")
	subTomb     = []byte("tomb")
	subCount    = []byte("cnt")
	subStatus   = []byte("ix/status")
	subTime     = []byte("ix/time")
	subDeadline = []byte("ix/deadline")
	subSeg      = []byte("seg")  // search segments (segment.go)
	subDict     = []byte("dict") // status, customer and product names by number

	// Indexes of schema 2 that no query read; migrateV2 drops them.
	subUpdated  = []byte("ix/updated")
	subCustomer = []byte("ix/customer")
	subProduct  = []byte("ix/product")

	keySchema  = []byte("schema")
	keyAccount = []byte("account")
)

// resourceSubs lists the sub-buckets every resource bucket holds.
var resourceSubs = [][]byte{subRec, subRow, subTomb, subCount, subStatus, subTime,
	subDeadline, subSeg, subDict}

func resBucketName(res string) []byte { return []byte("res/" + res) }

// timeKey encodes t so that byte order is time order; the zero time sorts first.
func timeKey(t time.Time) uint64 {
	if t.IsZero() {
		return 0
	}
	return uint64(t.UnixNano()) ^ (1 << 63)
}

// keyTime decodes timeKey.
func keyTime(k uint64) time.Time {
	if k == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(k^(1<<63)))
}

// timeBound is the timeKey of a query bound; zero means open.
func timeBound(t time.Time, upper bool) uint64 {
	if t.IsZero() {
		if upper {
			return math.MaxUint64
		}
		return 0
	}
	return timeKey(t)
}

func u64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// arena hands out byte slices that are never reused inside one write
// transaction: bbolt requires Put's key and value to stay untouched until
// commit, and one big allocation beats thousands of small ones. After the
// transaction, reset lets a pooled arena hand its chunks out again.
type arena struct {
	buf    []byte
	chunks [][]byte // the standard-size chunks so far, reused after reset
	next   int      // chunks[next:] are free
}

const arenaChunk = 256 << 10

func (a *arena) alloc(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.grow(n)
	}
	start := len(a.buf)
	a.buf = a.buf[:start+n]
	return a.buf[start : start+n : start+n]
}

// grow moves to a chunk with room for n bytes.
func (a *arena) grow(n int) {
	switch {
	case n > arenaChunk:
		a.buf = make([]byte, 0, n)
	case a.next < len(a.chunks):
		a.buf = a.chunks[a.next][:0]
		a.next++
	default:
		a.buf = make([]byte, 0, arenaChunk)
		a.chunks = append(a.chunks, a.buf)
		a.next = len(a.chunks)
	}
}

// free returns an empty slice over at least n bytes of free space, for an
// encoder to append to; keep then claims what it wrote.
func (a *arena) free(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.grow(n)
	}
	return a.buf[len(a.buf):len(a.buf)]
}

// keep claims b when it was appended in place to the slice free returned;
// a b that outgrew that space (and was reallocated) leaves the arena as is.
func (a *arena) keep(b []byte) []byte {
	start := len(a.buf)
	if len(b) == 0 || cap(b) != cap(a.buf)-start || &b[0] != &a.buf[:start+1][start] {
		return b
	}
	a.buf = a.buf[:start+len(b)]
	return b[:len(b):len(b)]
}

// reset makes every chunk free again. Only for an arena none of whose
// slices is still in use (after the write transaction has ended).
func (a *arena) reset() { a.buf, a.next = nil, 0 }

// copyOf places b in the arena.
func (a *arena) copyOf(b []byte) []byte {
	out := a.alloc(len(b))
	copy(out, b)
	return out
}

// timeIDKey is t(8) + id: an index key ordered by time, unique by ID.
func (a *arena) timeIDKey(t uint64, id string) []byte {
	k := a.alloc(8 + len(id))
	binary.BigEndian.PutUint64(k, t)
	copy(k[8:], id)
	return k
}

// prefixTimeIDKey is prefix + 0x00 + t(8) + id: grouped by prefix, then time order.
func (a *arena) prefixTimeIDKey(prefix string, t uint64, id string) []byte {
	k := a.alloc(len(prefix) + 1 + 8 + len(id))
	n := copy(k, prefix)
	k[n] = 0
	binary.BigEndian.PutUint64(k[n+1:], t)
	copy(k[n+9:], id)
	return k
}

// idOfTimeKey returns the ID at the end of a timeIDKey.
func idOfTimeKey(k []byte) []byte { return k[8:] }
