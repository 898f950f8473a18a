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
	k, err := kindOf[T]()
	if err != nil {
		return err
	}
	var ids [][]byte
	if err := s.view(func(tx *bolt.Tx) error {
		ids = deadlineIDs(resBucket(tx, k.res).Bucket(subDeadline), timeBound(from, false), timeBound(to, true))
		return nil
	}); err != nil {
		return fmt.Errorf("localstore: scan %s deadlines: %w", k.res, err)
	}
	return fetchEach(s, k, ids, "scan deadlines of", fn)
}

// deadlineIDs returns copies of the IDs in the deadline index whose time key
// lies in [lo, hi]; the copies outlive the read transaction.
func deadlineIDs(ix *bolt.Bucket, lo, hi uint64) [][]byte {
	var ids [][]byte
	c := ix.Cursor()
	for k, _ := c.Seek(binaryTime(lo)); k != nil && u64(k) <= hi; k, _ = c.Next() {
		ids = append(ids, bytes.Clone(idOfTimeKey(k)))
	}
	return ids
}
