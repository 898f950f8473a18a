package localstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
)

// Repair moves a damaged cache file aside (renamed with a UTC timestamp)
// and creates a fresh one for account holding every outbox entry, every
// notice and every setting (the marketplace account binding, a server's
// wait) that could be read from the old file; the records themselves are
// synced again from the marketplace. The old file is read defensively:
// first through bbolt (a panic on a bad page is caught), then by scanning
// its raw bytes for outbox entries and notices, which are stored as JSON,
// so entries a rolled-back meta page hides are found too. A file another
// copy of the console holds is never moved (ErrLocked), nor a healthy
// cache of another account (ErrForeignAccount).
func Repair(path, account string) (RepairReport, error) {
	rep := RepairReport{Path: path}
	rep.openErr = damageOf(path, account)
	rep.Problem = problemOf(rep.openErr)
	if errors.Is(rep.openErr, ErrForeignAccount) || errors.Is(rep.openErr, ErrLocked) {
		return rep, rep.openErr
	}
	sv, err := salvage(path, account)
	if err != nil {
		return rep, err
	}
	if _, err := os.Stat(path); err == nil {
		rep.MovedTo = fmt.Sprintf("%s.corrupt-%s", path, time.Now().UTC().Format("20060102T150405.000Z"))
		if err := os.Rename(path, rep.MovedTo); err != nil {
			return RepairReport{}, fmt.Errorf("localstore: repair: move %s aside: %w", path, err)
		}
	}
	// the fresh file starts its transactions afresh; the account has still synced before
	if st, ok := cachefile.ReadState(path); ok {
		st.TxID = 0
		if err := cachefile.WriteState(path, st); err != nil {
			return rep, fmt.Errorf("localstore: repair: reset %s: %w", cachefile.StatePath(path), err)
		}
	}
	s, err := Open(path, account, Options{})
	if err != nil {
		return rep, fmt.Errorf("localstore: repair: create a fresh cache: %w", err)
	}
	defer s.Close()
	err = s.update(func(tx *bolt.Tx) error {
		if err := restoreActions(tx, sv.actions); err != nil {
			return err
		}
		if err := restoreSettings(tx, sv.settings); err != nil {
			return err
		}
		return restoreNotices(tx, sv.notices)
	})
	if err != nil {
		return rep, fmt.Errorf("localstore: repair: restore the outbox into %s (the old file is %s): %w", path, rep.MovedTo, err)
	}
	rep.fill(sv)
	return rep, nil
}

// damageOf opens and reads the whole file: nil when it is sound.
func damageOf(path, account string) error {
	if _, err := os.Stat(path); err != nil {
		return nil // nothing there to be damaged
	}
	s, err := Open(path, account, Options{AutoCompactFreeBytes: -1})
	if err != nil {
		return err
	}
	err = s.Verify()
	_ = s.Close()
	return err
}

// salvaged is what could be read from a damaged file.
type salvaged struct {
	actions  []domain.Action
	notices  []Notice
	settings map[string][]byte
	unread   int // outbox entries seen but unreadable
}

// salvage reads outbox entries, notices and settings from a damaged file.
// Entries found only by the raw scan are added to what bbolt could read.
func salvage(path, account string) (salvaged, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return salvaged{}, nil
	}
	if err != nil {
		return salvaged{}, fmt.Errorf("localstore: repair: read %s: %w", path, err)
	}
	sv, err := salvageBolt(path)
	if errors.Is(err, ErrLocked) {
		return salvaged{}, err // never move a file another copy is using
	}
	rawActions, rawNotices := scanRaw(raw)
	sv.actions = mergeActions(account, sv.actions, rawActions)
	sv.notices = mergeNotices(account, sv.notices, rawNotices)
	return sv, nil
}

// salvageBolt reads what bbolt still can, keeping everything read before a failure.
func salvageBolt(path string) (sv salvaged, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var file *os.File // see openBolt: released even if bbolt panics
	defer func() {
		if p := recover(); p != nil {
			if file != nil {
				cachefile.ReleaseFile(file)
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
			return sv, fmt.Errorf("the cache %s is open in another copy of Merchant Console: %w", path, ErrLocked)
		}
		return sv, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		if ob := tx.Bucket(bktOutbox); ob != nil {
			if seqs := ob.Bucket(obSeq); seqs != nil {
				_ = seqs.ForEach(func(_, v []byte) error {
					var a domain.Action
					if json.Unmarshal(v, &a) == nil {
						sv.actions = append(sv.actions, a)
					} else {
						sv.unread++
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
						sv.notices = append(sv.notices, n)
					}
					return nil
				})
			}
		}
		if st := tx.Bucket(bktSettings); st != nil {
			sv.settings = map[string][]byte{}
			_ = st.ForEach(func(k, v []byte) error {
				if utf8.Valid(k) && utf8.Valid(v) {
					sv.settings[string(k)] = bytes.Clone(v)
				}
				return nil
			})
		}
		return nil
	})
	return sv, err
}

// restoreSettings writes the salvaged settings back.
func restoreSettings(tx *bolt.Tx, settings map[string][]byte) error {
	b := tx.Bucket(bktSettings)
	for k, v := range settings {
		if err := b.Put([]byte(k), v); err != nil {
			return fmt.Errorf("setting %s: %w", Quote(k), err)
		}
	}
	return nil
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

// OpenRepairing opens the cache like Open and, when the file is damaged
// (ErrCorrupt), repairs it (see Repair) and opens the fresh cache. The
// report is nil when no repair was needed; otherwise its Lines tell the
// person what happened and what was saved. Every other error of Open
// (ErrLocked, ErrForeignAccount, ErrNewerSchema) is returned as it is: such
// a file is never moved.
func OpenRepairing(path, account string, opts Options) (*Store, *RepairReport, error) {
	s, err := Open(path, account, opts)
	if err == nil || !errors.Is(err, ErrCorrupt) {
		return s, nil, err
	}
	rep, rerr := Repair(path, account)
	if rerr != nil {
		return nil, &rep, fmt.Errorf("localstore: %v; repairing it failed: %w", err, rerr)
	}
	s, err = Open(path, account, opts)
	if err != nil {
		return nil, &rep, fmt.Errorf("localstore: open the repaired cache %s: %w", path, err)
	}
	return s, &rep, nil
}
