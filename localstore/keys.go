package localstore

import (
	"encoding/binary"
	"math"
	"time"

	"github.com/koogallery/merchant-console/localstore/writebuf"
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
	subSeg      = []byte("seg")  // search segments (localstore/segment)
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

// timeIDKey is t(8) + id: an index key ordered by time, unique by ID.
func timeIDKey(a *writebuf.Arena, t uint64, id string) []byte {
	k := a.Alloc(8 + len(id))
	binary.BigEndian.PutUint64(k, t)
	copy(k[8:], id)
	return k
}

// prefixTimeIDKey is prefix + 0x00 + t(8) + id: grouped by prefix, then time order.
func prefixTimeIDKey(a *writebuf.Arena, prefix string, t uint64, id string) []byte {
	k := a.Alloc(len(prefix) + 1 + 8 + len(id))
	n := copy(k, prefix)
	k[n] = 0
	binary.BigEndian.PutUint64(k[n+1:], t)
	copy(k[n+9:], id)
	return k
}

// idOfTimeKey returns the ID at the end of a timeIDKey.
func idOfTimeKey(k []byte) []byte { return k[8:] }
