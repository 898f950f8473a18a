package localstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
)

// SchemaVersion is the layout this code writes; older files are migrated on Open.
const SchemaVersion = 3

// Options tune Open. The zero value is ready to use.
type Options struct {
	// Timeout is how long Open waits for another process to release the
	// file before it gives up with ErrLocked. Default 1s.
	Timeout time.Duration
	// AutoCompactFreeBytes: on Open, the file is compacted when its free
	// pages add up to more than this and to more than half of the file.
	// Default 32 MiB; negative disables automatic compaction.
	AutoCompactFreeBytes int64
	// NoSync skips fsync on commit. Only for throwaway caches in tests:
	// with it a power cut may lose committed pages.
	NoSync bool
	// NoRowCache makes filter and search queries scan the row bucket (one
	// key per record) instead of the search segments. Same answers; slower.
	// Tests use it to check one against the other.
	NoRowCache bool
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.AutoCompactFreeBytes == 0 {
		o.AutoCompactFreeBytes = 32 << 20
	}
	return o
}

// Store is one account's cache file. Its methods are safe for concurrent use.
type Store struct {
	mu      sync.RWMutex // write-locked only while Compact swaps the file
	db      *bolt.DB
	path    string
	account string
	opts    Options
	synced  atomic.Bool // the state sidecar already says a cursor was stored (consistency.go)
	warm    sync.Map    // domain.Resource → *warmState (query.go)
}

// Open opens (creating if needed) the cache file at path for account.
// It fails with ErrLocked when another process has the file open, ErrCorrupt
// when the file is damaged or not a cache, ErrForeignAccount when it belongs
// to another account and ErrNewerSchema when a newer console wrote it.
func Open(path, account string, opts Options) (*Store, error) {
	if account == "" {
		return nil, errors.New("localstore: open: empty account")
	}
	opts = opts.withDefaults()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("localstore: create cache directory: %w", err)
	}
	if cause := cachefile.BeforeOpen(path); cause != nil {
		return nil, corruptErr(path, cause)
	}
	db, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	if err := checkAfterOpen(db, path); err != nil {
		_ = db.Close()
		return nil, err
	}
	st, _ := cachefile.ReadState(path)
	s := &Store{db: db, path: path, account: account, opts: opts}
	s.synced.Store(st.Synced)
	if err := s.init(); err != nil {
		_ = db.Close()
		return nil, err
	}
	if err := s.maybeAutoCompact(); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// openBolt opens the bbolt file, 0600, turning bbolt's errors and panics
// into the package's errors.
func openBolt(path string, opts Options) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	// If bbolt panics half-way through Open (a damaged freelist, say) it
	// never closes its file; keeping our own handle lets us release the
	// file and its lock, so Recover can read it next.
	var file *os.File
	defer func() {
		if p := recover(); p != nil {
			if file != nil {
				cachefile.ReleaseFile(file)
			}
			db, err = nil, corruptErr(path, fmt.Errorf("a page of the file is damaged (bbolt panicked opening it: %v)", p))
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{
		Timeout:         opts.Timeout,
		FreelistType:    bolt.FreelistMapType,
		NoSync:          opts.NoSync,
		InitialMmapSize: cachefile.InitialMmapSize(),
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	switch {
	case err == nil:
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("the cache %s is open in another copy of Merchant Console; "+
			"close that copy (or wait for it to exit) and try again: %w", path, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid):
		return nil, corruptErr(path, fmt.Errorf("it is not a database file at all (%w)", err))
	case errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, corruptErr(path, err)
	default:
		return nil, fmt.Errorf("localstore: open %s: %w", path, err)
	}
	// bbolt only applies the mode when it creates the file; an older or
	// copied file may be wider.
	if err := os.Chmod(path, 0o600); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("localstore: restrict %s to its owner: %w", path, err)
	}
	return db, nil
}

func corruptErr(path string, cause error) error {
	return &corruptError{path: path, cause: cause}
}

// corruptError is ErrCorrupt with the file and the cause, in plain words.
type corruptError struct {
	path  string
	cause error
}

// Error implements error.
func (e *corruptError) Error() string {
	return fmt.Sprintf("the cache %s is damaged or is not a Merchant Console cache (%v); "+
		"repairing it moves it aside and keeps queued actions: %v", e.path, e.cause, ErrCorrupt)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *corruptError) Is(target error) bool { return target == ErrCorrupt }

// init checks the meta bucket (account, schema), creating or migrating the layout.
func (s *Store) init() (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = corruptErr(s.path, fmt.Errorf("reading the file panicked: %v", p))
		}
	}()
	return s.db.Update(func(tx *bolt.Tx) error {
		cachefile.PaceGrowth(tx)
		schema, err := s.checkMeta(tx)
		if err != nil {
			return err
		}
		if schema < SchemaVersion {
			if err := migrate(tx, schema, s.account); err != nil {
				return fmt.Errorf("localstore: migrate %s from schema %d: %w", s.path, schema, err)
			}
		}
		return ensureLayout(tx, s.account)
	})
}

// checkMeta returns the file's schema: 0 for a brand-new empty file.
func (s *Store) checkMeta(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bktMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty {
			return 0, corruptErr(s.path, errors.New("no meta bucket"))
		}
		return 0, nil
	}
	acct := meta.Get(keyAccount)
	if string(acct) != s.account {
		return 0, fmt.Errorf("the cache %s belongs to account %q, not %q: %w", s.path, acct, s.account, ErrForeignAccount)
	}
	v := meta.Get(keySchema)
	if len(v) != 8 {
		return 0, corruptErr(s.path, errors.New("no schema version"))
	}
	schema := int(binary.BigEndian.Uint64(v))
	if schema > SchemaVersion {
		return 0, fmt.Errorf("the cache %s has schema %d but this console knows %d; update the console: %w",
			s.path, schema, SchemaVersion, ErrNewerSchema)
	}
	return schema, nil
}

// ensureLayout creates every bucket of the current schema and stamps the meta.
func ensureLayout(tx *bolt.Tx, account string) error {
	meta, err := tx.CreateBucketIfNotExists(bktMeta)
	if err != nil {
		return err
	}
	if err := meta.Put(keyAccount, []byte(account)); err != nil {
		return err
	}
	if err := meta.Put(keySchema, binary.BigEndian.AppendUint64(nil, SchemaVersion)); err != nil {
		return err
	}
	for _, name := range [][]byte{bktSettings, bktCursors, bktSetAside} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := ensureSubs(tx, bktOutbox, outboxSubs); err != nil {
		return err
	}
	if err := ensureSubs(tx, bktNotices, noticeSubs); err != nil {
		return err
	}
	for _, res := range domain.AllResources {
		if err := ensureSubs(tx, resBucketName(string(res)), resourceSubs); err != nil {
			return err
		}
	}
	return nil
}

func ensureSubs(tx *bolt.Tx, name []byte, subs [][]byte) error {
	b, err := tx.CreateBucketIfNotExists(name)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", name, err)
	}
	for _, sub := range subs {
		if _, err := b.CreateBucketIfNotExists(sub); err != nil {
			return fmt.Errorf("create bucket %s/%s: %w", name, sub, err)
		}
	}
	return nil
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	s.noteState(s.db, false)
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("localstore: close %s: %w", s.path, err)
	}
	return nil
}

// Account is the account the cache belongs to.
func (s *Store) Account() string { return s.account }

// Path is the cache file's path.
func (s *Store) Path() string { return s.path }

// view runs fn in a read transaction; see guarded.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return s.guarded("read", func(db *bolt.DB) error { return db.View(fn) })
}

// update runs fn in a write transaction; see guarded.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	return s.guarded("write", func(db *bolt.DB) error {
		return db.Update(func(tx *bolt.Tx) error {
			cachefile.PaceGrowth(tx)
			return fn(tx)
		})
	})
}

// guarded runs a transaction on the open file, turning a bbolt panic on a
// damaged page into ErrCorrupt rather than crashing the console. A damaged
// page can also send bbolt outside its mmap; SetPanicOnFault turns that
// fault into a panic recover can catch.
func (s *Store) guarded(what string, run func(*bolt.DB) error) (err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return ErrClosed
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = corruptErr(s.path, fmt.Errorf("a page of the file is damaged (bbolt panicked in a %s: %v)", what, p))
		}
	}()
	return run(s.db)
}

// SetMeta stores a small setting, such as the last sync time.
func (s *Store) SetMeta(key, value string) error {
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bktSettings).Put([]byte(key), []byte(value))
	})
}

// Meta returns a setting stored by SetMeta, or "" when it was never set.
func (s *Store) Meta(key string) (string, error) {
	var v string
	err := s.view(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bktSettings).Get([]byte(key)))
		return nil
	})
	return v, err
}

// Cursor returns the sync cursor stored with res's last applied page, or ""
// when the resource was never synced.
func (s *Store) Cursor(res domain.Resource) (string, error) {
	var v string
	err := s.view(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bktCursors).Get([]byte(res)))
		return nil
	})
	return v, err
}

// Errors Open and Recover return; test them with errors.Is. The returned
// error wraps them with a sentence a user can act on.
var (
	// ErrLocked means another process (another copy of the console) holds the file.
	ErrLocked = errors.New("cache locked by another process")
	// ErrCorrupt means the file is damaged, not a bbolt file, or not a
	// Merchant Console cache. Recover moves it aside and keeps the outbox.
	ErrCorrupt = errors.New("cache file is corrupt or not a Merchant Console cache")
	// ErrForeignAccount means the file belongs to another account.
	ErrForeignAccount = errors.New("cache file belongs to another account")
	// ErrNewerSchema means the file was written by a newer version of the console.
	ErrNewerSchema = errors.New("cache file was written by a newer Merchant Console")
	// ErrClosed means the Store was closed.
	ErrClosed = errors.New("cache is closed")
	// ErrUnknownAction means UpdateAction was given a key the outbox does not hold.
	ErrUnknownAction = errors.New("no such action in the outbox")
)
