package localstore

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"runtime/debug"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// CheckIndexes checks, from the raw buckets, that a resource's records,
// filter rows, status counts and every index describe the same set of
// records: each row is what its record makes of it, and each index and
// count holds exactly the entries the rows call for. Sync convergence
// tests and Verify use it; it reads every record, so it is not for the
// hot path.
func (s *Store) CheckIndexes(res domain.Resource) error {
	c, err := codecFor(res)
	if err != nil {
		return fmt.Errorf("localstore: check indexes: %w", err)
	}
	err = s.view(func(tx *bolt.Tx) error {
		b := resBucket(tx, res)
		if err := checkRows(b, c, s.account); err != nil {
			return err
		}
		want, counts, err := expectedIndexes(b)
		if err != nil {
			return err
		}
		for sub, keys := range want {
			got := map[string]bool{}
			_ = b.Bucket([]byte(sub)).ForEach(func(k, _ []byte) error { got[string(k)] = true; return nil })
			if !maps.Equal(keys, got) {
				return fmt.Errorf("index %s holds %d entries where the rows call for %d", sub, len(got), len(keys))
			}
		}
		stored := map[string]int{}
		_ = b.Bucket(subCount).ForEach(func(k, v []byte) error { stored[string(k)] = int(u64(v)); return nil })
		if !maps.Equal(counts, stored) {
			return fmt.Errorf("stored counts %v differ from the rows' %v", stored, counts)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("localstore: %s: %w", res, err)
	}
	return nil
}

// checkRows compares each stored row with the row its record makes.
func checkRows(b *bolt.Bucket, c codec, account string) error {
	if n, m := b.Bucket(subRec).Stats().KeyN, b.Bucket(subRow).Stats().KeyN; n != m {
		return fmt.Errorf("%d records but %d rows", n, m)
	}
	rows := b.Bucket(subRow)
	return b.Bucket(subRec).ForEach(func(k, v []byte) error {
		r, err := c.decode(v)
		if err != nil {
			return fmt.Errorf("record %s: %w", Quote(string(k)), err)
		}
		p, err := c.prepare(r, account)
		if err != nil {
			return fmt.Errorf("record %s: %w", Quote(string(k)), err)
		}
		want := make([]byte, p.f.rowSize())
		p.f.encodeRow(want)
		if !bytes.Equal(want, rows.Get(k)) {
			return fmt.Errorf("the row of %s does not match its record", Quote(string(k)))
		}
		return nil
	})
}

// expectedIndexes lists the index keys (by sub-bucket) and counts the rows call for.
func expectedIndexes(b *bolt.Bucket) (map[string]map[string]bool, map[string]int, error) {
	want := map[string]map[string]bool{}
	for _, sub := range [][]byte{subTime, subStatus, subDeadline} {
		want[string(sub)] = map[string]bool{}
	}
	counts := map[string]int{}
	var a writebuf.Arena
	err := b.Bucket(subRow).ForEach(func(k, v []byte) error {
		id := string(k)
		r, ok := parseRow(v)
		if !ok {
			return fmt.Errorf("row %s damaged", Quote(id))
		}
		want[string(subTime)][string(timeIDKey(&a, r.at, id))] = true
		want[string(subStatus)][string(prefixTimeIDKey(&a, string(r.status), r.at, id))] = true
		if r.deadline != 0 {
			want[string(subDeadline)][string(timeIDKey(&a, r.deadline, id))] = true
		}
		counts[string(r.status)]++
		for i, name := range flagNames {
			if r.flags&(1<<i) != 0 {
				counts[name]++
			}
		}
		return nil
	})
	return want, counts, err
}

// IDVersion names one stored record and the version the cache holds.
type IDVersion struct {
	ID      string
	Version int64
}

// String is the "id:version" form the sandbox's checksums use.
func (v IDVersion) String() string { return v.ID + ":" + strconv.FormatInt(v.Version, 10) }

// Versions lists the ID and version of every live record of a resource, in
// ID order, read from the compact filter rows without decoding a record. It
// answers "does the cache hold exactly what the server holds?": the
// convergence checks of the sync tests and a diagnostics view both compare it
// with the server's own list.
func (s *Store) Versions(res domain.Resource) ([]IDVersion, error) {
	if !res.Valid() {
		return nil, fmt.Errorf("localstore: unknown resource %q", res)
	}
	var out []IDVersion
	err := s.view(func(tx *bolt.Tx) error {
		b := resBucket(tx, res)
		if b == nil {
			return nil
		}
		return b.Bucket(subRow).ForEach(func(k, v []byte) error {
			r, ok := parseRow(v)
			if !ok {
				return fmt.Errorf("%w: damaged row %q in %s", ErrCorrupt, k, res)
			}
			out = append(out, IDVersion{ID: string(k), Version: r.version})
			return nil
		})
	})
	return out, err
}

// The file-level checks (sidecar, meta pages, truncation) are
// localstore/cachefile's; here are the two that need the open file.

// noteState records the open file's transaction ID in the sidecar; synced
// marks that a cursor has been stored. Best effort: the sidecar only ever
// adds checks. db is passed in because Close calls it holding s.mu.
func (s *Store) noteState(db *bolt.DB, synced bool) {
	var txid int
	if db.View(func(tx *bolt.Tx) error { txid = tx.ID(); return nil }) != nil {
		return
	}
	old, _ := cachefile.ReadState(s.path)
	st := cachefile.State{Account: s.account, Synced: synced || old.Synced, TxID: txid, At: time.Now().UTC()}
	if err := cachefile.WriteState(s.path, st); err == nil {
		s.synced.Store(st.Synced)
	}
}

// checkAfterOpen catches a file older than the sidecar says it was (a
// damaged newer meta page, an old copy put back). A bbolt file without the
// cache's meta bucket is left to checkMeta, which names it foreign.
func checkAfterOpen(db *bolt.DB, path string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = corruptErr(path, fmt.Errorf("a page of the file is damaged (bbolt panicked reading it: %v)", p))
		}
	}()
	var txid int
	var ours bool
	if err := db.View(func(tx *bolt.Tx) error {
		txid, ours = tx.ID(), tx.Bucket(bktMeta) != nil
		return nil
	}); err != nil || !ours {
		return err
	}
	if st, ok := cachefile.ReadState(path); ok && txid < st.TxID {
		why := fmt.Sprintf("it holds an older state (transaction %d) than when it was last used (%d)", txid, st.TxID)
		if m, err := cachefile.ReadMetas(path); err == nil && (!m[0].Valid || !m[1].Valid) {
			why += "; one of its two meta pages is damaged, so bbolt fell back to the older one"
		}
		return corruptErr(path, errors.New(why))
	}
	return nil
}

// Verify reads the whole open cache: every bucket and key (a damaged page
// makes bbolt panic, caught as ErrCorrupt) and every record and outbox
// entry through its decoder. It is slower than Open (a full read) and is
// meant for the repair command and a check after Open, not every start.
func (s *Store) Verify() error {
	var problems []string
	err := s.view(func(tx *bolt.Tx) error {
		for _, res := range domain.AllResources {
			c, _ := codecFor(res)
			_ = tx.Bucket(resBucketName(string(res))).Bucket(subRec).ForEach(func(k, v []byte) error {
				if _, err := c.decode(v); err != nil {
					problems = append(problems, fmt.Sprintf("%s %s does not decode (%v)", res, Quote(string(k)), err))
				}
				return nil
			})
		}
		_ = tx.Bucket(bktOutbox).Bucket(obSeq).ForEach(func(k, v []byte) error {
			if _, err := loadAction(tx.Bucket(bktOutbox), k); err != nil {
				problems = append(problems, fmt.Sprintf("queued action #%d does not decode", u64(k)))
			}
			return nil
		})
		return walkAll(tx)
	})
	if err != nil {
		return err
	}
	for _, res := range domain.AllResources {
		if len(problems) == 0 {
			if err := s.CheckIndexes(res); err != nil {
				problems = append(problems, err.Error())
			}
		}
	}
	if len(problems) > 0 {
		more := ""
		if len(problems) > 3 {
			more = fmt.Sprintf(" and %d more", len(problems)-3)
			problems = problems[:3]
		}
		return corruptErr(s.path, fmt.Errorf("%d damaged entries: %v%s", len(problems), problems, more))
	}
	return nil
}

// walkAll touches every key of every bucket, nested ones included.
func walkAll(tx *bolt.Tx) error {
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if sub := b.Bucket(k); sub != nil {
					return walk(sub)
				}
			}
			return nil
		})
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
}
