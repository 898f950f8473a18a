package localstore

import (
	"encoding/binary"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/localstore/segment"
)

// fields are what the indexes, counts and filters need from a record.
type fields struct {
	version  int64
	status   string
	at       time.Time // the resource's primary time (order createTime, ...)
	updated  time.Time
	deadline time.Time // zero when no countdown runs
	amount   int64
	customer string // lower-cased
	product  string // lower-cased
	search   string // lower-cased ID, subject, order ID... joined by 0x1f (customer and product have their own fields)
	flags    uint8  // flag bits, each with its own counter (see flagNames)
}

// Flag bits count derived to-do states that a status alone does not give.
const (
	flagWaitingMerchant uint8 = 1 << iota // supervision: the merchant must act
	flagNeedsMerchant                     // bill: the merchant must act
	flagOpen                              // alert still open / ticket waiting on us
)

// flagNames are the counter keys of the flag bits, in bit order; the '#'
// keeps them apart from status names in the counts bucket.
var flagNames = []string{"#waiting-merchant", "#needs-merchant", "#open"}

// searchText joins the searchable parts lower-cased; 0x1f keeps a query from
// matching across two fields.
func searchText(parts ...string) string {
	return strings.ToLower(strings.Join(parts, "\x1f"))
}

// row is the decoded form of a stored filter row; its slices alias the
// bbolt page and are only valid inside the transaction.
type row struct {
	version  int64
	flags    uint8
	status   []byte
	at       uint64
	updated  uint64
	deadline uint64
	amount   int64
	customer []byte
	product  []byte
	search   []byte
}

// Row layout: version(8) flags(1) statusLen(1) status at(8) updated(8) deadline(8)
// amount(8) customerLen(2) customer productLen(2) product search...
func (f *fields) rowSize() int {
	return 8 + 2 + len(f.status) + 32 + 2 + len(f.customer) + 2 + len(f.product) + len(f.search)
}

func (f *fields) encodeRow(b []byte) {
	binary.BigEndian.PutUint64(b, uint64(f.version))
	b[8] = f.flags
	b[9] = byte(len(f.status))
	n := 10 + copy(b[10:], f.status)
	binary.BigEndian.PutUint64(b[n:], timeKey(f.at))
	binary.BigEndian.PutUint64(b[n+8:], timeKey(f.updated))
	binary.BigEndian.PutUint64(b[n+16:], timeKey(f.deadline))
	binary.BigEndian.PutUint64(b[n+24:], uint64(f.amount))
	n += 32
	binary.BigEndian.PutUint16(b[n:], uint16(len(f.customer)))
	n += 2 + copy(b[n+2:], f.customer)
	binary.BigEndian.PutUint16(b[n:], uint16(len(f.product)))
	n += 2 + copy(b[n+2:], f.product)
	copy(b[n:], f.search)
}

// parseRow reads a row without copying; ok is false for a damaged row.
func parseRow(b []byte) (r row, ok bool) {
	if len(b) < 10 {
		return r, false
	}
	r.version = int64(binary.BigEndian.Uint64(b))
	r.flags = b[8]
	sl := int(b[9])
	n := 10 + sl
	if len(b) < n+36 {
		return r, false
	}
	r.status = b[10:n]
	r.at = binary.BigEndian.Uint64(b[n:])
	r.updated = binary.BigEndian.Uint64(b[n+8:])
	r.deadline = binary.BigEndian.Uint64(b[n+16:])
	r.amount = int64(binary.BigEndian.Uint64(b[n+24:]))
	n += 32
	cl := int(binary.BigEndian.Uint16(b[n:]))
	if len(b) < n+2+cl+2 {
		return r, false
	}
	r.customer = b[n+2 : n+2+cl]
	n += 2 + cl
	pl := int(binary.BigEndian.Uint16(b[n:]))
	if len(b) < n+2+pl {
		return r, false
	}
	r.product = b[n+2 : n+2+pl]
	r.search = b[n+2+pl:]
	return r, true
}

// clip bounds a string's length so it fits its length prefix.
func clip(s string, max int) string {
	if len(s) > max {
		return s[:max]
	}
	return s
}

// lower folds case for search and filters; Chinese has no case and passes through.
func lower(s string) string { return strings.ToLower(s) }

// segEntry is f as id's search segment entry.
func segEntry(id string, f *fields) segment.Entry {
	return segment.Entry{ID: id, Status: f.status, Customer: f.customer, Product: f.product, Search: f.search,
		At: timeKey(f.at), Updated: timeKey(f.updated), Deadline: timeKey(f.deadline), Amount: f.amount}
}
