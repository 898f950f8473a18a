package localstore

import (
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/localstore/cachefile"
)

// Stats describes the cache file's size and reusable space.
type Stats struct {
	FileSize  int64 // bytes on disk
	PageSize  int
	FreePages int   // pages bbolt can reuse; Compact returns them to the disk
	FreeBytes int64 // FreePages × PageSize
}

// Stats reports the file size and its free pages.
func (s *Store) Stats() (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return Stats{}, ErrClosed
	}
	return statsOf(s.db, s.path)
}

func statsOf(db *bolt.DB, path string) (Stats, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Stats{}, fmt.Errorf("localstore: stats: %w", err)
	}
	st := db.Stats()
	return Stats{FileSize: fi.Size(), PageSize: db.Info().PageSize, FreePages: st.FreePageN,
		FreeBytes: int64(st.FreePageN) * int64(db.Info().PageSize)}, nil
}

// compactTxSize bounds each copy transaction's memory.
const compactTxSize = 32 << 20

// Compact rewrites the file without its free pages: it copies the data into
// a temporary file beside it, then swaps that in with a rename, so a crash
// at any point leaves either the old file or the new one, never half of
// each. The Store stays usable; other calls wait while it runs.
func (s *Store) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return ErrClosed
	}
	return s.compactLocked()
}

func (s *Store) compactLocked() error {
	tmp := s.path + ".compact"
	_ = os.Remove(tmp) // a leftover of a crash during an earlier compaction
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return fmt.Errorf("localstore: compact: create %s: %w", tmp, err)
	}
	if err := bolt.Compact(dst, s.db, compactTxSize); err != nil {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return fmt.Errorf("localstore: compact %s: %w", s.path, err)
	}
	// One fsync for the whole copy instead of one per copy transaction.
	if err := dst.Sync(); err != nil {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return fmt.Errorf("localstore: compact: sync: %w", err)
	}
	if err := dst.Close(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("localstore: compact: close copy: %w", err)
	}
	// Windows cannot rename over an open file: close the original first.
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("localstore: compact: close: %w", err)
	}
	s.db = nil
	// The copy's transaction IDs start afresh: the sidecar must not make a
	// crash right after the swap look like a rolled-back file.
	if st, ok := cachefile.ReadState(s.path); ok {
		st.TxID = 0
		_ = cachefile.WriteState(s.path, st)
	}
	renameErr := os.Rename(tmp, s.path)
	if renameErr == nil {
		syncDir(filepath.Dir(s.path))
	}
	db, err := openBolt(s.path, s.opts)
	if err != nil {
		return fmt.Errorf("localstore: compact: reopen: %w", err)
	}
	s.db = db
	s.noteState(db, false) // a compacted file starts its transaction IDs afresh
	if renameErr != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("localstore: compact: swap in the copy: %w", renameErr)
	}
	return nil
}

// syncDir makes a rename durable; best effort (not supported everywhere).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// maybeAutoCompact compacts on Open when free pages pass the threshold.
func (s *Store) maybeAutoCompact() error {
	if s.opts.AutoCompactFreeBytes < 0 {
		return nil
	}
	st, err := statsOf(s.db, s.path)
	if err != nil {
		return err
	}
	if st.FreeBytes < s.opts.AutoCompactFreeBytes || st.FreeBytes*2 < st.FileSize {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.compactLocked()
}
