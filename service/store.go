package service

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/localstore"
)

// openStore is the one place a cache is opened, for the window, the
// subcommands and the tests alike. reset empties it first (the caches of
// a new sandbox world: see sandbox_state.go), unless another console holds
// it.
//
// A damaged cache (localstore.ErrCorrupt) is repaired here, so that every
// caller gets it: the file is moved aside and a fresh cache holding its
// queued actions, notification log and settings takes its place. The
// report says so (nil when nothing was wrong); the caller tells the person.
func openStore(path, account string, opts localstore.Options, reset bool) (*localstore.Store, *localstore.RepairReport, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	if reset {
		if err := removeIfUnlocked(path, account, opts); err != nil {
			return nil, nil, err
		}
	}
	s, rep, err := localstore.OpenRepairing(path, account, opts)
	if rep != nil {
		slog.Warn("the cache was damaged and repaired", "account", account, "report", rep.Lines(), "err", err)
	}
	return s, rep, err
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
// was never synced, or was just repaired, means "sync first", not an empty
// report.
func openExisting(path, account string, opts localstore.Options) (*localstore.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no local cache for account %q at %s (sync the account first): %w", account, path, err)
	}
	s, rep, err := openStore(path, account, opts, false)
	if err != nil {
		return nil, fmt.Errorf("open cache %s: %w", path, err)
	}
	if rep != nil { // the fresh cache holds no records yet: reading it now would mislead
		_ = s.Close()
		return nil, fmt.Errorf("%s Sync the account, then try again", strings.Join(rep.Lines(), " "))
	}
	return s, nil
}
