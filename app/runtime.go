package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
)

// cacheFile is each account's bbolt file inside its data directory.

// account is one open account: its cache, its sync client and scheduler,
// and the last state the scheduler reported.
type account struct {
	info     uibackend.AccountInfo
	cfg      config.Account
	remote   string // the sandbox's own account ID; "" for real accounts
	signer   apig.Signer
	store    *localstore.Store
	client   *syncer.Client
	engine   *syncer.Engine
	state    atomic.Pointer[syncer.State]
	progress atomic.Pointer[syncer.Progress]
	lastErr  atomic.Pointer[error]
}

// runtime is everything behind the window: accounts, caches, sandbox,
// sync and notifications. Its methods are safe from any goroutine.
type runtime struct {
	ctx      context.Context
	cancel   context.CancelFunc
	paths    config.Paths
	prefs    uiprefs.Prefs
	opts     Options
	mu       sync.Mutex
	accounts []*account
	sandbox  *sandbox.Server
	manager  *syncer.Manager
	notes    *notify.Engine
	notifier *notify.Notifier
	paused   atomic.Bool
	keyring  atomic.Pointer[error]
	onData   atomic.Pointer[func(account string)]
	onNotice atomic.Pointer[func(notify.Notification)]
	// notifyProblem is set once beeep failed: system notifications are
	// unavailable and the window says so.
	notifyProblem atomic.Pointer[error]
	closed        sync.Once
	background    sync.WaitGroup // goroutines that read the caches: close waits for them
}

func newRuntime(paths config.Paths, prefs uiprefs.Prefs, opts Options) *runtime {
	ctx, cancel := context.WithCancel(context.Background())
	rt := &runtime{ctx: ctx, cancel: cancel, paths: paths, prefs: prefs, opts: opts}
	rt.paused.Store(prefs.NotificationsPaused())
	rt.manager = syncer.NewManager(ctx)
	return rt
}

// now is the marketplace's clock: the sandbox's when it runs (it may be
// fast), else the wall clock.
func (rt *runtime) now() time.Time {
	if rt.sandbox != nil {
		return rt.sandbox.Clock().Now()
	}
	return time.Now()
}

func (rt *runtime) account(id string) *account {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, a := range rt.accounts {
		if a.info.ID == id {
			return a
		}
	}
	return nil
}

func (rt *runtime) snapshot() []*account {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]*account(nil), rt.accounts...)
}

// loadAccounts reads the configured accounts; with none, it starts the
// in-process sandbox and uses its accounts, so a first run shows something.
func (rt *runtime) loadAccounts() error {
	list, err := config.LoadAccounts(rt.paths.AccountsFile())
	if err != nil {
		return err
	}
	for _, c := range list {
		cred, err := credentials.Lookup(c.Name)
		if err != nil {
			slog.Warn("account has no usable keys; it is listed but not synced", "account", c.Name, "err", err)
		}
		rt.accounts = append(rt.accounts, &account{cfg: c, signer: apig.Signer{AK: cred.AK, SK: cred.SK},
			info: uibackend.AccountInfo{ID: c.Name, Label: c.Name, Site: string(c.Site)}})
	}
	if len(rt.accounts) > 0 {
		return nil
	}
	return rt.startSandbox()
}

func (rt *runtime) startSandbox() error {
	opts := sandbox.Options{Seed: 1}
	if rt.opts.Sandbox != nil {
		opts = *rt.opts.Sandbox
	}
	srv, err := sandbox.Start(rt.ctx, opts)
	if err != nil {
		return fmt.Errorf("start the sandbox: %w", err)
	}
	rt.sandbox = srv
	slog.Info("no account configured: running on the built-in sandbox", "url", srv.URL())
	for _, c := range srv.Accounts() {
		id := config.SandboxAccountName(c.ID)
		rt.accounts = append(rt.accounts, &account{remote: c.ID, signer: apig.Signer{AK: c.AK, SK: c.SK},
			cfg:  config.Account{Name: id, Site: config.SiteCustom, BaseURL: srv.URL(), SubAccount: c.SubAccount},
			info: uibackend.AccountInfo{ID: id, Label: c.Name, Site: sandboxSite(c.Site), Sandbox: true}})
	}
	return nil
}

// sandboxSite names the site a sandbox account plays, as config names sites.
func sandboxSite(host string) string {
	switch host {
	case sandbox.SiteChina:
		return string(config.SiteChina)
	case sandbox.SiteIntl:
		return string(config.SiteIntl)
	}
	return string(config.SiteEurope)
}

// openStores opens every account's cache. The sandbox's caches start empty
// each run because the sandbox invents a new marketplace each time. The
// first ErrLocked means another copy of the console runs: it is returned
// so the app can say so and stop.
func (rt *runtime) openStores() error {
	for _, a := range rt.accounts {
		dir, err := rt.paths.AccountDataDir(a.info.ID)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
		path := filepath.Join(dir, config.CacheFileName)
		if a.info.Sandbox {
			if err := removeIfUnlocked(path, a.info.ID); err != nil {
				return err
			}
		}
		s, err := localstore.Open(path, a.info.ID, localstore.Options{})
		if err != nil {
			return fmt.Errorf("open the cache of %s: %w", a.info.ID, err)
		}
		a.store = s
	}
	return nil
}

// removeIfUnlocked deletes a sandbox cache unless another console holds it
// (then Open reports ErrLocked as for any account).
func removeIfUnlocked(path, account string) error {
	s, err := localstore.Open(path, account, localstore.Options{Timeout: 200 * time.Millisecond})
	switch {
	case errors.Is(err, localstore.ErrLocked):
		return fmt.Errorf("open the cache of %s: %w", account, err)
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

// close stops sync and notifications, closes every cache and the sandbox.
// It runs once however often it is called (window close, then Run's defer).
func (rt *runtime) close() {
	rt.closed.Do(func() {
		rt.cancel()
		rt.manager.Close()
		rt.background.Wait() // a notification check still running would find its cache closed
		for _, a := range rt.snapshot() {
			if a.client != nil {
				a.client.Close()
			}
			if a.store != nil {
				if err := a.store.Close(); err != nil {
					slog.Error("close cache", "account", a.info.ID, "err", err)
				}
			}
		}
		if rt.sandbox != nil {
			if err := rt.sandbox.Close(); err != nil {
				slog.Warn("close sandbox", "err", err)
			}
		}
	})
}

// dataChanged tells the window (once it exists) an account's cache changed.
func (rt *runtime) dataChanged(acct string) {
	if f := rt.onData.Load(); f != nil {
		(*f)(acct)
	}
}

// actionWake pushes the outbox of an account right away.
func (rt *runtime) enqueue(a domain.Action) error {
	acc := rt.account(a.Account)
	if acc == nil || acc.store == nil {
		return fmt.Errorf("enqueue: account %q is not open", a.Account)
	}
	if _, err := acc.store.Enqueue(a); err != nil {
		return err
	}
	if err := rt.manager.SyncNow(a.Account); err != nil {
		slog.Warn("wake sender", "account", a.Account, "err", err)
	}
	return nil
}
