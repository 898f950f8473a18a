package syncer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Progress reports a running pull.
type Progress struct {
	Account  string
	Resource domain.Resource
	Records  int // records and removals received so far for this resource
	Total    int // live records on the server; 0 when it did not say
	Done     bool
}

// Percent is the share done, or -1 when the server gave no total.
func (p Progress) Percent() float64 {
	if p.Total <= 0 {
		return -1
	}
	return min(100, 100*float64(p.Records)/float64(p.Total))
}

// EngineOptions wire an Engine to one account's client and cache.
type EngineOptions struct {
	Client *Client
	Store  *localstore.Store
	// RemoteAccount is the marketplace's ID for the account; when empty
	// the engine asks whoami once. Records of other accounts are refused.
	RemoteAccount string
	// OnChanges receives every applied change, page by page, for
	// notifications and screens. Called on the syncing goroutine.
	OnChanges func([]domain.Change)
	// OnProgress receives pull progress, page by page.
	OnProgress func(Progress)
	// Now is the engine's clock (sync times, action timestamps, paging bound).
	Now func() time.Time
	// MaxPullTime bounds one resource's paging in one sync; default DefaultMaxPullTime.
	MaxPullTime time.Duration
}

// Engine syncs one account: it pushes the outbox and pulls changes, one
// sync at a time.
type Engine struct {
	opts   EngineOptions
	mu     sync.Mutex // one sync at a time per account
	remote string
	serves *[]domain.Resource // what whoami says the server publishes; nil until asked (served.go)
}

// NewEngine checks the wiring and returns an engine.
func NewEngine(opts EngineOptions) (*Engine, error) {
	if opts.Client == nil || opts.Store == nil {
		return nil, errors.New("sync engine: a client and a store are required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxPullTime <= 0 {
		opts.MaxPullTime = DefaultMaxPullTime
	}
	e := &Engine{opts: opts, remote: opts.RemoteAccount}
	if err := e.restoreHold(); err != nil {
		return nil, fmt.Errorf("sync engine: reading the stored server wait: %w", err)
	}
	return e, nil
}

// Account is the local account the engine syncs.
func (e *Engine) Account() string { return e.opts.Store.Account() }

// Summary is what one sync did.
type Summary struct {
	Account   string
	Resources []ResourceSummary
	Push      PushSummary
	Took      time.Duration
	// Damaged are the outbox entries that no longer decode: quarantined,
	// never sent, never blocking the others (localstore.DamagedActions).
	Damaged []localstore.DamagedAction
}

// ResourceSummary counts one resource's changes in one sync.
type ResourceSummary struct {
	Resource               domain.Resource
	New, Changed, Removed  int
	Pages, Received, Total int
	Took                   time.Duration
	// SetAside are the records of this resource set aside in this sync
	// (see localstore.SetAside); Store.SetAsideRecords lists all of them.
	SetAside []localstore.SetAside
	// Err is why this resource stopped early while the others went on.
	Err error
}

// syncLocked delivers pending actions, then pulls the given resources (all
// when none are named). It holds the account's sync lock throughout; Sync
// (below) logs what it did.
func (e *Engine) syncLocked(ctx context.Context, resources ...domain.Resource) (Summary, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	sum := Summary{Account: e.Account()}
	if err := e.checkOfflineWait(); err != nil {
		return sum, err
	}
	var err error
	sum.Push, err = e.push(ctx)
	if damaged, derr := e.opts.Store.DamagedActions(); derr == nil {
		sum.Damaged = damaged
	}
	if err != nil {
		sum.Took = time.Since(start)
		return sum, err
	}
	sum.Resources, err = e.pull(ctx, resources)
	sum.Took = time.Since(start)
	if err == nil {
		err = e.opts.Store.SetMeta(MetaLastSync, e.opts.Now().UTC().Format(time.RFC3339Nano))
	}
	return sum, err
}

// Problems are what a person should hear about a sync besides its counts,
// one line each: every resource that stopped early and why, and every
// record set aside in this sync and why, and every quarantined outbox
// entry. `sync` prints them; the whole set-aside list is
// Store.SetAsideRecords.
func (s Summary) Problems() []string {
	var out []string
	for _, d := range s.Damaged {
		out = append(out, d.String())
	}
	for _, r := range s.Resources {
		if r.Err != nil {
			out = append(out, r.Err.Error())
		}
		for _, a := range r.SetAside {
			out = append(out, a.String())
		}
	}
	return out
}

// MetaLastSync is the store meta key holding the last successful sync time.
const MetaLastSync = "sync.last"

// LastSync reads the last successful sync time from the store.
func LastSync(s *localstore.Store) (time.Time, error) {
	v, err := s.Meta(MetaLastSync)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored last sync time %q: %w", v, err)
	}
	return t, nil
}

// owner learns the remote account ID once, so pages can be checked.
func (e *Engine) owner(ctx context.Context) (Owner, error) {
	local := e.Account()
	if e.remote == "" {
		who, err := e.opts.Client.WhoAmI(ctx)
		if err != nil {
			return Owner{}, fmt.Errorf("asking which account the credentials belong to: %w", err)
		}
		if err := e.pinRemote(who.AccountID); err != nil {
			return Owner{}, err
		}
		e.remote = who.AccountID
		e.noteServes(who)
	}
	return Owner{Remote: e.remote, Local: local}, nil
}

// metaRemoteAccount is the store meta key under which a cache remembers the
// marketplace account its records came from.
const metaRemoteAccount = "sync.remote-account"

// ErrAccountMismatch says the credentials now belong to another marketplace
// account than the one whose records the cache holds.
var ErrAccountMismatch = errors.New("the AK/SK belong to another marketplace account than this cache")

// pinRemote ties the cache to the first marketplace account it syncs from.
// Keys can change under an account (a new AK/SK in the keyring, or the
// HUAWEICLOUD_SDK_* variables used where the keyring has no entry); records
// relabelled to the local account name would then mix two sellers' data in
// one cache. Refusing keeps them apart.
func (e *Engine) pinRemote(remote string) error {
	pinned, err := e.opts.Store.Meta(metaRemoteAccount)
	switch {
	case err != nil:
		return err
	case pinned == "":
		return e.opts.Store.SetMeta(metaRemoteAccount, remote)
	case pinned != remote:
		return fmt.Errorf("%w: the cache of %q holds account %s, the keys belong to %s; check the account's AK/SK in Settings",
			ErrAccountMismatch, e.Account(), pinned, remote)
	}
	return nil
}

func (e *Engine) emit(ch []domain.Change) {
	if len(ch) > 0 && e.opts.OnChanges != nil {
		e.opts.OnChanges(ch)
	}
}

func (e *Engine) progress(p Progress) {
	if e.opts.OnProgress != nil {
		e.opts.OnProgress(p)
	}
}

// Sync delivers pending actions, then pulls the given resources (all when
// none are named), and writes what it did to the account's activity log
// (localstore.SyncActivity). A sync that did not try (the offline wait had
// not passed, or it was cancelled before anything happened) is not logged.
func (e *Engine) Sync(ctx context.Context, resources ...domain.Resource) (Summary, error) {
	sum, err := e.syncLocked(ctx, resources...)
	var wait *OfflineWaitError
	if errors.As(err, &wait) {
		return sum, err
	}
	if lerr := e.opts.Store.RecordActivity(Activity(sum, err, e.opts.Now()), e.opts.Now()); lerr != nil {
		slog.Warn("sync activity log", "account", sum.Account, "err", lerr)
	}
	return sum, err
}

// Activity is a sync's entry in the activity log: its counts per resource,
// the outbox's, its problems (Summary.Problems, then the error that ended
// it) and the records it set aside.
func Activity(sum Summary, err error, at time.Time) localstore.SyncActivity {
	a := localstore.SyncActivity{At: at, Took: sum.Took, Sent: sum.Push.Done, Rejected: sum.Push.Rejected,
		Stopped: sum.Push.Stopped, Left: sum.Push.Left}
	for _, r := range sum.Resources {
		a.Resources = append(a.Resources, localstore.ResourceActivity{Resource: r.Resource, New: r.New, Changed: r.Changed, Removed: r.Removed})
		if r.Err != nil {
			a.Errors = append(a.Errors, r.Err.Error())
		}
		for _, s := range r.SetAside {
			a.SetAside = append(a.SetAside, s.String())
		}
	}
	for _, d := range sum.Damaged {
		a.Errors = append(a.Errors, d.String())
	}
	if err != nil && !slices.Contains(a.Errors, err.Error()) {
		a.Errors = append(a.Errors, err.Error())
	}
	return a
}
