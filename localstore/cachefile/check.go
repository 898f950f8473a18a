// Package cachefile is the cache file below bbolt, knowing nothing of
// the cache's buckets: how the file is mapped and grown (mmap.go), how a
// long scan's mapped pages are released and populated (pages.go,
// release_*.go), how a lock is dropped after bbolt panicked in Open
// (unlock_*.go), and whether the file is whole before bbolt opens it
// (this file: localstore's Open wraps what it finds as
// localstore.ErrCorrupt and checks the rest after opening).
//
// Damage a crash cannot cause but a disk, a copy or a person can: bbolt
// itself notices a file that is not a bbolt file, but it takes an empty
// file for a new cache, silently falls back to the older of its two meta
// pages when the newer is damaged, and reads a truncated file until it
// touches a missing page. The cache therefore keeps a small state file
// next to itself (<cache>.state, 0600, no customer data): the account, and
// the transaction ID when the cache last closed or first stored a cursor.
// With it, Open can tell "never synced" from "emptied", and a rolled-back
// file from a current one.
package cachefile

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"time"
)

// State is the sidecar: what the cache knew about itself.
type State struct {
	Account string    `json:"account"`
	Synced  bool      `json:"synced"` // a cursor has been stored at least once
	TxID    int       `json:"txid"`   // the file's transaction ID at the time (never more than it is)
	At      time.Time `json:"at"`
}

// StatePath is the sidecar of the cache file at path.
func StatePath(path string) string { return path + ".state" }

// ReadState returns the sidecar, or ok false when there is none (or it is
// unreadable, which binds nothing: a missing sidecar never fails an Open).
func ReadState(path string) (State, bool) {
	var st State
	data, err := os.ReadFile(StatePath(path))
	if err != nil || json.Unmarshal(data, &st) != nil {
		return State{}, false
	}
	return st, true
}

// WriteState replaces the sidecar atomically. It is not fsynced: a sidecar
// lost or garbled by a power cut reads as none, which only skips checks,
// and Close stays as fast as it was.
func WriteState(path string, st State) error {
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
	return os.Rename(tmp.Name(), StatePath(path))
}

// minCacheBytes is the smallest bbolt file: two meta pages, a freelist and
// the root page.
func minCacheBytes() int64 { return 4 * int64(os.Getpagesize()) }

// BeforeOpen returns, in plain words, the damage bbolt would accept or
// crash on, or nil: a file shorter than its own meta page says
// (truncated), and an account that synced before whose file is now empty
// or too small to be a cache.
func BeforeOpen(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return nil // missing: a new cache (or bbolt reports the error)
	}
	if m, err := ReadMetas(path); err == nil {
		if cur, ok := m.Current(); ok {
			if need := int64(cur.PGID) * int64(cur.PageSize); cur.FileSize < need {
				return fmt.Errorf("it is truncated: %d bytes where its own index needs %d", cur.FileSize, need)
			}
		}
	}
	st, known := ReadState(path)
	if !known || !st.Synced {
		return nil
	}
	if info.Size() == 0 {
		return errors.New("the file is empty although this account has synced before")
	}
	if info.Size() < minCacheBytes() {
		return fmt.Errorf("the file is only %d bytes although this account has synced before", info.Size())
	}
	return nil
}

// MetaPage is one of bbolt's two meta pages as read from the raw file.
type MetaPage struct {
	Valid    bool
	PageSize uint32
	PGID     uint64 // high-water page: the file must reach pgid*pageSize bytes
	TxID     uint64
	FileSize int64
}

// MetaPages are the file's two meta pages, in file order.
type MetaPages [2]MetaPage

// Current is the valid meta page with the higher transaction ID, as bbolt picks.
func (m MetaPages) Current() (MetaPage, bool) {
	switch {
	case m[0].Valid && m[1].Valid:
		if m[1].TxID > m[0].TxID {
			return m[1], true
		}
		return m[0], true
	case m[0].Valid:
		return m[0], true
	case m[1].Valid:
		return m[1], true
	}
	return MetaPage{}, false
}

// bbolt's on-disk meta page: a 16-byte page header, then magic, version,
// pageSize, flags (uint32 each), root bucket (root pgid, sequence), freelist
// pgid, high-water pgid, txid and an FNV-64a checksum of the fields before
// it, all in the machine's byte order (little-endian on every platform the
// console ships for).
const (
	PageHeaderSize = 16 // bytes before a meta page's fields
	metaMagic      = 0xED0CDAED
	metaSumOffset  = 56 // bytes of meta before the checksum
)

// ReadMetas parses both meta pages of the file at path.
func ReadMetas(path string) (MetaPages, error) {
	var m MetaPages
	f, err := os.Open(path)
	if err != nil {
		return m, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return m, err
	}
	buf := make([]byte, PageHeaderSize+metaSumOffset+8)
	if _, err := f.ReadAt(buf, 0); err != nil {
		return m, err
	}
	m[0] = parseMeta(buf, info.Size())
	size := int64(m[0].PageSize)
	if !m[0].Valid {
		size = int64(os.Getpagesize())
	}
	if _, err := f.ReadAt(buf, size); err == nil {
		m[1] = parseMeta(buf, info.Size())
	}
	return m, nil
}

func parseMeta(b []byte, fileSize int64) MetaPage {
	meta := b[PageHeaderSize:]
	le := binary.LittleEndian
	h := fnv.New64a()
	_, _ = h.Write(meta[:metaSumOffset])
	return MetaPage{
		Valid:    le.Uint32(meta[0:]) == metaMagic && h.Sum64() == le.Uint64(meta[metaSumOffset:]),
		PageSize: le.Uint32(meta[8:]),
		PGID:     le.Uint64(meta[40:]),
		TxID:     le.Uint64(meta[48:]),
		FileSize: fileSize,
	}
}
