package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
)

// Service is one running console: its accounts, the sandbox when it runs,
// the schedulers and the notification rules.
type Service struct {
	opts    Options
	paths   config.Paths
	ctx     context.Context
	cancel  context.CancelFunc
	sandbox *sandbox.Server
	manager *syncer.Manager
	notes   *notify.Engine   // nil when notifications are off
	popups  *notify.Notifier // nil without desktop notifications

	mu        sync.Mutex
	accounts  []*account
	intervals map[domain.Resource]time.Duration
	started   bool

	schedMu       sync.Mutex // orders (re)scheduling against removal; never held with mu while waiting
	configMu      sync.Mutex // serialises edits of the account list file
	paused        atomic.Bool
	notifyProblem atomic.Pointer[error]
	background    sync.WaitGroup // goroutines that read the caches: Close waits for them
	closed        sync.Once
}

// Open loads the accounts (or starts the sandbox), opens every cache, and
// builds each account's client and engine and the notification rules. It
// does not sync: Start runs the schedulers, SyncOnce one sync. A damaged
// cache is repaired (Health says what was saved); one that still cannot be
// opened leaves its account listed as broken. Only a cache another copy of
// the console holds fails Open (localstore.ErrLocked).
func Open(opts Options) (*Service, error) {
	paths, err := resolvePaths(opts.Paths)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Service{opts: opts, paths: paths, ctx: ctx, cancel: cancel, intervals: opts.Intervals}
	s.paused.Store(opts.NotificationsPaused)
	s.manager = syncer.NewManager(ctx)
	if err := s.open(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func resolvePaths(p config.Paths) (config.Paths, error) {
	if p == (config.Paths{}) {
		var err error
		if p, err = config.DefaultPaths(); err != nil {
			return p, err
		}
	}
	return p, p.Ensure()
}

// open runs the start-up in order: accounts, caches, notifications, then
// each account's engine (whose changes go to the notifications).
func (s *Service) open() error {
	specs, err := s.accountSpecs()
	if err != nil {
		return err
	}
	if err := s.startNotify(); err != nil {
		slog.Warn("notifications off", "err", err) // the console still works without them
	}
	for _, sp := range specs {
		a, err := s.build(sp)
		if err != nil {
			return err
		}
		s.publish(a)
	}
	return nil
}

// Start runs the notification ticker and every account's scheduler.
func (s *Service) Start() {
	s.mu.Lock()
	if s.started {
		s.mu.Unlock()
		return
	}
	s.started = true
	s.mu.Unlock()
	s.holdForLaunch()
	if s.notes != nil {
		s.background.Go(s.runNotify)
	}
	for _, a := range s.snapshot() {
		s.schedule(a)
	}
}

// Close stops sync and notifications and closes every cache, client and
// the sandbox. It runs once however often it is called.
func (s *Service) Close() error {
	var errs []error
	s.closed.Do(func() {
		s.cancel()
		s.manager.Close()
		s.background.Wait() // a deadline check still running would find its cache closed
		s.mu.Lock()
		accts := s.accounts
		s.accounts = nil
		s.mu.Unlock()
		for _, a := range accts {
			errs = append(errs, a.close())
		}
		if s.popups != nil {
			errs = append(errs, s.popups.Close())
		}
		if s.sandbox != nil {
			if err := s.sandbox.Close(); err != nil {
				slog.Warn("close sandbox", "err", err)
			}
			errs = append(errs, s.saveSandbox()) // stopped: its world no longer moves
		}
	})
	return errors.Join(errs...)
}

// Now is the marketplace's clock: Options.Now, else the sandbox's when it
// runs (it may be fast), else the wall clock.
func (s *Service) Now() time.Time {
	switch {
	case s.opts.Now != nil:
		return s.opts.Now()
	case s.sandbox != nil:
		return s.sandbox.Clock().Now()
	}
	return time.Now()
}

// Paths are the console's directories.
func (s *Service) Paths() config.Paths { return s.paths }

// SandboxURL is the built-in sandbox's address, "" when it does not run.
func (s *Service) SandboxURL() string {
	if s.sandbox == nil {
		return ""
	}
	return s.sandbox.URL()
}

// Accounts lists the open accounts in configuration order.
func (s *Service) Accounts() []Account {
	accts := s.snapshot()
	out := make([]Account, len(accts))
	for i, a := range accts {
		out[i] = a.info
	}
	return out
}

func (s *Service) snapshot() []*account {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.accounts)
}

func (s *Service) account(name string) *account {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.accounts {
		if a.info.Name == name {
			return a
		}
	}
	return nil
}

// mustAccount is the open account called name, or an error saying it is not.
func (s *Service) mustAccount(name string) (*account, error) {
	if a := s.account(name); a != nil {
		return a, nil
	}
	return nil, fmt.Errorf("account %q is not open", name)
}

// cachedAccount is mustAccount for work on the cache: a broken account (its
// cache could not be opened) answers with the reason instead.
func (s *Service) cachedAccount(name string) (*account, error) {
	a, err := s.mustAccount(name)
	if err != nil {
		return nil, err
	}
	if a.store == nil {
		return nil, a.broken
	}
	return a, nil
}

func (s *Service) publish(a *account) {
	s.mu.Lock()
	s.accounts = append(s.accounts, a)
	s.mu.Unlock()
}

// Interrupted is ctx, cancelled at the first Ctrl-C or SIGTERM: the one
// place the process listens for them. A second signal, after stop or once
// the first was handled, ends the process as usual.
func Interrupted(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}
