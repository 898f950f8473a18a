package service

import (
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync/atomic"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/syncer"
)

// Account is an open account as the window lists it.
type Account struct {
	Name    string          // the local account name; also the cache's account
	Label   string          // what the switcher shows, e.g. "华为云商店旗舰店"
	Site    string          // "cn", "intl", "eu" or "custom"
	Sandbox bool            // an account of the built-in sandbox
	URL     string          // the API endpoint its requests go to
	Store   config.KeyStore // where its keys are kept
	// CacheDir is the folder of its cache, which stays when it is removed.
	CacheDir string
	// Locked: its keys are in the credentials file, not unlocked yet
	// (Unlock opens it and starts its sync).
	Locked bool
}

// accountSpec is what an account is built from.
type accountSpec struct {
	info    Account
	cfg     config.Account
	remote  string // the marketplace's account ID when known (the sandbox's)
	keys    apig.Signer
	keysErr error  // why there are no usable keys
	cache   string // the cache file
	reset   bool   // a sandbox cache of a new world: emptied first
}

// account is one open account. Every field but the atomics is set before
// the account is published and never written after, so any goroutine may
// read them without a lock.
type account struct {
	info     Account
	spec     accountSpec              // what it was built from: a repair builds it again
	store    *localstore.Store        // nil when the cache could not be opened (broken)
	client   *syncer.Client           // nil without usable keys
	engine   *syncer.Engine           // nil without usable keys
	unsynced error                    // why there is no engine
	broken   error                    // why the cache could not be opened, nil when it is open
	repaired *localstore.RepairReport // what the repair on open found and saved; nil when none ran

	state    atomic.Pointer[syncer.State]
	progress atomic.Pointer[syncer.Progress]
	lastErr  atomic.Pointer[error]
}

func (a *account) close() error {
	if a.client != nil {
		a.client.Close()
	}
	if a.store == nil {
		return nil
	}
	if err := a.store.Close(); err != nil {
		slog.Error("close cache", "account", a.info.Name, "err", err)
		return err
	}
	return nil
}

// accountSpecs are the configured accounts (with their keys), or the
// sandbox's when none is configured or Options.Sandbox asks for it.
func (s *Service) accountSpecs() ([]accountSpec, error) {
	var specs []accountSpec
	if !s.opts.Sandbox {
		list, err := s.configured()
		if err != nil {
			return nil, err
		}
		for _, c := range list {
			sp, err := s.configuredSpec(c)
			if err != nil {
				return nil, err
			}
			specs = append(specs, sp)
		}
	}
	if len(specs) == 0 {
		var err error
		if specs, err = s.startSandbox(); err != nil {
			return nil, err
		}
	}
	if s.opts.CacheFile != "" {
		if len(specs) != 1 {
			return nil, errors.New("a cache file needs exactly one account: choose one")
		}
		specs[0].cache, specs[0].reset = s.opts.CacheFile, false
	}
	return specs, nil
}

// configured reads the account list, keeping Options.Only.
func (s *Service) configured() ([]config.Account, error) {
	list, err := config.LoadAccounts(s.paths.AccountsFile())
	if err != nil || s.opts.Only == "" {
		return list, err
	}
	acc, err := config.FindAccount(list, s.opts.Only)
	if err != nil {
		return nil, fmt.Errorf("%w (configured in %s)", err, s.paths.AccountsFile())
	}
	return []config.Account{acc}, nil
}

func (s *Service) configuredSpec(c config.Account) (accountSpec, error) {
	cache, err := s.cachePath(c.Name)
	if err != nil {
		return accountSpec{}, err
	}
	sp := accountSpec{cfg: c, cache: cache,
		info: Account{Name: c.Name, Label: c.Name, Site: string(c.Site)}}
	cred, err := credentials.LoadKeys(s.paths, c.Store, c.Name)
	if err != nil {
		sp.keysErr = err // build says so: the account is listed but not synced
	}
	sp.keys = apig.Signer{AK: cred.AK, SK: cred.SK}
	return sp, nil
}

// cachePath is an account's cache file in the data directory.
func (s *Service) cachePath(name string) (string, error) {
	dir, err := s.paths.AccountDataDir(name)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, config.CacheFileName), nil
}

// build opens the account's cache (repairing a damaged one) and, when it
// has keys, its client and engine. Only a cache another console holds is
// an error: an account whose cache cannot be opened even after repair, or
// without keys, or with a bad address is listed with its problem, so it
// never stops the other accounts or the window.
func (s *Service) build(sp accountSpec) (*account, error) {
	store, rep, err := openStore(sp.cache, sp.info.Name, s.opts.Store, sp.reset)
	if errors.Is(err, localstore.ErrLocked) {
		return nil, fmt.Errorf("open the cache of %s: %w", sp.info.Name, err)
	}
	a := &account{info: sp.info, spec: sp, store: store, repaired: rep}
	a.info.URL, a.info.Store, a.info.CacheDir = sp.cfg.Endpoint(), sp.cfg.Store, filepath.Dir(sp.cache)
	if err != nil {
		a.broken = fmt.Errorf("open the cache of %s: %w", sp.info.Name, err)
		a.unsynced = a.broken
		a.lastErr.Store(&a.broken)
		slog.Error("account is listed but its cache cannot be opened", "account", sp.info.Name, "err", err)
		return a, nil
	}
	if err := s.connect(a, sp); err != nil {
		slog.Warn("account is listed but not synced", "account", sp.info.Name, "err", err)
		a.unsynced = err
		a.lastErr.Store(&err)
		a.info.Locked = errors.Is(err, credentials.ErrLocked)
	}
	if s.notes != nil {
		s.notes.AddAccount(store, sp.info.Label)
	}
	return a, nil
}

// connect builds the account's client and engine. Requests are signed
// with the wall clock (the marketplace checks signatures against real
// time); the engine reads the marketplace's clock.
func (s *Service) connect(a *account, sp accountSpec) error {
	if sp.keysErr != nil {
		return sp.keysErr
	}
	if sp.keys.AK == "" || sp.keys.SK == "" {
		return credentials.ErrNotFound
	}
	copts := syncer.OptionsFor(sp.cfg, sp.keys.AK, sp.keys.SK)
	s.opts.Client.apply(&copts)
	client, err := syncer.NewClient(copts)
	if err != nil {
		return fmt.Errorf("sync client: %w", err)
	}
	name := a.info.Name
	eng, err := syncer.NewEngine(syncer.EngineOptions{
		Client: client, Store: a.store, RemoteAccount: sp.remote, Now: s.Now,
		OnChanges: func(ch []domain.Change) { s.changed(name, ch) },
		OnProgress: func(p syncer.Progress) {
			a.progress.Store(&p)
			if s.opts.OnProgress != nil {
				s.opts.OnProgress(name, p)
			}
		},
	})
	if err != nil {
		client.Close()
		return fmt.Errorf("sync engine: %w", err)
	}
	a.client, a.engine = client, eng
	return nil
}

// Served is the resources account's server publishes, as its last whoami
// said; nil when it publishes everything or is not known yet (a gateway
// publishes orders and alerts only).
func (s *Service) Served(account string) []domain.Resource {
	st := s.Store(account)
	if st == nil {
		return nil
	}
	rs, err := syncer.ServedResources(st)
	if err != nil {
		slog.Warn("served resources", "account", account, "err", err)
		return nil
	}
	return rs
}

// SellerCenterURL is the seller center of account's site, where the
// marketplace's own 生产接口消息 page is; "" for an unknown account.
func (s *Service) SellerCenterURL(account string) string {
	a := s.account(account)
	if a == nil {
		return ""
	}
	site, err := config.ParseSite(a.info.Site)
	if err != nil {
		site = config.SiteCustom
	}
	return site.SellerCenterURL()
}
