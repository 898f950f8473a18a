package app

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/syncer"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
)

// startSync builds a client, an engine and a scheduler for every open
// account with keys, and hands the schedulers to the manager.
func (rt *runtime) startSync() {
	for _, a := range rt.snapshot() {
		if err := rt.startAccountSync(a); err != nil {
			slog.Warn("account not synced", "account", a.info.ID, "err", err)
			a.lastErr.Store(&err)
		}
	}
}

func (rt *runtime) startAccountSync(a *account) error {
	if a.store == nil {
		return errors.New("cache not open")
	}
	if a.signer.AK == "" || a.signer.SK == "" {
		return credentials.ErrNotFound
	}
	opts := syncer.OptionsFor(a.cfg, a.signer.AK, a.signer.SK)
	opts.Now = rt.now
	client, err := syncer.NewClient(opts)
	if err != nil {
		return fmt.Errorf("sync client: %w", err)
	}
	eng, err := syncer.NewEngine(syncer.EngineOptions{
		Client: client, Store: a.store, RemoteAccount: a.remote, Now: rt.now,
		OnChanges:  func(ch []domain.Change) { rt.changed(a, ch) },
		OnProgress: func(p syncer.Progress) { a.progress.Store(&p) },
	})
	if err != nil {
		client.Close()
		return fmt.Errorf("sync engine: %w", err)
	}
	a.client, a.engine = client, eng
	return rt.schedule(a)
}

// schedule (re)starts an account's scheduler with the current intervals.
func (rt *runtime) schedule(a *account) error {
	sched := syncer.NewScheduler(a.engine, syncer.SchedulerOptions{
		Intervals: rt.prefs.SyncIntervals(),
		OnState:   func(st syncer.State) { a.state.Store(&st); rt.dataChanged(a.info.ID) },
		OnSync: func(_ syncer.Summary, err error) {
			a.lastErr.Store(&err)
			if err != nil {
				slog.Warn("sync failed", "account", a.info.ID, "err", err)
			}
		},
	})
	rt.manager.Remove(a.info.ID)
	return rt.manager.Add(sched)
}

// changed passes a sync's changes to the notification rules and the window.
func (rt *runtime) changed(a *account, ch []domain.Change) {
	if rt.notes != nil {
		if err := rt.notes.HandleChanges(ch); err != nil {
			slog.Warn("notification rules", "account", a.info.ID, "err", err)
		}
	}
	rt.dataChanged(a.info.ID)
}

// applyPrefs restarts schedulers with new intervals and gives the
// notification engine its new rules.
func (rt *runtime) applyPrefs(p uiprefs.Prefs) {
	for _, a := range rt.snapshot() {
		if a.engine != nil {
			if err := rt.schedule(a); err != nil {
				slog.Warn("reschedule", "account", a.info.ID, "err", err)
			}
		}
	}
	if rt.notes != nil {
		if err := rt.notes.SetSettings(rt.notifySettings()); err != nil {
			slog.Warn("notification settings", "err", err)
		}
	}
}

// syncState is what the status bar shows for an account.
func (rt *runtime) syncState(id string) uibackend.SyncState {
	a := rt.account(id)
	if a == nil {
		return uibackend.SyncState{Progress: -1}
	}
	out := uibackend.SyncState{Progress: -1}
	if st := a.state.Load(); st != nil {
		out.Online = st.Status == syncer.StatusOnline || st.Status == syncer.StatusSyncing
		out.Syncing = st.Status == syncer.StatusSyncing
		out.LastSync, out.Outbox = st.LastSync, st.Outbox
	}
	if p := a.progress.Load(); p != nil && out.Syncing && !p.Done && p.Total > 0 {
		out.Progress = p.Percent() / 100 // Percent is 0..100; the bar wants 0..1
	}
	if e := a.lastErr.Load(); e != nil {
		out.Problem = *e
	}
	return out
}
