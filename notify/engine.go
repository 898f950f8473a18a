package notify

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Options configure an Engine.
type Options struct {
	Settings Settings
	// Now is the clock; tests pass a controllable one. Default time.Now.
	Now func() time.Time
	// Location is where quiet hours are read. Default time.Local.
	Location *time.Location
	// Deliver receives every notification, popup or silent; usually
	// (*Notifier).Deliver. Called without the engine's lock held.
	Deliver func(Notification)
	// OnError hears errors of the background ticker (Run). Default: dropped.
	OnError func(error)
}

// Engine applies the rules to changes and stored deadlines. It is safe for
// concurrent use: the sync engine and the ticker may call it at once.
type Engine struct {
	mu       sync.Mutex
	opts     Options
	settings Settings
	accounts map[string]*account
	gather   gathering // its own lock: Deliver is called without e.mu
}

type account struct {
	store *localstore.Store
	label string
}

// NewEngine checks the options and returns an engine with no accounts yet.
func NewEngine(opts Options) (*Engine, error) {
	if opts.Deliver == nil {
		return nil, errors.New("notify: Options.Deliver is required")
	}
	if err := opts.Settings.Validate(); err != nil {
		return nil, fmt.Errorf("notify: settings: %w", err)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = time.Local
	}
	if opts.OnError == nil {
		opts.OnError = func(error) {}
	}
	return &Engine{opts: opts, settings: opts.Settings.clone(), accounts: map[string]*account{}}, nil
}

// AddAccount makes the engine watch an open cache. label is the account's
// display name, put in titles while more than one account is open.
func (e *Engine) AddAccount(s *localstore.Store, label string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.accounts[s.Account()] = &account{store: s, label: label}
}

// RemoveAccount stops watching an account (call it before closing its cache).
func (e *Engine) RemoveAccount(accountID string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.accounts, accountID)
}

// SetSettings replaces the settings after checking them; bad settings change nothing.
func (e *Engine) SetSettings(s Settings) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("notify: settings: %w", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.settings = s.clone()
	return nil
}

// Settings returns the settings in force.
func (e *Engine) Settings() Settings {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.settings.clone()
}

// HandleChanges notifies about one sync's changes. Deadline rules run on the
// changed records too, so a ticket that arrives already near its SLA is
// announced now rather than at the next tick.
func (e *Engine) HandleChanges(changes []domain.Change) error {
	now := e.opts.Now()
	settings := e.Settings()
	var evs []event
	for _, c := range changes {
		if !c.Ours {
			evs = append(evs, changeEvents(c, now)...)
		}
		if c.After != nil {
			evs = append(evs, deadlineEvents(c.Account, c.After, now, settings)...)
		}
	}
	return e.emit(evs, now, settings)
}

// SyncFailing tells the engine an account's sync has failed continuously
// since the given time; past Settings.SyncFailMinutes the user hears of it
// once per failing spell (the spell is identified by since).
func (e *Engine) SyncFailing(accountID string, since time.Time, lastErr string) error {
	now := e.opts.Now()
	settings := e.Settings()
	failing := now.Sub(since)
	if failing < time.Duration(settings.SyncFailMinutes)*time.Minute {
		return nil
	}
	ref := accountID
	if a, _ := e.lookup(accountID); a != nil && a.label != "" {
		ref = a.label
	}
	ev := event{
		kind: KindSyncFailing, account: accountID, key: noticeKey(KindSyncFailing, accountID, unix(since)),
		ref: ref, detail: snippet(lastErr, 120), left: failing, at: since,
	}
	return e.emit([]event{ev}, now, settings)
}

// Tick checks every watched cache's deadlines. It needs no network, so
// countdowns keep firing while offline or while the server is down.
func (e *Engine) Tick() error {
	now := e.opts.Now()
	settings := e.Settings()
	var evs []event
	var errs []error
	for _, a := range e.snapshot() {
		found, err := scanDeadlines(a.store, now, settings)
		evs = append(evs, found...)
		errs = append(errs, err)
	}
	errs = append(errs, e.emit(evs, now, settings))
	return errors.Join(errs...)
}

// Run ticks at once and then every interval (a minute when not positive)
// until ctx ends. Errors go to Options.OnError; the ticking goes on.
func (e *Engine) Run(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := e.Tick(); err != nil {
			e.opts.OnError(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// snapshot copies the watched accounts so scans run without the lock.
func (e *Engine) snapshot() []*account {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]*account, 0, len(e.accounts))
	for _, a := range e.accounts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].store.Account() < out[j].store.Account() })
	return out
}

// lookup returns the account's cache and the title prefix to use.
func (e *Engine) lookup(accountID string) (*account, string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[accountID]
	if a == nil || len(e.accounts) < 2 {
		return a, ""
	}
	return a, "[" + a.label + "] "
}
