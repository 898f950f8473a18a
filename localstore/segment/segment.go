// Package segment holds the search segments (cache schema 3), what filter
// and search queries scan: their layout (this file), their writer
// (write.go) and the parallel scan (scan.go).
//
// Why segments and not an in-memory snapshot or an n-gram index: the
// snapshot of every record's filter row that queries used to scan grew with
// the cache (hundreds of MB at a million orders) and was rebuilt on the
// first query after a launch or a write (about a second at a million); a
// trigram index would add ~50 index keys per record to every sync. A
// segment packs ~256 consecutive records (by ID) into one bbolt value:
// fixed-width columns (status, customer and product as dictionary numbers,
// the sort times and amount) and one text blob of IDs and search texts. A
// query walks the segments straight from bbolt's memory map, finds a
// term's hits with one bytes.Index pass over each blob, matches customer
// and product names once per distinct name (the dictionary), and checks
// the columns of each record with no decoding and no allocation. Memory is
// the page being built plus the kernel's page cache of the file, which it
// can drop; a count is exact because every segment is read (~80 bytes per
// order).
package segment

import (
	"bytes"
	"encoding/binary"

	"github.com/koogallery/merchant-console/localstore/writebuf"
	bolt "go.etcd.io/bbolt"
)

// Value layout: n(4), n entries of segEntrySize bytes, then the blob. An
// entry is status(4) customer(4) product(4) at(8) updated(8) deadline(8)
// amount(8) textOff(4) idLen(2); record i's text is blob[textOff(i):
// textOff(i+1)] (the blob's end for the last): its ID, 0x1f, its search
// text, 0x1e. The segment's key is its first ID; a record lives in the
// segment with the greatest key not above its ID (the first segment for an
// ID below every key).
const (
	segEntrySize = 50
	// Target is the number of entries per segment after a split.
	Target = 256
	// MaxEntries is the most entries a segment holds: one above it is split.
	MaxEntries = 512
	segIDEnd   = 0x1f
	segRecEnd  = 0x1e
)

// segRec is one record's entry; id and search are lower-level copies owned
// by the write arena.
type segRec struct {
	id, search                []byte
	status, customer, product uint32
	at, updated, deadline     uint64
	amount                    int64
}

// segView reads an encoded segment in place (its slices alias bbolt's
// memory: valid inside the read transaction only).
type segView struct {
	n       int
	entries []byte
	blob    []byte
}

func viewSeg(v []byte) (segView, bool) {
	if len(v) < 4 {
		return segView{}, false
	}
	n := int(binary.BigEndian.Uint32(v))
	end := 4 + n*segEntrySize
	if n < 0 || end > len(v) {
		return segView{}, false
	}
	return segView{n: n, entries: v[4:end], blob: v[end:]}, true
}

func (s segView) entry(i int) []byte { return s.entries[i*segEntrySize : (i+1)*segEntrySize] }

func (s segView) textOff(i int) int {
	if i >= s.n {
		return len(s.blob)
	}
	return int(binary.BigEndian.Uint32(s.entry(i)[44:]))
}

// id returns record i's ID; ok is false for a damaged entry.
func (s segView) id(i int) ([]byte, bool) {
	off, l := s.textOff(i), int(binary.BigEndian.Uint16(s.entry(i)[48:]))
	if off+l > len(s.blob) || off < 0 {
		return nil, false
	}
	return s.blob[off : off+l], true
}

// sortValue is record i's sort key (see SortValue).
func (s segView) sortValue(i int, key SortKey) uint64 {
	e := s.entry(i)
	return SortValue(binary.BigEndian.Uint64(e[12:]), binary.BigEndian.Uint64(e[20:]),
		binary.BigEndian.Uint64(e[28:]), int64(binary.BigEndian.Uint64(e[36:])), key)
}

// SortKey chooses the order of a query's results.
type SortKey int

// Sort orders. SortTime is the resource's primary time (order createTime,
// ticket createdAt, alert firstFailureAt, bill generatedAt, transaction
// tradeTime, supervision createdAt). With SortDeadline, records without a
// running countdown come last.
const (
	SortTime SortKey = iota
	SortUpdated
	SortDeadline
	SortAmount
)

// SortValue is a record's sort key for key as an unsigned number in
// ascending order, from its stored columns (times as the cache's time keys).
func SortValue(at, updated, deadline uint64, amount int64, key SortKey) uint64 {
	switch key {
	case SortUpdated:
		return updated
	case SortDeadline:
		if deadline == 0 {
			return ^uint64(0) // no countdown: last
		}
		return deadline
	case SortAmount:
		return uint64(amount) ^ (1 << 63)
	}
	return at
}

// decodeSeg copies a stored segment's entries into a; ok is false when the
// value is damaged (its records are then dropped from search until they are
// written again).
func decodeSeg(v []byte, a *writebuf.Arena) ([]segRec, bool) {
	s, ok := viewSeg(v)
	if !ok {
		return nil, false
	}
	out := make([]segRec, 0, s.n+Target)
	for i := range s.n {
		e := s.entry(i)
		off, end, l := s.textOff(i), s.textOff(i+1), int(binary.BigEndian.Uint16(e[48:]))
		if off < 0 || end > len(s.blob) || off+l+2 > end {
			return nil, false
		}
		text := a.CopyOf(s.blob[off:end])
		out = append(out, segRec{id: text[:l], search: text[l+1 : len(text)-1],
			status: binary.BigEndian.Uint32(e), customer: binary.BigEndian.Uint32(e[4:]),
			product: binary.BigEndian.Uint32(e[8:]), at: binary.BigEndian.Uint64(e[12:]),
			updated: binary.BigEndian.Uint64(e[20:]), deadline: binary.BigEndian.Uint64(e[28:]),
			amount: int64(binary.BigEndian.Uint64(e[36:]))})
	}
	return out, true
}

// encodeSeg lays recs (sorted by ID) out as one segment value in a.
func encodeSeg(recs []segRec, a *writebuf.Arena) []byte {
	size := 4 + len(recs)*segEntrySize
	for i := range recs {
		size += len(recs[i].id) + len(recs[i].search) + 2
	}
	v := a.Alloc(size)
	binary.BigEndian.PutUint32(v, uint32(len(recs)))
	off := 0
	blob := v[4+len(recs)*segEntrySize:]
	for i := range recs {
		r := &recs[i]
		e := v[4+i*segEntrySize:]
		binary.BigEndian.PutUint32(e, r.status)
		binary.BigEndian.PutUint32(e[4:], r.customer)
		binary.BigEndian.PutUint32(e[8:], r.product)
		binary.BigEndian.PutUint64(e[12:], r.at)
		binary.BigEndian.PutUint64(e[20:], r.updated)
		binary.BigEndian.PutUint64(e[28:], r.deadline)
		binary.BigEndian.PutUint64(e[36:], uint64(r.amount))
		binary.BigEndian.PutUint32(e[44:], uint32(off))
		binary.BigEndian.PutUint16(e[48:], uint16(len(r.id)))
		off += copy(blob[off:], r.id)
		blob[off] = segIDEnd
		off++
		off += copy(blob[off:], r.search)
		blob[off] = segRecEnd
		off++
	}
	return v
}

// mergeSeg applies ops (sorted IDs; a nil rec removes) to recs (sorted).
func mergeSeg(recs []segRec, ids []string, ops map[string]*segRec) []segRec {
	out := make([]segRec, 0, len(recs)+len(ids))
	i := 0
	for _, id := range ids {
		for i < len(recs) && bytes.Compare(recs[i].id, []byte(id)) < 0 {
			out = append(out, recs[i])
			i++
		}
		if i < len(recs) && string(recs[i].id) == id {
			i++ // replaced or removed
		}
		if r := ops[id]; r != nil {
			out = append(out, *r)
		}
	}
	return append(out, recs[i:]...)
}

// splitSeg cuts recs into segments of Target entries when it has grown
// past MaxEntries.
func splitSeg(recs []segRec) [][]segRec {
	if len(recs) <= MaxEntries {
		return [][]segRec{recs}
	}
	var out [][]segRec
	for len(recs) > 0 {
		n := min(Target, len(recs))
		out = append(out, recs[:n])
		recs = recs[n:]
	}
	return out
}

// Each calls fn with every segment's key and entries in key order, names
// spelled out from dict; ok is false for a damaged segment (entries nil).
// It is for checks that the segments hold what the records say.
func Each(seg, dict *bolt.Bucket, fn func(key []byte, entries []Entry, ok bool) error) error {
	names := map[uint32]string{0: ""}
	_ = dict.ForEach(func(k, v []byte) error {
		if len(k) == 5 && k[0] == dictByID {
			names[binary.BigEndian.Uint32(k[1:])] = string(v)
		}
		return nil
	})
	var a writebuf.Arena
	return seg.ForEach(func(k, v []byte) error {
		recs, ok := decodeSeg(v, &a)
		var out []Entry
		for _, r := range recs {
			out = append(out, Entry{ID: string(r.id), Status: names[r.status], Customer: names[r.customer],
				Product: names[r.product], Search: string(r.search),
				At: r.at, Updated: r.updated, Deadline: r.deadline, Amount: r.amount})
		}
		a.Reset()
		return fn(k, out, ok)
	})
}
