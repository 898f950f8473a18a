package syncer

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// Status is the connection state the status bar shows.
type Status string

// Connection states.
const (
	StatusIdle    Status = "idle" // not synced yet
	StatusOnline  Status = "online"
	StatusOffline Status = "offline"
	StatusSyncing Status = "syncing"
)

// State is an account's sync state as the UI shows it.
type State struct {
	Account   string
	Status    Status
	LastSync  time.Time // last successful sync
	LastError string    // empty after a success
	Outbox    int       // actions not yet delivered
	NextRetry time.Time // while offline: when the next attempt is due
	HeldUntil time.Time // while the server's Retry-After runs: "rate limited until HH:MM"
	Cause     Cause     // while offline: why the marketplace cannot be reached
}

// DefaultIntervals are the domain's: each resource syncs at its kind's
// class (tickets and alerts fast, orders, supervision and messages slow,
// money daily-ish), the same defaults the window's preferences offer.
var DefaultIntervals = domain.DefaultIntervals()

// SchedulerOptions tune a Scheduler; zero values take defaults.
type SchedulerOptions struct {
	Intervals map[domain.Resource]time.Duration // merged over DefaultIntervals
	// OfflineMin and OfflineMax bound the backoff while the server is
	// unreachable (doubling from min to max).
	OfflineMin, OfflineMax time.Duration
	// Probe is how often a cheap request asks, while offline, whether the
	// marketplace is back; the outbox goes out as soon as it answers,
	// however long the backoff.
	Probe time.Duration
	// Tick is how often the loop looks at the clock; a gap in wall time
	// much larger than the tick means the machine slept, and everything
	// is synced at once.
	Tick time.Duration
	// OnState receives every state change. Called on the scheduler's goroutine.
	OnState func(State)
	// OnSync receives each sync's summary and error, after OnState.
	OnSync func(Summary, error)
}

// Scheduler runs one Engine on its intervals.
type Scheduler struct {
	eng  *Engine
	opts SchedulerOptions
	kick chan []domain.Resource
	// wallNow reads the wall clock; tests shift it, before Run, to fake a
	// machine that slept.
	wallNow func() time.Time
	mu      sync.Mutex
	state   State
}

// NewScheduler wraps an engine.
func NewScheduler(eng *Engine, opts SchedulerOptions) *Scheduler {
	iv := make(map[domain.Resource]time.Duration, len(DefaultIntervals))
	for r, d := range DefaultIntervals {
		iv[r] = d
	}
	for r, d := range opts.Intervals {
		if d > 0 {
			iv[r] = d
		}
	}
	opts.Intervals = iv
	if opts.OfflineMin <= 0 {
		opts.OfflineMin = 5 * time.Second
	}
	if opts.OfflineMax <= 0 {
		opts.OfflineMax = 5 * time.Minute
	}
	if opts.Tick <= 0 {
		opts.Tick = time.Second
	}
	if opts.Probe <= 0 {
		opts.Probe = 2 * time.Second
	}
	return &Scheduler{eng: eng, opts: opts, kick: make(chan []domain.Resource, 1), wallNow: time.Now,
		state: State{Account: eng.Account(), Status: StatusIdle}}
}

// SyncNow asks for an immediate sync of the resources (all when none);
// it does not wait. Requests made while one is queued are merged.
func (s *Scheduler) SyncNow(resources ...domain.Resource) {
	if len(resources) == 0 {
		resources = domain.AllResources
	}
	for {
		select {
		case s.kick <- resources:
			return
		case prev := <-s.kick:
			resources = mergeResources(prev, resources)
		}
	}
}

// State returns the current state.
func (s *Scheduler) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// Run syncs until ctx ends. Everything is due at start; the state first
// shows what the cache knows (last sync, outbox) before any network call.
func (s *Scheduler) Run(ctx context.Context) error {
	last, _ := LastSync(s.eng.opts.Store) // unreadable: shown as never synced
	outbox := s.eng.outboxCount()
	s.update(func(st *State) { st.LastSync, st.Outbox = last, outbox })
	defer s.eng.opts.Client.setAttemptSink(s.noteAttempt)()
	l := newLoop(s)
	t := time.NewTicker(s.opts.Tick)
	defer t.Stop()
	l.runDue(ctx)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case res := <-s.kick:
			l.forceDue(res)
		case <-t.C:
			l.checkSleep()
		}
		l.runDue(ctx)
	}
}

// loop is the scheduler's state between ticks, owned by Run's goroutine.
type loop struct {
	s        *Scheduler
	next     map[domain.Resource]time.Time
	offline  time.Duration // current offline backoff, 0 when online
	retryAt  time.Time
	probeAt  time.Time // while waiting for retryAt: when to probe next
	lastWall time.Time // wall clock at the last tick (monotonic stripped)
	lastMono time.Time // the same instant with its monotonic reading
}

func newLoop(s *Scheduler) *loop {
	l := &loop{s: s, next: map[domain.Resource]time.Time{}}
	now := time.Now()
	for r := range s.opts.Intervals {
		l.next[r] = now
	}
	l.lastWall, l.lastMono = s.wallNow().Round(0), now
	// a backoff from before a restart still holds
	if until, err := OfflineUntil(s.eng.opts.Store, now); err == nil && !until.IsZero() {
		l.retryAt = now.Add(until.Sub(now))
	}
	return l
}

// checkSleep compares wall time with monotonic time: the monotonic clock
// stops while the machine sleeps, the wall clock does not. A jump means
// every resource may be stale, so all become due.
func (l *loop) checkSleep() {
	now, wallNow := time.Now(), l.s.wallNow().Round(0)
	wall := wallNow.Sub(l.lastWall)
	mono := now.Sub(l.lastMono)
	l.lastWall, l.lastMono = wallNow, now
	if wall-mono > 2*l.s.opts.Tick+5*time.Second || wall < -5*time.Second {
		l.forceDue(domain.AllResources)
	}
}

func (l *loop) forceDue(res []domain.Resource) {
	now := time.Now()
	for _, r := range res {
		l.next[r] = now
	}
	l.retryAt = time.Time{} // an explicit request tries at once, even offline
	_ = l.s.eng.ClearOfflineWait()
}

// due lists the resources whose time has come, in first-sync order.
func (l *loop) due(now time.Time) []domain.Resource {
	var out []domain.Resource
	for _, r := range domain.AllResources {
		if at, ok := l.next[r]; ok && !now.Before(at) {
			out = append(out, r)
		}
	}
	return out
}

func (l *loop) runDue(ctx context.Context) {
	now := time.Now()
	if now.Before(l.retryAt) && !l.probe(ctx, now) {
		return
	}
	res := l.due(now)
	if len(res) == 0 {
		return
	}
	l.s.update(func(st *State) { st.Status = StatusSyncing })
	sum, err := l.s.eng.Sync(ctx, res...)
	if ctx.Err() != nil {
		return
	}
	l.finish(res, err)
	if l.s.opts.OnSync != nil {
		l.s.opts.OnSync(sum, err)
	}
}

// finish records the outcome: reschedule on success, back off while the
// server cannot be reached.
func (l *loop) finish(res []domain.Resource, err error) {
	now := time.Now()
	outbox := l.s.eng.outboxCount()
	held, _ := HeldUntil(l.s.eng.opts.Store, now)
	if err == nil || !transient(err) {
		if !l.retryAt.IsZero() {
			_ = l.s.eng.ClearOfflineWait()
		}
		l.offline, l.retryAt = 0, time.Time{}
		for _, r := range res {
			l.next[r] = now.Add(l.s.opts.Intervals[r])
		}
		l.s.update(func(st *State) {
			st.Status, st.Outbox, st.NextRetry, st.HeldUntil, st.Cause = StatusOnline, outbox, time.Time{}, held, CauseNone
			st.LastError = errText(err)
			if err == nil {
				st.LastSync = l.s.eng.opts.Now()
			}
		})
		return
	}
	l.offline = min(max(2*l.offline, l.s.opts.OfflineMin), l.s.opts.OfflineMax)
	l.retryAt = now.Add(backoff(1, l.offline, l.offline))
	_ = l.s.eng.NoteOfflineWait(l.retryAt) // kept across a restart
	l.probeAt = now.Add(l.s.opts.Probe)
	l.s.update(func(st *State) {
		st.Status, st.Outbox, st.LastError, st.NextRetry, st.HeldUntil = StatusOffline, outbox, errText(err), l.retryAt, held
		st.Cause = CauseOf(err)
	})
}

func (s *Scheduler) update(fn func(*State)) {
	s.mu.Lock()
	fn(&s.state)
	st := s.state
	s.mu.Unlock()
	if s.opts.OnState != nil {
		s.opts.OnState(st)
	}
}

func (e *Engine) outboxCount() int {
	acts, err := e.opts.Store.PendingActions()
	if err != nil {
		return -1
	}
	return len(acts)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, context.Canceled) {
		return "cancelled"
	}
	return err.Error()
}

func mergeResources(a, b []domain.Resource) []domain.Resource {
	out := slices.Clone(a)
	for _, r := range b {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
