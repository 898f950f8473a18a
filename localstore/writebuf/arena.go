// Package writebuf holds the memory of one write transaction: bbolt
// requires every key and value given to Put to stay untouched until the
// transaction commits, so a page of a sync places them in an Arena instead
// of thousands of small allocations, and reuses the arena's chunks for the
// next page.
package writebuf

// Arena hands out byte slices that are never reused inside one write
// transaction: bbolt requires Put's key and value to stay untouched until
// commit, and one big allocation beats thousands of small ones. After the
// transaction, Reset lets a pooled arena hand its chunks out again.
type Arena struct {
	buf    []byte
	chunks [][]byte // the standard-size chunks so far, reused after reset
	next   int      // chunks[next:] are free
}

const arenaChunk = 256 << 10

// Alloc returns n bytes of the arena, never handed out again before Reset.
func (a *Arena) Alloc(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.grow(n)
	}
	start := len(a.buf)
	a.buf = a.buf[:start+n]
	return a.buf[start : start+n : start+n]
}

// grow moves to a chunk with room for n bytes.
func (a *Arena) grow(n int) {
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

// Free returns an empty slice over at least n bytes of free space, for an
// encoder to append to; Keep then claims what it wrote.
func (a *Arena) Free(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.grow(n)
	}
	return a.buf[len(a.buf):len(a.buf)]
}

// Keep claims b when it was appended in place to the slice Free returned;
// a b that outgrew that space (and was reallocated) leaves the arena as is.
func (a *Arena) Keep(b []byte) []byte {
	start := len(a.buf)
	if len(b) == 0 || cap(b) != cap(a.buf)-start || &b[0] != &a.buf[:start+1][start] {
		return b
	}
	a.buf = a.buf[:start+len(b)]
	return b[:len(b):len(b)]
}

// Reset makes every chunk free again. Only for an arena none of whose
// slices is still in use (after the write transaction has ended).
func (a *Arena) Reset() { a.buf, a.next = nil, 0 }

// CopyOf places b in the arena.
func (a *Arena) CopyOf(b []byte) []byte {
	out := a.Alloc(len(b))
	copy(out, b)
	return out
}
