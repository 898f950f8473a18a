package localstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// Notice is one notification the console showed (or will show) the user.
type Notice struct {
	Key      string          `json:"key"` // what makes it unique, e.g. "alerts/A1/v7"
	Account  string          `json:"account"`
	Resource domain.Resource `json:"resource,omitempty"`
	RecordID string          `json:"recordId,omitempty"`
	Title    string          `json:"title"`
	Body     string          `json:"body,omitempty"`
	Urgent   bool            `json:"urgent,omitempty"`
	At       time.Time       `json:"at"`
	Read     bool            `json:"read,omitempty"`
}

// Notice-log sub-buckets: Key → notice, and (At, sequence) → Key for newest-first listing.
var (
	ntByKey = []byte("bykey")
	ntOrder = []byte("order")

	noticeSubs = [][]byte{ntByKey, ntOrder}

	ntUnread = []byte("unread") // counter key in the notices bucket
)

// RecordNotice logs n. added is false when n.Key was logged before, so a
// restart (or a second sync of the same change) never notifies twice.
func (s *Store) RecordNotice(n Notice) (added bool, err error) {
	got, err := s.RecordNotices([]Notice{n})
	if err != nil {
		return false, err
	}
	return got[0], nil
}

// RecordNotices logs ns in one transaction, with RecordNotice's rule per
// key: added[i] is false when ns[i].Key was logged before, earlier in ns
// included. A notice with no key or another account's fails the whole call
// before anything is written, so a bad batch loses nothing already logged.
func (s *Store) RecordNotices(ns []Notice) (added []bool, err error) {
	ns = append([]Notice(nil), ns...) // defaults are filled in on our copy
	for i := range ns {
		if err := s.checkNotice(&ns[i]); err != nil {
			return nil, err
		}
	}
	added = make([]bool, len(ns))
	err = s.update(func(tx *bolt.Tx) error {
		nb := tx.Bucket(bktNotices)
		for i, n := range ns {
			ok, err := putNotice(nb, n)
			if err != nil {
				return fmt.Errorf("notice %s: %w", n.Key, err)
			}
			added[i] = ok
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: record notices: %w", err)
	}
	return added, nil
}

// checkNotice refuses a notice that cannot be logged and fills its account
// and time when they are missing.
func (s *Store) checkNotice(n *Notice) error {
	if n.Key == "" {
		return errors.New("localstore: record notice: empty key")
	}
	if n.Account == "" {
		n.Account = s.account
	} else if n.Account != s.account {
		return fmt.Errorf("localstore: record notice: account %q in the cache of %q: %w", n.Account, s.account, ErrForeignAccount)
	}
	if n.At.IsZero() {
		n.At = time.Now()
	}
	return nil
}

// putNotice logs n unless its key is there already; added says which.
func putNotice(nb *bolt.Bucket, n Notice) (added bool, err error) {
	byKey := nb.Bucket(ntByKey)
	if byKey.Get([]byte(n.Key)) != nil {
		return false, nil
	}
	data, err := json.Marshal(n)
	if err != nil {
		return false, err
	}
	order := nb.Bucket(ntOrder)
	seq, err := order.NextSequence()
	if err != nil {
		return false, err
	}
	ok := binary.BigEndian.AppendUint64(nil, timeKey(n.At))
	ok = binary.BigEndian.AppendUint64(ok, seq)
	if err := order.Put(ok, []byte(n.Key)); err != nil {
		return false, err
	}
	if err := byKey.Put([]byte(n.Key), data); err != nil {
		return false, err
	}
	if n.Read {
		return true, nil
	}
	return true, addUnread(nb, 1)
}

func addUnread(nb *bolt.Bucket, d int64) error {
	var n int64
	if v := nb.Get(ntUnread); len(v) == 8 {
		n = int64(u64(v))
	}
	n = max(n+d, 0)
	return nb.Put(ntUnread, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// Notices returns up to limit notices, newest first.
func (s *Store) Notices(limit int) ([]Notice, error) {
	var out []Notice
	err := s.view(func(tx *bolt.Tx) error {
		nb := tx.Bucket(bktNotices)
		byKey := nb.Bucket(ntByKey)
		c := nb.Bucket(ntOrder).Cursor()
		for k, key := c.Last(); k != nil && len(out) < limit; k, key = c.Prev() {
			var n Notice
			if err := json.Unmarshal(byKey.Get(key), &n); err != nil {
				return fmt.Errorf("notice %s: %w", key, err)
			}
			out = append(out, n)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: notices: %w", err)
	}
	return out, nil
}

// MarkNoticeRead marks a logged notice read; an unknown key is an error.
func (s *Store) MarkNoticeRead(key string) error {
	err := s.update(func(tx *bolt.Tx) error {
		nb := tx.Bucket(bktNotices)
		byKey := nb.Bucket(ntByKey)
		var n Notice
		data := byKey.Get([]byte(key))
		if data == nil {
			return errors.New("no such notice")
		}
		if err := json.Unmarshal(data, &n); err != nil {
			return err
		}
		if n.Read {
			return nil
		}
		n.Read = true
		out, err := json.Marshal(n)
		if err != nil {
			return err
		}
		if err := byKey.Put([]byte(key), out); err != nil {
			return err
		}
		return addUnread(nb, -1)
	})
	if err != nil {
		return fmt.Errorf("localstore: mark notice %s read: %w", key, err)
	}
	return nil
}

// UnreadNotices is how many logged notices are unread.
func (s *Store) UnreadNotices() (int, error) {
	var n int
	err := s.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bktNotices).Get(ntUnread); len(v) == 8 {
			n = int(u64(v))
		}
		return nil
	})
	return n, err
}
