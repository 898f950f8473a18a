package localstore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// SetAside is a record the server sent that the cache cannot store or that
// breaks the contract (no status, an unusable ID, a field of the wrong
// type). It is kept here with its reason instead of failing its page: the
// rest of the page, the cursor and every other resource go on. A later
// version of the same record from the server replaces it.
type SetAside struct {
	Resource domain.Resource `json:"resource"`
	ID       string          `json:"id"` // at most MaxQuoted bytes of the ID as sent
	Version  int64           `json:"version,omitempty"`
	Reason   string          `json:"reason"`
	At       time.Time       `json:"at"`            // when it was set aside
	Raw      string          `json:"raw,omitempty"` // the start of the record as received, for support

	key []byte // where it is stored: resource and the full ID as sent
}

// String is the one line a person reads: which record, which version, why.
func (a SetAside) String() string {
	id := a.ID
	if id == "" {
		id = "(no id)"
	}
	return fmt.Sprintf("%s %s v%d set aside: %s", a.Resource, Quote(id), a.Version, a.Reason)
}

// MaxQuoted is how much of a server-sent value an error message or a
// set-aside entry quotes: enough to recognise it, never a 40 KB line.
const MaxQuoted = 200

// maxRawKept bounds the raw copy kept of a set-aside record.
const maxRawKept = 2048

// Quote shortens s to about MaxQuoted bytes (cut at a rune boundary, with
// how much was left out), replacing invalid UTF-8, for error messages.
func Quote(s string) string {
	return quoteN(s, MaxQuoted)
}

func quoteN(s string, n int) string {
	if !utf8.ValidString(s) {
		s = string(bytes.ToValidUTF8([]byte(s), []byte("\uFFFD")))
	}
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s…(%d more bytes)", s[:cut], len(s)-cut)
}

// maxIDBytes is the longest record ID the cache stores. bbolt refuses keys
// over 32 KiB, and index keys carry a customer or product name (up to 4 KiB)
// before the ID; real marketplace IDs are a few dozen bytes.
const maxIDBytes = 1024

// contractProblem says why a record cannot be stored, or "" when it can.
func contractProblem(id string, f *fields) string {
	switch {
	case id == "":
		return "the record has no id"
	case len(id) > maxIDBytes:
		return fmt.Sprintf("its id is %d bytes long (the cache stores at most %d)", len(id), maxIDBytes)
	case !utf8.ValidString(id):
		return "its id is not valid UTF-8"
	case f.status == "":
		return "the record has no status"
	case !utf8.ValidString(f.status):
		return "its status is not valid UTF-8"
	}
	return ""
}

// setAsideKey is resource + 0x00 + ID; an ID too long or too odd for a key
// is replaced by its hash (such an ID can never be stored, so nothing later
// needs to find it by ID).
func setAsideKey(res domain.Resource, id string) []byte {
	k := []byte(string(res) + "\x00")
	if id == "" || len(id) > maxIDBytes || !utf8.ValidString(id) {
		sum := sha256.Sum256([]byte(id))
		return append(k, "#"+hex.EncodeToString(sum[:])...)
	}
	return append(k, id...)
}

// NewSetAside builds an entry from what the server sent: the ID and raw
// bytes are kept short, the full ID only in the key. The sync engine uses
// it for records it could not even decode (see Page.SetAside).
func NewSetAside(res domain.Resource, id string, version int64, reason string, raw []byte) SetAside {
	return SetAside{Resource: res, ID: Quote(id), Version: version, Reason: reason,
		At: time.Now().UTC(), Raw: quoteN(string(raw), maxRawKept), key: setAsideKey(res, id)}
}

// putSetAside stores entries, keyed by resource and ID: a record set aside
// again replaces its older entry.
func putSetAside(tx *bolt.Tx, list []SetAside) error {
	b := tx.Bucket(bktSetAside)
	for _, e := range list {
		data, err := json.Marshal(e)
		if err != nil {
			return err
		}
		key := e.key
		if key == nil {
			key = setAsideKey(e.Resource, e.ID)
		}
		if err := b.Put(key, data); err != nil {
			return fmt.Errorf("set aside %s %s: %w", e.Resource, e.ID, err)
		}
	}
	return nil
}

// setAsideCleaner removes the entry of a record once a valid version of it
// newer than the one set aside has been stored.
type setAsideCleaner struct {
	b   *bolt.Bucket
	res domain.Resource
	any bool // false when the resource has no entries: no lookups at all
}

func newSetAsideCleaner(tx *bolt.Tx, res domain.Resource) *setAsideCleaner {
	b := tx.Bucket(bktSetAside)
	prefix := []byte(string(res) + "\x00")
	k, _ := b.Cursor().Seek(prefix)
	return &setAsideCleaner{b: b, res: res, any: k != nil && bytes.HasPrefix(k, prefix)}
}

// stored notes that version of id is now in the cache.
func (c *setAsideCleaner) stored(id string, version int64) error {
	if !c.any {
		return nil
	}
	key := setAsideKey(c.res, id)
	v := c.b.Get(key)
	if v == nil {
		return nil
	}
	var e SetAside
	if json.Unmarshal(v, &e) == nil && e.Version >= version {
		return nil // the valid copy is older than the bad one
	}
	return c.b.Delete(key)
}

// SetAsideRecords lists the records set aside, by resource then ID.
func (s *Store) SetAsideRecords() ([]SetAside, error) {
	var out []SetAside
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bktSetAside).ForEach(func(k, v []byte) error {
			var e SetAside
			if err := json.Unmarshal(v, &e); err != nil {
				e = SetAside{ID: Quote(string(k)), Reason: "the set-aside entry itself is damaged"}
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: set-aside records: %w", err)
	}
	return out, nil
}

// SetAsideCount is how many records are set aside (for the status bar).
func (s *Store) SetAsideCount() (int, error) {
	var n int
	err := s.view(func(tx *bolt.Tx) error {
		n = tx.Bucket(bktSetAside).Stats().KeyN
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("localstore: set-aside count: %w", err)
	}
	return n, nil
}

// prepareItems encodes a page's records before the write transaction, so
// the writer lock is held for as short a time as possible. Records that
// cannot be stored come back set aside; only a record of another account
// fails the page (it is another seller's data, not a bad record).
func prepareItems(p Page, account string, a *writebuf.Arena) ([]prepared, []SetAside, error) {
	c, err := codecFor(p.Resource)
	if err != nil {
		return nil, nil, fmt.Errorf("localstore: apply page: %w", err)
	}
	items := make([]prepared, 0, len(p.Items))
	var aside []SetAside
	for _, r := range p.Items {
		item, err := c.prepareIn(r, account, a)
		if errors.Is(err, ErrForeignAccount) || errors.Is(err, errWrongKind) {
			return nil, nil, fmt.Errorf("localstore: apply %s page: %w", p.Resource, err)
		}
		problem := ""
		if err != nil {
			problem = err.Error()
		} else {
			problem = contractProblem(item.id, &item.f)
		}
		if problem != "" {
			aside = append(aside, setAsideRecord(p.Resource, r, problem))
			continue
		}
		items = append(items, item)
	}
	return items, aside, nil
}

// setAsideRecord describes a decoded record the cache refused.
func setAsideRecord(res domain.Resource, r domain.Record, reason string) SetAside {
	m := metaOrZero(r)
	raw, _ := json.Marshal(r)
	return NewSetAside(res, m.ID, m.Version, reason, raw)
}

// metaOrZero is r's meta, or the zero Meta for a nil record (a nil *T
// inside the interface would panic on the value-receiver method).
func metaOrZero(r domain.Record) (m domain.Meta) {
	defer func() { _ = recover() }()
	if r != nil {
		m = r.RecordMeta()
	}
	return m
}
