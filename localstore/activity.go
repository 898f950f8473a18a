package localstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// The sync activity log (as Obsidian Sync keeps one): one entry per sync of
// the account, what it changed per resource, what went wrong and which
// records it set aside, kept ActivityKeep and pruned whenever an entry is
// written. Keys are the sync's time in big-endian nanoseconds, so the log
// reads in time order and pruning stops at the first entry young enough.

// bktActivity holds the log; it is made on the first write.
var bktActivity = []byte("_activity")

// ActivityKeep is how long the log keeps a sync.
const ActivityKeep = 30 * 24 * time.Hour

// SyncActivity is one sync as the log keeps it.
type SyncActivity struct {
	At        time.Time          `json:"at"`
	Took      time.Duration      `json:"took"`
	Resources []ResourceActivity `json:"resources,omitempty"`
	// Outbox counts: delivered, refused, held by the traffic cop, left.
	Sent     int `json:"sent,omitempty"`
	Rejected int `json:"rejected,omitempty"`
	Stopped  int `json:"stopped,omitempty"`
	Left     int `json:"left,omitempty"`
	// Errors are the problems in plain words, one per line; SetAside the
	// records set aside in this sync.
	Errors   []string `json:"errors,omitempty"`
	SetAside []string `json:"setAside,omitempty"`
}

// ResourceActivity is one resource's changes in one sync.
type ResourceActivity struct {
	Resource              domain.Resource `json:"resource"`
	New, Changed, Removed int
}

// Failed reports whether the sync had an error or set something aside.
func (a SyncActivity) Failed() bool { return len(a.Errors) > 0 || len(a.SetAside) > 0 }

// Line is the sync in one short line: time, the resources that changed
// (+new ~changed -removed), the outbox and the problems' count.
func (a SyncActivity) Line() string {
	parts := []string{a.At.Local().Format("2006-01-02 15:04:05")}
	var changed []string
	for _, r := range a.Resources {
		if r.New+r.Changed+r.Removed > 0 {
			changed = append(changed, fmt.Sprintf("%s +%d ~%d -%d", r.Resource, r.New, r.Changed, r.Removed))
		}
	}
	if len(changed) == 0 {
		changed = append(changed, "no changes")
	}
	parts = append(parts, strings.Join(changed, ", "))
	if a.Sent+a.Rejected+a.Stopped > 0 {
		parts = append(parts, fmt.Sprintf("outbox %d sent, %d refused, %d held", a.Sent, a.Rejected, a.Stopped))
	}
	if n := len(a.Errors); n > 0 {
		parts = append(parts, fmt.Sprintf("%d errors", n))
	}
	if n := len(a.SetAside); n > 0 {
		parts = append(parts, fmt.Sprintf("%d set aside", n))
	}
	return strings.Join(parts, " · ")
}

// ActivityFilter picks entries of the log.
type ActivityFilter int

// All entries, or only the syncs that failed or set records aside.
const (
	ActivityAll ActivityFilter = iota
	ActivityErrors
)

// RecordActivity adds a sync to the log and drops entries older than
// ActivityKeep before now. Two syncs at the same instant keep both.
func (s *Store) RecordActivity(a SyncActivity, now time.Time) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("localstore: record activity: %w", err)
	}
	err = s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bktActivity)
		if err != nil {
			return err
		}
		key := activityKey(a.At)
		for b.Get(key) != nil { // the same nanosecond: the next free one
			key = binary.BigEndian.AppendUint64(nil, binary.BigEndian.Uint64(key)+1)
		}
		if err := b.Put(key, data); err != nil {
			return err
		}
		return pruneActivity(b, now.Add(-ActivityKeep))
	})
	if err != nil {
		return fmt.Errorf("localstore: record activity: %w", err)
	}
	return nil
}

func activityKey(at time.Time) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(max(at.UnixNano(), 0)))
}

// pruneActivity deletes the entries before cutoff, oldest first.
func pruneActivity(b *bolt.Bucket, cutoff time.Time) error {
	limit := activityKey(cutoff)
	c := b.Cursor()
	for k, _ := c.First(); k != nil && string(k) < string(limit); k, _ = c.First() {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// Activity lists the log, newest first, at most limit entries (0: all).
// An entry that no longer decodes is skipped: the log is a convenience,
// never a reason to fail.
func (s *Store) Activity(filter ActivityFilter, limit int) ([]SyncActivity, error) {
	var out []SyncActivity
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bktActivity)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var a SyncActivity
			if json.Unmarshal(v, &a) != nil || (filter == ActivityErrors && !a.Failed()) {
				continue
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: activity: %w", err)
	}
	return out, nil
}
