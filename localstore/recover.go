package localstore

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/koogallery/merchant-console/domain"
)

// Recovery says what Recover did.
type Recovery struct {
	MovedTo string // where the damaged file now lies ("" when there was none)
	Actions int    // outbox entries carried into the fresh file
	Notices int    // notification-log entries carried over (so nothing is notified twice)
}

// Recover moves a damaged cache file aside (renamed with a UTC timestamp)
// and creates a fresh one for account holding every outbox entry and
// notice that could be read from the old file; the records themselves are
// synced again from the marketplace. The old file is read defensively:
// first through bbolt (a panic on a bad page is caught), then by scanning
// its raw bytes for outbox entries, which are stored as JSON.
func Recover(path, account string) (Recovery, error) {
	var rec Recovery
	actions, notices, err := salvage(path, account)
	if err != nil {
		return rec, err
	}
	if _, err := os.Stat(path); err == nil {
		rec.MovedTo = fmt.Sprintf("%s.corrupt-%s", path, time.Now().UTC().Format("20060102T150405.000Z"))
		if err := os.Rename(path, rec.MovedTo); err != nil {
			return Recovery{}, fmt.Errorf("localstore: recover: move %s aside: %w", path, err)
		}
	}
	s, err := Open(path, account, Options{})
	if err != nil {
		return rec, fmt.Errorf("localstore: recover: create a fresh cache: %w", err)
	}
	defer s.Close()
	err = s.update(func(tx *bolt.Tx) error {
		if err := restoreActions(tx, actions); err != nil {
			return err
		}
		return restoreNotices(tx, notices)
	})
	if err != nil {
		return rec, fmt.Errorf("localstore: recover: restore the outbox into %s (the old file is %s): %w", path, rec.MovedTo, err)
	}
	rec.Actions, rec.Notices = len(actions), len(notices)
	return rec, nil
}

// salvage reads outbox entries and notices from a damaged file. Entries
// found only by the raw scan are added to what bbolt could read.
func salvage(path, account string) ([]domain.Action, []Notice, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("localstore: recover: read %s: %w", path, err)
	}
	actions, notices, err := salvageBolt(path)
	if errors.Is(err, ErrLocked) {
		return nil, nil, err // never move a file another copy is using
	}
	rawActions, rawNotices := scanRaw(raw)
	actions = mergeActions(account, actions, rawActions)
	notices = mergeNotices(account, notices, rawNotices)
	return actions, notices, nil
}

// salvageBolt reads what bbolt still can, keeping everything read before a failure.
func salvageBolt(path string) (actions []domain.Action, notices []Notice, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var file *os.File // see openBolt: released even if bbolt panics
	defer func() {
		if p := recover(); p != nil {
			if file != nil {
				releaseFile(file)
			}
			err = fmt.Errorf("bbolt panicked: %v", p)
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		}})
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return nil, nil, fmt.Errorf("the cache %s is open in another copy of Merchant Console: %w", path, ErrLocked)
		}
		return nil, nil, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		if ob := tx.Bucket(bktOutbox); ob != nil {
			if seqs := ob.Bucket(obSeq); seqs != nil {
				_ = seqs.ForEach(func(_, v []byte) error {
					var a domain.Action
					if json.Unmarshal(v, &a) == nil {
						actions = append(actions, a)
					}
					return nil
				})
			}
		}
		if nb := tx.Bucket(bktNotices); nb != nil {
			if byKey := nb.Bucket(ntByKey); byKey != nil {
				_ = byKey.ForEach(func(_, v []byte) error {
					var n Notice
					if json.Unmarshal(v, &n) == nil {
						notices = append(notices, n)
					}
					return nil
				})
			}
		}
		return nil
	})
	return actions, notices, err
}

// scanRaw finds JSON objects beginning {"key": in the file's bytes and keeps
// those that parse as outbox entries or notices.
func scanRaw(raw []byte) (actions []domain.Action, notices []Notice) {
	marker := []byte(`{"key":"`)
	for i := 0; ; {
		j := bytes.Index(raw[i:], marker)
		if j < 0 {
			return actions, notices
		}
		start := i + j
		i = start + len(marker)
		var msg json.RawMessage
		if json.NewDecoder(bytes.NewReader(raw[start:])).Decode(&msg) != nil {
			continue
		}
		var a domain.Action
		if json.Unmarshal(msg, &a) == nil && a.Seq > 0 && a.Name != "" && a.RecordID != "" {
			actions = append(actions, a)
			continue
		}
		var n Notice
		if json.Unmarshal(msg, &n) == nil && n.Title != "" {
			notices = append(notices, n)
		}
	}
}

// mergeActions dedupes by Key. bbolt's copy wins; among raw copies (a freed
// page may hold an older one) the most advanced wins: a final state, then
// more attempts. Sending an entry twice is harmless: its key makes the
// server apply it once.
func mergeActions(account string, fromBolt, fromRaw []domain.Action) []domain.Action {
	byKey := map[string]domain.Action{}
	trusted := map[string]bool{}
	for _, a := range fromBolt {
		byKey[a.Key], trusted[a.Key] = a, true
	}
	for _, a := range fromRaw {
		old, seen := byKey[a.Key]
		if trusted[a.Key] || (seen && !moreAdvanced(a, old)) {
			continue
		}
		byKey[a.Key] = a
	}
	var out []domain.Action
	for _, a := range byKey {
		if a.Account == "" || a.Account == account {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b domain.Action) int {
		if c := cmp.Compare(a.Seq, b.Seq); c != 0 {
			return c
		}
		return a.CreatedAt.Compare(b.CreatedAt)
	})
	return out
}

func moreAdvanced(a, b domain.Action) bool {
	if a.State.Final() != b.State.Final() {
		return a.State.Final()
	}
	return a.Attempts > b.Attempts
}

func mergeNotices(account string, fromBolt, fromRaw []Notice) []Notice {
	byKey := map[string]Notice{}
	for _, n := range fromRaw {
		if old, ok := byKey[n.Key]; !ok || n.Read && !old.Read {
			byKey[n.Key] = n
		}
	}
	for _, n := range fromBolt {
		byKey[n.Key] = n
	}
	var out []Notice
	for _, n := range byKey {
		if n.Account == "" || n.Account == account {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b Notice) int { return a.At.Compare(b.At) })
	return out
}

// restoreActions writes salvaged entries keeping their Seq (renumbering
// any that collide), so the order per record survives.
func restoreActions(tx *bolt.Tx, actions []domain.Action) error {
	ob := tx.Bucket(bktOutbox)
	seqs := ob.Bucket(obSeq)
	var last uint64
	for _, a := range actions {
		if a.Seq <= last {
			a.Seq = last + 1
		}
		last = a.Seq
		if err := putAction(ob, a, true); err != nil {
			return fmt.Errorf("outbox %s: %w", a.Key, err)
		}
	}
	return seqs.SetSequence(last)
}

func restoreNotices(tx *bolt.Tx, notices []Notice) error {
	nb := tx.Bucket(bktNotices)
	for _, n := range notices {
		data, err := json.Marshal(n)
		if err != nil {
			return err
		}
		seq, err := nb.Bucket(ntOrder).NextSequence()
		if err != nil {
			return err
		}
		key := binaryTime(timeKey(n.At))
		key = append(key, seqKey(seq)...)
		if err := nb.Bucket(ntOrder).Put(key, []byte(n.Key)); err != nil {
			return err
		}
		if err := nb.Bucket(ntByKey).Put([]byte(n.Key), data); err != nil {
			return err
		}
		if !n.Read {
			if err := addUnread(nb, 1); err != nil {
				return err
			}
		}
	}
	return nil
}
