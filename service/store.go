package service

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/koogallery/merchant-console/localstore"
)

// openStore is the one place a cache is opened, for the window, the
// subcommands and the tests alike. reset empties it first (the caches of
// a new sandbox world: see sandbox_state.go), unless another console holds
// it.
//
// Repairing a damaged cache (localstore.ErrCorrupt) belongs here too, so
// that every caller gets it: when Open fails with ErrCorrupt, this is where
// the file is to be set aside and rebuilt.
func openStore(path, account string, opts localstore.Options, reset bool) (*localstore.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	if reset {
		if err := removeIfUnlocked(path, account, opts); err != nil {
			return nil, err
		}
	}
	return localstore.Open(path, account, opts)
}

// removeIfUnlocked deletes a cache unless another console holds it (then
// the error is ErrLocked, as Open reports it for any account).
func removeIfUnlocked(path, account string, opts localstore.Options) error {
	opts.Timeout = 200 * time.Millisecond
	s, err := localstore.Open(path, account, opts)
	switch {
	case errors.Is(err, localstore.ErrLocked):
		return err
	case err == nil:
		if err := s.Close(); err != nil {
			return err
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("reset the sandbox cache: %w", err)
	}
	return nil
}

// openExisting opens a cache that must already exist: reading a cache that
// was never synced means "sync first", not an empty report.
func openExisting(path, account string, opts localstore.Options) (*localstore.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no local cache for account %q at %s (sync the account first): %w", account, path, err)
	}
	s, err := openStore(path, account, opts, false)
	if err != nil {
		return nil, fmt.Errorf("open cache %s: %w", path, err)
	}
	return s, nil
}
