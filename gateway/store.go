package gateway

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/gateway/produce"
)

// Bucket names of the gateway's store (<data>/gateway.db, 0600).
var (
	bucketCalls     = []byte("calls")     // seq → CallRecord
	bucketRecords   = []byte("records")   // "<resource>/<id>" → record JSON (orders, alerts)
	bucketInstances = []byte("instances") // instanceId → orderId "\x00" orderLineId
	bucketPending   = []byte("pending")   // orderId → "" : orders still to complete with order/query
	bucketIdem      = []byte("idem")      // idempotency key → stored action reply
	bucketLastCall  = []byte("lastcall")  // alert ID → seq of the latest call on its subject
)

// feedBucket indexes a resource's records by version, for change listings.
func feedBucket(res domain.Resource) []byte { return []byte("feed-" + string(res)) }

// Served are the resources the gateway publishes: the only ones production
// calls reveal.
var Served = []domain.Resource{domain.ResOrders, domain.ResAlerts}

// Store is the gateway's bbolt file: calls, orders, alerts and their feed.
type Store struct {
	db      *bolt.DB
	account string
}

// OpenStore opens (creating) <dir>/gateway.db; dir is created 0700 and the
// file 0600: bodies carry customers' names, phones and e-mails.
func OpenStore(dir, account string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("gateway store: %w", err)
	}
	path := filepath.Join(dir, "gateway.db")
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 3 * time.Second, NoFreelistSync: true,
		FreelistType: bolt.FreelistMapType, InitialMmapSize: 64 << 20})
	if err != nil {
		return nil, fmt.Errorf("gateway store %s: %w (is another gateway using this --data?)", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketCalls, bucketRecords, bucketInstances, bucketPending, bucketIdem, bucketLastCall, bucketMeta,
			feedBucket(domain.ResOrders), feedBucket(domain.ResAlerts)} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("gateway store %s: %w", path, err)
	}
	db.AllocSize = 16 << 20 // grow in large steps: each growth is one more fsync on a commit
	return &Store{db: db, account: account}, nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// metaJournal is the key (in the calls bucket's sibling "meta") of the
// last journal entry the store holds.
var (
	bucketMeta  = []byte("meta")
	metaJournal = []byte("journal.applied")
)

// RecordBatch stores answered calls and applies each to its order and
// alert, all in one transaction committed with fsync, together with the
// journal mark of the last one, so a replay never applies a call twice.
func (s *Store) RecordBatch(recs []CallRecord) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		calls := tx.Bucket(bucketCalls)
		for i := range recs {
			r := &recs[i]
			seq, err := calls.NextSequence()
			if err != nil {
				return err
			}
			r.Seq = seq
			resolveInstance(tx, &r.Call)
			if err := putJSON(calls, u64(seq), r); err != nil {
				return err
			}
			if _, _, err := s.apply(tx, *r); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(metaJournal, u64(recs[len(recs)-1].Journal))
	})
	if err != nil {
		return fmt.Errorf("gateway store: recording calls: %w", err)
	}
	return nil
}

// JournalApplied is the last journal entry the store holds.
func (s *Store) JournalApplied() (uint64, error) {
	var n uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaJournal); len(v) == 8 {
			n = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	return n, err
}

// apply updates the call's alert and order inside tx.
func (s *Store) apply(tx *bolt.Tx, r CallRecord) (*domain.InterfaceAlert, *domain.Order, error) {
	var prevA *domain.InterfaceAlert
	if r.Call.Kind() != "" {
		if err := tx.Bucket(bucketLastCall).Put([]byte(alertID(r.Call)), u64(r.Seq)); err != nil {
			return nil, nil, err
		}
		var a domain.InterfaceAlert
		if ok, err := getRecord(tx, domain.ResAlerts, alertID(r.Call), &a); err != nil {
			return nil, nil, err
		} else if ok {
			prevA = &a
		}
	}
	var prevO *domain.Order
	var o domain.Order
	if ok, err := getRecord(tx, domain.ResOrders, r.Call.OrderID, &o); err != nil {
		return nil, nil, err
	} else if ok {
		prevO = &o
	}
	order := nextOrder(prevO, r)
	if order != nil {
		if err := s.put(tx, domain.ResOrders, &order.Meta, order, r.ReceivedAt); err != nil {
			return nil, nil, err
		}
		if prevO == nil {
			if err := tx.Bucket(bucketPending).Put([]byte(order.ID), nil); err != nil {
				return nil, nil, err
			}
		}
		// the instance belongs to the order that created it; later calls on
		// it (renewals, changes) carry orders of their own
		if id := r.Outcome.InstanceID; id != "" && r.Call.Activity == produce.ActNewInstance {
			if err := tx.Bucket(bucketInstances).Put([]byte(id), []byte(r.Call.OrderID+"\x00"+r.Call.OrderLineID)); err != nil {
				return nil, nil, err
			}
		}
	}
	if err := s.applyToOrigin(tx, r); err != nil {
		return nil, nil, err
	}
	alert := nextAlert(prevA, r)
	if alert != nil {
		if order != nil {
			alert.CustomerName, alert.ProductName = order.Buyer.CustomerName, firstNonEmpty(order.ProductName, alert.ProductName)
		}
		if err := s.put(tx, domain.ResAlerts, &alert.Meta, alert, r.ReceivedAt); err != nil {
			return nil, nil, err
		}
	}
	return alert, order, nil
}

// resolveInstance names the order of a call that names only its instance,
// when the gateway saw that instance created.
func resolveInstance(tx *bolt.Tx, c *Call) {
	if c.OrderID != "" || c.InstanceID == "" {
		return
	}
	if v := tx.Bucket(bucketInstances).Get([]byte(c.InstanceID)); v != nil {
		id, line, _ := cut0(string(v))
		c.OrderID, c.OrderLineID = id, line
	}
}

func cut0(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// put gives a record the next version of the feed and stores it, moving its
// feed entry from the old version to the new one.
func (s *Store) put(tx *bolt.Tx, res domain.Resource, m *domain.Meta, rec any, now time.Time) error {
	recs, feed := tx.Bucket(bucketRecords), tx.Bucket(feedBucket(res))
	if m.Version > 0 {
		if err := feed.Delete(u64(uint64(m.Version))); err != nil {
			return err
		}
	}
	v, err := recs.NextSequence()
	if err != nil {
		return err
	}
	m.Version, m.UpdatedAt, m.Account = int64(v), now.UTC(), s.account
	if err := feed.Put(u64(v), []byte(m.ID)); err != nil {
		return err
	}
	return putJSON(recs, recordKey(res, m.ID), rec)
}

func recordKey(res domain.Resource, id string) []byte { return []byte(string(res) + "/" + id) }

func getRecord(tx *bolt.Tx, res domain.Resource, id string, into any) (bool, error) {
	if id == "" {
		return false, nil
	}
	v := tx.Bucket(bucketRecords).Get(recordKey(res, id))
	if v == nil {
		return false, nil
	}
	if err := json.Unmarshal(v, into); err != nil {
		return false, fmt.Errorf("stored %s %s unreadable: %w", res, id, err)
	}
	return true, nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// ErrNotFound is a record or call the store does not hold.
var ErrNotFound = errors.New("not found")

// applyToOrigin carries a successful renewal, change or release, which
// arrives under an order of its own, onto the order that created the
// instance, so that order shows the instance as it now stands.
func (s *Store) applyToOrigin(tx *bolt.Tx, r CallRecord) error {
	if r.Failed() || r.Call.InstanceID == "" {
		return nil
	}
	v := tx.Bucket(bucketInstances).Get([]byte(r.Call.InstanceID))
	if v == nil {
		return nil
	}
	id, line, _ := cut0(string(v))
	if id == r.Call.OrderID {
		return nil // nextOrder already updated it
	}
	var o domain.Order
	if ok, err := getRecord(tx, domain.ResOrders, id, &o); err != nil || !ok {
		return err
	}
	o = nextOrigin(o, line, r)
	return s.put(tx, domain.ResOrders, &o.Meta, &o, r.ReceivedAt)
}
