package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/service/export"
)

// CacheOptions name an account's cache to read without running the
// console: no sandbox, no network.
type CacheOptions struct {
	Paths config.Paths // zero: config.DefaultPaths()
	// Account is the account's name; "" picks the only configured one (or,
	// with none, the sandbox's main account, whose cache the window wrote).
	Account string
	// File replaces the account's cache file; it needs Account.
	File  string
	Store localstore.Options
}

// Cache is one account's existing cache, opened for exports.
type Cache struct {
	store *localstore.Store
	paths config.Paths
}

// OpenCache opens an account's existing cache; a missing one is an error
// that says to sync first.
func OpenCache(o CacheOptions) (*Cache, error) {
	paths, err := resolvePaths(o.Paths)
	if err != nil {
		return nil, err
	}
	name, path, err := cacheFile(o)
	if err != nil {
		return nil, err
	}
	s, err := openExisting(path, name, o.Store)
	if err != nil {
		return nil, err
	}
	return &Cache{store: s, paths: paths}, nil
}

// cacheFile is the account and file CacheOptions name.
func cacheFile(o CacheOptions) (name, path string, err error) {
	if o.File != "" && o.Account == "" {
		return "", "", errors.New("a cache file needs its account (the cache checks it belongs to that account)")
	}
	paths, err := resolvePaths(o.Paths)
	if err != nil {
		return "", "", err
	}
	name, path = o.Account, o.File
	if path != "" {
		return name, path, nil
	}
	if name, err = pickAccount(paths, name); err != nil {
		return "", "", err
	}
	dir, err := paths.AccountDataDir(name)
	if err != nil {
		return "", "", err
	}
	return name, filepath.Join(dir, config.CacheFileName), nil
}

// pickAccount checks name against the configured accounts, or picks the
// only one.
func pickAccount(paths config.Paths, name string) (string, error) {
	accounts, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return "", err
	}
	if name != "" {
		acc, err := config.FindAccount(accounts, name)
		switch {
		case err == nil:
			return acc.Name, nil
		case config.IsSandboxAccount(name):
			return name, nil // a sandbox cache the window wrote
		}
		return "", err
	}
	switch len(accounts) {
	case 0: // with no account the window runs on the sandbox: read what it shows
		return config.SandboxAccountName(sandbox.AccountMain), nil
	case 1:
		return accounts[0].Name, nil
	}
	return "", fmt.Errorf("%d accounts are configured: choose one", len(accounts))
}

// Account is the cache's account name.
func (c *Cache) Account() string { return c.store.Account() }

// Export writes a report from the cache; the time is the wall clock's.
func (c *Cache) Export(ctx context.Context, req ExportRequest) (reports.Result, error) {
	return export.Write(ctx, c.store, c.store.Account(), export.Dir(c.paths), time.Now(), req)
}

// Close closes the cache.
func (c *Cache) Close() error { return c.store.Close() }
