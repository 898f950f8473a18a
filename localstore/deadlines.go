package localstore

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// ScanDeadlines streams the records of T whose running countdown (the
// deadline index: an open alert's unsubscription, a running ticket's SLA, a
// supervision task's next timer) falls between from and to, both included,
// earliest first. A zero from means no lower bound, so overdue countdowns
// come too. Only those records are decoded: a check of what is due soon
// costs what is due, not the size of the cache. Records without a running
// countdown are never passed to fn.
func ScanDeadlines[T domain.Record](s *Store, from, to time.Time, fn func(T) error) error {
	return ScanDeadlinesUnnoticed(s, from, to, nil, fn)
}

// ScanDeadlinesUnnoticed is ScanDeadlines without the records whose notice
// is already in the notification log. noticeKey names, from an index entry
// alone (record ID and countdown time), the one notice that record would
// raise now, or "" when it cannot tell; a record whose named key is logged
// is neither read nor decoded. A repeated check (every tick, every launch
// after the first) then decodes only what may still need telling, not
// every record in the window. A nil noticeKey skips nothing.
func ScanDeadlinesUnnoticed[T domain.Record](s *Store, from, to time.Time, noticeKey func(id string, at time.Time) string, fn func(T) error) error {
	k, err := kindOf[T]()
	if err != nil {
		return err
	}
	var ids [][]byte
	if err := s.view(func(tx *bolt.Tx) error {
		logged := noticeLogged(tx, noticeKey)
		ids = deadlineIDs(resBucket(tx, k.res).Bucket(subDeadline), timeBound(from, false), timeBound(to, true), logged)
		return nil
	}); err != nil {
		return fmt.Errorf("localstore: scan %s deadlines: %w", k.res, err)
	}
	return fetchEach(s, k, ids, "scan deadlines of", fn)
}

// noticeLogged turns noticeKey into a test on index entries against the
// log as tx sees it; nil when there is nothing to test. The log's bucket is
// opened at the first entry, so an empty window costs nothing more.
func noticeLogged(tx *bolt.Tx, noticeKey func(id string, at time.Time) string) func(k []byte) bool {
	if noticeKey == nil {
		return nil
	}
	var byKey *bolt.Bucket
	return func(k []byte) bool {
		key := noticeKey(string(idOfTimeKey(k)), timeOfKey(u64(k)))
		if key == "" {
			return false
		}
		if byKey == nil {
			if byKey = tx.Bucket(bktNotices).Bucket(ntByKey); byKey == nil {
				return false
			}
		}
		return byKey.Get([]byte(key)) != nil
	}
}

// timeOfKey inverts timeKey for a non-zero time.
func timeOfKey(v uint64) time.Time { return time.Unix(0, int64(v^(1<<63))) }

// deadlineIDs returns copies of the IDs in the deadline index whose time key
// lies in [lo, hi], leaving out the entries skip (when not nil) is true
// for; the copies outlive the read transaction.
func deadlineIDs(ix *bolt.Bucket, lo, hi uint64, skip func(k []byte) bool) [][]byte {
	var ids [][]byte
	c := ix.Cursor()
	for k, _ := c.Seek(binaryTime(lo)); k != nil && u64(k) <= hi; k, _ = c.Next() {
		if skip != nil && skip(k) {
			continue
		}
		ids = append(ids, bytes.Clone(idOfTimeKey(k)))
	}
	return ids
}

// UrgentCount is how many of the account's records are urgent at now
// (domain.Urgent: a countdown with less than domain.UrgentWithin left,
// passed ones included), for the account switcher's badge. It reads the
// deadline index, so it costs what is due, not the size of the cache.
func (s *Store) UrgentCount(now time.Time) (int, error) {
	n := 0
	count := func(r domain.Record) error {
		if domain.Urgent(r, now) {
			n++
		}
		return nil
	}
	until := now.Add(domain.UrgentWithin)
	if err := ScanDeadlines(s, time.Time{}, until, func(a domain.InterfaceAlert) error { return count(a) }); err != nil {
		return 0, err
	}
	if err := ScanDeadlines(s, time.Time{}, until, func(t domain.Ticket) error { return count(t) }); err != nil {
		return 0, err
	}
	if err := ScanDeadlines(s, time.Time{}, until, func(t domain.SupervisionTask) error { return count(t) }); err != nil {
		return 0, err
	}
	return n, nil
}
