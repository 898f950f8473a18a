package service

import (
	"errors"
	"fmt"
	"os"

	"github.com/koogallery/merchant-console/localstore"
)

// RepairCache checks an account's cache file (named as for OpenCache)
// without running the console and repairs it when it is damaged, or when
// force asks even though it reads back whole. repaired is false when the
// file was sound and left alone. A cache another copy of the console holds
// is refused (localstore.ErrLocked), as is a file of another account or of
// a newer version: such files are never moved.
func RepairCache(o CacheOptions, force bool) (rep localstore.RepairReport, repaired bool, err error) {
	name, path, err := cacheFile(o)
	if err != nil {
		return rep, false, err
	}
	if _, err := os.Stat(path); err != nil {
		return rep, false, fmt.Errorf("no local cache for account %q at %s: nothing to repair: %w", name, path, err)
	}
	damage := checkCache(path, name, o.Store)
	switch {
	case errors.Is(damage, localstore.ErrLocked):
		return rep, false, fmt.Errorf("%w: close the window or the running sync first, then repair again", damage)
	case damage == nil && !force:
		return rep, false, nil
	case damage != nil && !errors.Is(damage, localstore.ErrCorrupt):
		return rep, false, damage // another account's file, a newer version's: left where it is
	}
	rep, err = localstore.Repair(path, name)
	return rep, err == nil, err
}

// checkCache opens a cache and reads it whole: nil when it is sound.
func checkCache(path, name string, opts localstore.Options) error {
	s, err := localstore.Open(path, name, opts)
	if err != nil {
		return err
	}
	err = s.Verify()
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}
