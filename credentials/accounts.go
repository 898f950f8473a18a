package credentials

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/localstore"
)

// Keys is a pair typed for an account; its String never shows the SK.
type Keys struct{ AK, SK string }

// String shows a masked AK only.
func (k Keys) String() string { return Credential{AK: k.AK, SK: k.SK}.String() }

// AddAccount stores acc's keys in acc.Store, then adds acc to the account
// list. Nothing is written when acc is invalid, its name is taken (ignoring
// case), or the keys cannot be stored; keys stored for a list that then
// fails to save are removed again. For the env store keys is ignored and
// the SDK variables must hold a pair now.
func AddAccount(paths config.Paths, acc config.Account, keys Keys) error {
	if acc.Store == config.KeyStoreLegacy {
		return fmt.Errorf("credentials: add %q: choose a key store (keyring, file or env)", acc.Name)
	}
	if err := acc.Validate(); err != nil {
		return err
	}
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return err
	}
	if other, taken := nameTaken(list, acc.Name, ""); taken {
		return fmt.Errorf("credentials: an account named %q exists already", other)
	}
	if err := SaveKeys(paths, acc.Store, acc.Name, keys.AK, keys.SK); err != nil {
		return err
	}
	if err := config.SaveAccounts(paths.AccountsFile(), append(list, acc)); err != nil {
		undo(DeleteKeys(paths, acc.Store, acc.Name), "remove the keys of an account that was not added", acc.Name)
		return err
	}
	return nil
}

// EditAccount replaces the account named old by acc: a new name, site, URL,
// key store or keys (nil keys: keep the current ones). A rename carries the
// keys and the cache folder (relabelled, see localstore.Relabel); a store
// change moves the keys. Each step is undone when a later one fails, so the
// account stays usable under its old settings. The cache must not be open
// (the window stops the account's sync first).
func EditAccount(paths config.Paths, old string, acc config.Account, keys *Keys) error {
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return err
	}
	i := indexOf(list, old)
	if i < 0 {
		return fmt.Errorf("%w: %q", config.ErrAccountNotFound, old)
	}
	prev := list[i]
	if acc.Store == config.KeyStoreLegacy {
		acc.Store = prev.Store
	}
	if err := acc.Validate(); err != nil {
		return err
	}
	if other, taken := nameTaken(list, acc.Name, old); taken {
		return fmt.Errorf("credentials: an account named %q exists already", other)
	}
	moved := acc.Name != prev.Name || acc.Store != prev.Store
	restoreKeys, err := placeKeys(paths, prev, acc, keys, moved)
	if err != nil {
		return err
	}
	restoreCache, err := moveCache(paths, prev.Name, acc.Name)
	if err != nil {
		restoreKeys()
		return err
	}
	list[i] = acc
	if err := config.SaveAccounts(paths.AccountsFile(), list); err != nil {
		restoreCache()
		restoreKeys()
		return err
	}
	if moved {
		undo(DeleteKeys(paths, prev.Store, prev.Name), "remove the keys from their old place", prev.Name)
	}
	return nil
}

// placeKeys writes the keys where acc needs them and returns how to undo it.
func placeKeys(paths config.Paths, prev, acc config.Account, keys *Keys, moved bool) (func(), error) {
	nothing := func() {}
	if keys == nil && !moved {
		return nothing, nil
	}
	if keys == nil && prev.Store == config.KeyStoreLegacy && acc.Store == config.KeyStoreLegacy {
		return moveLegacyKeys(prev.Name, acc.Name)
	}
	var k Keys
	switch {
	case keys != nil:
		k = *keys
	case acc.Store != config.KeyStoreEnv:
		c, err := LoadKeys(paths, prev.Store, prev.Name)
		if err != nil {
			return nil, fmt.Errorf("credentials: read the keys of %q to move them: %w", prev.Name, err)
		}
		k = Keys{AK: c.AK, SK: c.SK}
	}
	if !moved { // same place, new keys: keep the old pair to put back
		if c, err := LoadKeys(paths, acc.Store, acc.Name); err == nil && acc.Store != config.KeyStoreEnv {
			nothing = func() { undo(SaveKeys(paths, acc.Store, acc.Name, c.AK, c.SK), "restore the old keys", acc.Name) }
		}
	}
	if err := SaveKeys(paths, acc.Store, acc.Name, k.AK, k.SK); err != nil {
		return nil, err
	}
	if !moved {
		return nothing, nil
	}
	return func() {
		undo(DeleteKeys(paths, acc.Store, acc.Name), "remove keys written for an edit that failed", acc.Name)
	}, nil
}

// moveLegacyKeys carries a renamed legacy account's keyring entry, if it
// has one; without a keyring its keys are the environment's, which serve
// any name, so there is nothing to move.
func moveLegacyKeys(from, to string) (func(), error) {
	c, err := fromKeyring(from)
	if errors.Is(err, ErrNoKeyring) || errors.Is(err, ErrNotFound) {
		return func() {}, nil
	}
	if err != nil {
		return nil, err
	}
	if err := Save(to, c.AK, c.SK); err != nil {
		return nil, err
	}
	return func() { undo(Delete(to), "remove keys written for an edit that failed", to) }, nil
}

// moveCache relabels and moves the cache folder of a renamed account; no
// folder means nothing to move. It returns how to move it back.
func moveCache(paths config.Paths, from, to string) (func(), error) {
	nothing := func() {}
	if from == to {
		return nothing, nil
	}
	src, err := paths.AccountDataDir(from)
	if err != nil {
		return nil, err
	}
	dst, err := paths.AccountDataDir(to)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
		return nothing, nil
	}
	if _, err := os.Stat(dst); err == nil {
		return nil, fmt.Errorf("credentials: rename %q to %q: the folder %s exists already (left by an account of that name); move it away first", from, to, dst)
	}
	cache := filepath.Join(src, config.CacheFileName)
	hasCache := fileExists(cache)
	if hasCache {
		if err := localstore.Relabel(cache, from, to); err != nil {
			return nil, err
		}
	}
	back := func() {
		if hasCache {
			undo(localstore.Relabel(cache, to, from), "relabel the cache back", from)
		}
	}
	if err := os.Rename(src, dst); err != nil {
		back()
		return nil, fmt.Errorf("credentials: move the cache of %q: %w", from, err)
	}
	return func() {
		undo(os.Rename(dst, src), "move the cache folder back", from)
		back()
	}, nil
}

// Removed says what RemoveAccount left behind.
type Removed struct {
	CacheDir  string // the account's cache folder
	CacheKept bool   // the folder exists: records and unsent actions stay on disk
}

// RemoveAccount deletes the account's keys from its store, then removes it
// from the account list. The cache folder is kept (it may hold actions not
// yet sent); adding an account of the same name later uses it again. When
// the keys cannot be removed (a locked file, no keyring) nothing changes.
func RemoveAccount(paths config.Paths, name string) (Removed, error) {
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return Removed{}, err
	}
	i := indexOf(list, name)
	if i < 0 {
		return Removed{}, fmt.Errorf("%w: %q", config.ErrAccountNotFound, name)
	}
	err = DeleteKeys(paths, list[i].Store, name)
	if list[i].Store == config.KeyStoreLegacy && errors.Is(err, ErrNoKeyring) {
		err = nil // no keyring here: its keys were the environment's
	}
	if err != nil {
		return Removed{}, fmt.Errorf("credentials: remove %q: its keys cannot be deleted, so it is kept: %w", name, err)
	}
	if err := config.SaveAccounts(paths.AccountsFile(), append(list[:i:i], list[i+1:]...)); err != nil {
		return Removed{}, err
	}
	dir, err := paths.AccountDataDir(name)
	if err != nil {
		return Removed{}, err
	}
	return Removed{CacheDir: dir, CacheKept: fileExists(dir)}, nil
}

func indexOf(list []config.Account, name string) int {
	for i, a := range list {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// nameTaken reports another account (not except) whose name equals name ignoring case.
func nameTaken(list []config.Account, name, except string) (string, bool) {
	for _, a := range list {
		if a.Name != except && strings.EqualFold(a.Name, name) {
			return a.Name, true
		}
	}
	return "", false
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// undo logs a failed clean-up step; the error never holds a secret.
func undo(err error, what, account string) {
	if err != nil {
		slog.Warn("credentials: could not "+what, "account", account, "err", err)
	}
}
