package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/syncer"
)

// State is an account's sync state, as the status bar shows it.
type State struct {
	Status   syncer.Status
	LastSync time.Time // last successful sync; zero if never
	Outbox   int       // actions not yet delivered
	// Progress is the running first sync's share done, 0..1; negative
	// when unknown or not syncing.
	Progress float64
	Problem  error // the last failure, nil after a success
}

// Online reports whether the marketplace answered the last sync.
func (st State) Online() bool {
	return st.Status == syncer.StatusOnline || st.Status == syncer.StatusSyncing
}

// State is an account's sync state; an unknown account's is the zero
// state with unknown progress.
func (s *Service) State(name string) State {
	out := State{Progress: -1}
	a := s.account(name)
	if a == nil {
		return out
	}
	if st := a.state.Load(); st != nil {
		out.Status, out.LastSync, out.Outbox = st.Status, st.LastSync, st.Outbox
	}
	if p := a.progress.Load(); p != nil && out.Status == syncer.StatusSyncing && !p.Done && p.Total > 0 {
		out.Progress = p.Percent() / 100 // Percent is 0..100
	}
	if e := a.lastErr.Load(); e != nil {
		out.Problem = *e
	}
	return out
}

// Store is an account's open cache, nil for an unknown account.
func (s *Service) Store(name string) *localstore.Store {
	if a := s.account(name); a != nil {
		return a.store
	}
	return nil
}

// SyncOnce pushes the account's outbox and pulls every resource now, on
// the caller's goroutine.
func (s *Service) SyncOnce(ctx context.Context, name string) (syncer.Summary, error) {
	a, err := s.mustAccount(name)
	if err != nil {
		return syncer.Summary{Account: name}, err
	}
	if a.engine == nil {
		return syncer.Summary{Account: name}, fmt.Errorf("sync %s: %w", name, a.unsynced)
	}
	sum, err := a.engine.Sync(ctx)
	a.lastErr.Store(&err)
	return sum, err
}

// SyncNow asks a scheduled account to sync at once; it does nothing before
// Start or for an account that does not sync.
func (s *Service) SyncNow(name string) {
	if !s.isStarted() || s.account(name) == nil {
		return
	}
	if err := s.manager.SyncNow(name); err != nil {
		slog.Warn("sync now", "account", name, "err", err)
	}
}

func (s *Service) isStarted() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.started
}

// SetIntervals restarts every scheduler with new sync intervals.
func (s *Service) SetIntervals(iv map[domain.Resource]time.Duration) {
	s.mu.Lock()
	s.intervals = maps.Clone(iv)
	started := s.started
	s.mu.Unlock()
	if !started {
		return
	}
	for _, a := range s.snapshot() {
		s.schedule(a)
	}
}

// schedule (re)starts an account's scheduler with the current intervals.
// An account removed meanwhile is not scheduled again.
func (s *Service) schedule(a *account) {
	if a.engine == nil {
		return
	}
	s.schedMu.Lock()
	defer s.schedMu.Unlock() // held across Add: a concurrent removal waits, then removes it
	if !s.isListed(a) {
		return
	}
	name := a.info.Name
	t := s.opts.Schedule
	s.mu.Lock()
	intervals := s.intervals // replaced, never changed in place, by SetIntervals
	s.mu.Unlock()
	sched := syncer.NewScheduler(a.engine, syncer.SchedulerOptions{
		Intervals: intervals, Tick: t.Tick, OfflineMin: t.OfflineMin, OfflineMax: t.OfflineMax,
		OnState: func(st syncer.State) {
			a.state.Store(&st)
			if s.opts.OnState != nil {
				s.opts.OnState(name, st)
			}
		},
		OnSync: func(sum syncer.Summary, err error) {
			a.lastErr.Store(&err)
			s.synced(name)
			if err != nil && !errors.Is(err, context.Canceled) {
				slog.Warn("sync failed", "account", name, "err", err)
			}
			if s.opts.OnSync != nil {
				s.opts.OnSync(name, sum, err)
			}
		},
	})
	s.manager.Remove(name)
	if err := s.manager.Add(sched); err != nil {
		slog.Warn("schedule", "account", name, "err", err)
	}
}

func (s *Service) isListed(a *account) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.accounts {
		if x == a {
			return true
		}
	}
	return false
}

// changed passes a pull's changes to the notification rules and on.
func (s *Service) changed(name string, ch []domain.Change) {
	if s.notes != nil {
		if err := s.notes.HandleChanges(ch); err != nil {
			s.problem(name, "notification rules", err)
		}
	}
	if s.opts.OnChanges != nil {
		s.opts.OnChanges(name, ch)
	}
}

// Enqueue puts an action in its account's outbox and wakes the sender.
func (s *Service) Enqueue(act domain.Action) (domain.Action, error) {
	a, err := s.mustAccount(act.Account)
	if err != nil {
		return act, fmt.Errorf("enqueue: %w", err)
	}
	out, err := a.store.Enqueue(act)
	if err != nil {
		return out, err
	}
	s.SyncNow(act.Account)
	return out, nil
}

// Compact rewrites an account's cache file to reclaim space.
func (s *Service) Compact(name string) error {
	a, err := s.mustAccount(name)
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	return a.store.Compact()
}

// problem logs what went wrong behind the scenes and passes it on.
func (s *Service) problem(name, what string, err error) {
	slog.Warn(what, "account", name, "err", err)
	if s.opts.OnProblem != nil {
		s.opts.OnProblem(name, err)
	}
}
