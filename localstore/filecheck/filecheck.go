package localstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Damage a crash cannot cause but a disk, a copy or a person can: bbolt
// itself notices a file that is not a bbolt file, but it takes an empty
// file for a new cache, silently falls back to the older of its two meta
// pages when the newer is damaged, and reads a truncated file until it
// touches a missing page. The cache therefore keeps a small state file
// next to itself (<cache>.state, 0600, no customer data): the account, and
// the transaction ID when the cache last closed or first stored a cursor.
// With it, Open can tell "never synced" from "emptied", and a rolled-back
// file from a current one.

// stateFile is the sidecar: what the cache knew about itself.
type stateFile struct {
	Account string    `json:"account"`
	Synced  bool      `json:"synced"` // a cursor has been stored at least once
	TxID    int       `json:"txid"`   // the file's transaction ID at the time (never more than it is)
	At      time.Time `json:"at"`
}

func statePath(path string) string { return path + ".state" }

// readState returns the sidecar, or ok false when there is none (or it is
// unreadable, which binds nothing: a missing sidecar never fails an Open).
func readState(path string) (stateFile, bool) {
	var st stateFile
	data, err := os.ReadFile(statePath(path))
	if err != nil || json.Unmarshal(data, &st) != nil {
		return stateFile{}, false
	}
	return st, true
}

// writeState replaces the sidecar atomically. It is not fsynced: a sidecar
// lost or garbled by a power cut reads as none, which only skips checks,
// and Close stays as fast as it was.
func writeState(path string, st stateFile) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".state.*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), statePath(path))
}

// noteState records the open file's transaction ID in the sidecar; synced
// marks that a cursor has been stored. Best effort: the sidecar only ever
// adds checks. db is passed in because Close calls it holding s.mu.
func (s *Store) noteState(db *bolt.DB, synced bool) {
	var txid int
	if db.View(func(tx *bolt.Tx) error { txid = tx.ID(); return nil }) != nil {
		return
	}
	old, _ := readState(s.path)
	st := stateFile{Account: s.account, Synced: synced || old.Synced, TxID: txid, At: time.Now().UTC()}
	if err := writeState(s.path, st); err == nil {
		s.synced.Store(st.Synced)
	}
}

// minCacheBytes is the smallest bbolt file: two meta pages, a freelist and
// the root page.
func minCacheBytes() int64 { return 4 * int64(os.Getpagesize()) }

// checkBeforeOpen catches damage bbolt would accept or crash on: a file
// shorter than its own meta page says (truncated), and an account that
// synced before whose file is now empty or too small to be a cache.
func checkBeforeOpen(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return nil // missing: a new cache (or bbolt reports the error)
	}
	if m, err := readMetas(path); err == nil {
		if cur, ok := m.current(); ok {
			if need := int64(cur.pgid) * int64(cur.pageSize); cur.fileSize < need {
				return corruptErr(path, fmt.Errorf("it is truncated: %d bytes where its own index needs %d", cur.fileSize, need))
			}
		}
	}
	st, known := readState(path)
	if !known || !st.Synced {
		return nil
	}
	if info.Size() == 0 {
		return corruptErr(path, errors.New("the file is empty although this account has synced before"))
	}
	if info.Size() < minCacheBytes() {
		return corruptErr(path, fmt.Errorf("the file is only %d bytes although this account has synced before", info.Size()))
	}
	return nil
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
	if st, ok := readState(path); ok && txid < st.TxID {
		why := fmt.Sprintf("it holds an older state (transaction %d) than when it was last used (%d)", txid, st.TxID)
		if m, err := readMetas(path); err == nil && (!m[0].valid || !m[1].valid) {
			why += "; one of its two meta pages is damaged, so bbolt fell back to the older one"
		}
		return corruptErr(path, errors.New(why))
	}
	return nil
}

// metaPage is one of bbolt's two meta pages as read from the raw file.
type metaPage struct {
	valid    bool
	pageSize uint32
	pgid     uint64 // high-water page: the file must reach pgid*pageSize bytes
	txid     uint64
	fileSize int64
}

type metaPages [2]metaPage

// current is the valid meta page with the higher transaction ID, as bbolt picks.
func (m metaPages) current() (metaPage, bool) {
	switch {
	case m[0].valid && m[1].valid:
		if m[1].txid > m[0].txid {
			return m[1], true
		}
		return m[0], true
	case m[0].valid:
		return m[0], true
	case m[1].valid:
		return m[1], true
	}
	return metaPage{}, false
}

// bbolt's on-disk meta page: a 16-byte page header, then magic, version,
// pageSize, flags (uint32 each), root bucket (root pgid, sequence), freelist
// pgid, high-water pgid, txid and an FNV-64a checksum of the fields before
// it, all in the machine's byte order (little-endian on every platform the
// console ships for).
const (
	pageHeaderSize = 16
	metaMagic      = 0xED0CDAED
	metaSumOffset  = 56 // bytes of meta before the checksum
)

// readMetas parses both meta pages of the file at path.
func readMetas(path string) (metaPages, error) {
	var m metaPages
	f, err := os.Open(path)
	if err != nil {
		return m, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return m, err
	}
	buf := make([]byte, pageHeaderSize+metaSumOffset+8)
	if _, err := f.ReadAt(buf, 0); err != nil {
		return m, err
	}
	m[0] = parseMeta(buf, info.Size())
	size := int64(m[0].pageSize)
	if !m[0].valid {
		size = int64(os.Getpagesize())
	}
	if _, err := f.ReadAt(buf, size); err == nil {
		m[1] = parseMeta(buf, info.Size())
	}
	return m, nil
}

func parseMeta(b []byte, fileSize int64) metaPage {
	meta := b[pageHeaderSize:]
	le := binary.LittleEndian
	h := fnv.New64a()
	_, _ = h.Write(meta[:metaSumOffset])
	return metaPage{
		valid:    le.Uint32(meta[0:]) == metaMagic && h.Sum64() == le.Uint64(meta[metaSumOffset:]),
		pageSize: le.Uint32(meta[8:]),
		pgid:     le.Uint64(meta[40:]),
		txid:     le.Uint64(meta[48:]),
		fileSize: fileSize,
	}
}
