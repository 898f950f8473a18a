package gateway

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// FeedPage is one page of a resource's changes, records as stored JSON.
type FeedPage struct {
	Items   []json.RawMessage
	Last    uint64 // the version the page covers up to
	HasMore bool
	Total   int
}

// Changes lists the records of res whose versions follow after, in version
// order, at most limit of them.
func (s *Store) Changes(res domain.Resource, after uint64, limit int) (FeedPage, error) {
	var p FeedPage
	err := s.db.View(func(tx *bolt.Tx) error {
		feed, recs := tx.Bucket(feedBucket(res)), tx.Bucket(bucketRecords)
		if feed == nil {
			return fmt.Errorf("resource %s is not served", res)
		}
		p.Total = feed.Stats().KeyN
		p.Last = recs.Sequence()
		c := feed.Cursor()
		for k, id := c.Seek(u64(after + 1)); k != nil; k, id = c.Next() {
			if len(p.Items) == limit {
				p.HasMore = true
				return nil
			}
			p.Items = append(p.Items, json.RawMessage(append([]byte(nil), recs.Get(recordKey(res, string(id)))...)))
			p.Last = binary.BigEndian.Uint64(k)
		}
		return nil
	})
	return p, err
}

// Get reads one record of res into into; false when the store has none.
func (s *Store) Get(res domain.Resource, id string, into any) (bool, error) {
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) (err error) {
		ok, err = getRecord(tx, res, id, into)
		return err
	})
	return ok, err
}

// Calls returns every recorded call in arrival order (tests, and the docs'
// "what it stores").
func (s *Store) Calls() ([]CallRecord, error) {
	var out []CallRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCalls).ForEach(func(_, v []byte) error {
			var r CallRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// LastCall is the latest recorded call on an alert's subject: what a
// restart sends again.
func (s *Store) LastCall(alertID string) (CallRecord, error) {
	var r CallRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		seq := tx.Bucket(bucketLastCall).Get([]byte(alertID))
		if seq == nil {
			return fmt.Errorf("alert %s: no recorded call: %w", alertID, ErrNotFound)
		}
		return json.Unmarshal(tx.Bucket(bucketCalls).Get(seq), &r)
	})
	return r, err
}

// Pending lists orders not yet completed with order/query.
func (s *Store) Pending() ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	return ids, err
}

// Complete merges the open API's answer into a stored order and takes it
// off the pending list.
func (s *Store) Complete(open domain.Order, now time.Time) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		var have domain.Order
		ok, err := getRecord(tx, domain.ResOrders, open.ID, &have)
		if err != nil || !ok {
			return err
		}
		o := completeOrder(have, open)
		if err := s.put(tx, domain.ResOrders, &o.Meta, &o, now); err != nil {
			return err
		}
		if err := s.nameAlerts(tx, o, now); err != nil {
			return err
		}
		return tx.Bucket(bucketPending).Delete([]byte(open.ID))
	})
}

// nameAlerts copies a completed order's customer onto its open alerts, so
// the alert list says whose order is failing.
func (s *Store) nameAlerts(tx *bolt.Tx, o domain.Order, now time.Time) error {
	for _, kind := range domain.InterfaceKinds {
		for _, l := range append(o.Lines, domain.OrderLine{}) {
			var a domain.InterfaceAlert
			id := "GW-" + string(kind) + "-" + o.ID + "/" + l.ID
			ok, err := getRecord(tx, domain.ResAlerts, id, &a)
			if err != nil {
				return err
			}
			if ok && a.CustomerName != o.Buyer.CustomerName {
				a.CustomerName = o.Buyer.CustomerName
				if err := s.put(tx, domain.ResAlerts, &a.Meta, &a, now); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Expire moves alerts whose retry window has closed to FAILED or
// UNSUBSCRIBED, so the console sees it without a new call arriving.
func (s *Store) Expire(now time.Time) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		var due []domain.InterfaceAlert
		c := tx.Bucket(bucketRecords).Cursor()
		prefix := []byte(string(domain.ResAlerts) + "/")
		for k, v := c.Seek(prefix); k != nil && len(k) > len(prefix) && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var a domain.InterfaceAlert
			if err := json.Unmarshal(v, &a); err != nil {
				return err
			}
			if closeWindow(&a, now) {
				due = append(due, a)
			}
		}
		for i := range due {
			if err := s.put(tx, domain.ResAlerts, &due[i].Meta, &due[i], now); err != nil {
				return err
			}
		}
		n = len(due)
		return nil
	})
	return n, err
}

// Reply returns the stored answer to an action's idempotency key.
func (s *Store) Reply(key string) (status int, body []byte, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketIdem).Get([]byte(key))
		if len(v) < 2 {
			return nil
		}
		status, body, ok = int(binary.BigEndian.Uint16(v)), append([]byte(nil), v[2:]...), true
		return nil
	})
	return status, body, ok, err
}

// SaveReply stores the answer to an action's idempotency key.
func (s *Store) SaveReply(key string, status int, body []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketIdem).Put([]byte(key), append(binary.BigEndian.AppendUint16(nil, uint16(status)), body...))
	})
}

// Unpend takes an order off the pending list (order/query cannot find it).
func (s *Store) Unpend(id string) error {
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketPending).Delete([]byte(id)) })
}

// RecentNonces returns the nonces of calls received after since, newest
// first, so a restarted gateway still refuses their replay.
func (s *Store) RecentNonces(since time.Time) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketCalls).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var r CallRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			if r.ReceivedAt.Before(since) {
				return nil
			}
			if q, err := url.ParseQuery(r.Query); err == nil && q.Get("nonce") != "" && !r.Restart {
				out = append(out, q.Get("nonce"))
			}
		}
		return nil
	})
	return out, err
}
