package recordenc

import (
	"encoding/binary"
	"errors"
	"time"
)

// A small append-only binary format: uvarint-prefixed strings, zigzag
// varints, and times as Go's own binary time encoding (keeps the offset).
// Each record encoder writes a leading layout version so fields can be
// added later without a schema migration.

func putStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func putInt(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

func putBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func putTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, 0)
	}
	at := len(b)
	b = append(b, 0) // length, patched below
	out, err := t.AppendBinary(b)
	if err != nil { // only for zone offsets that are not whole minutes
		out, _ = t.UTC().AppendBinary(b)
	}
	out[at] = byte(len(out) - at - 1)
	return out
}

var errShort = errors.New("truncated record")

// reader consumes the format; the first error sticks and later reads return zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() { r.err, r.b = errShort, nil }

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) str() string {
	n := r.uvarint()
	if uint64(len(r.b)) < n {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) byte() byte {
	if len(r.b) < 1 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bool() bool { return r.byte() == 1 }

func (r *reader) time() time.Time {
	n := int(r.byte())
	if n == 0 || r.err != nil {
		return time.Time{}
	}
	if len(r.b) < n {
		r.fail()
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalBinary(r.b[:n]); err != nil {
		r.err = err
	}
	r.b = r.b[n:]
	return t
}

// count reads a slice length, refusing lengths the remaining bytes cannot hold.
func (r *reader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}

func putLen(b []byte, n int) []byte { return binary.AppendUvarint(b, uint64(n)) }
