package app

import (
	"context"
	"log/slog"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/service"
	"github.com/koogallery/merchant-console/syncer"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// serviceOptions are the window's service: the saved intervals and rules,
// desktop popups, and every change relayed to the window.
func serviceOptions(a fyne.App, paths config.Paths, prefs uiprefs.Prefs, opts Options, events *relay) service.Options {
	rules := notifySettings(prefs)
	return service.Options{
		Paths: paths, SandboxOptions: opts.Sandbox,
		Intervals: prefs.SyncIntervals(), Notify: &rules, Desktop: desktopNotifier(a, rules.Lang, events),
		NotificationsPaused: prefs.NotificationsPaused(),
		OnNotice:            events.notified,
		OnChanges:           func(acct string, _ []domain.Change) { events.changed(acct) },
		OnState:             func(acct string, _ syncer.State) { events.changed(acct) },
	}
}

// relay hands the service's events to the window once it exists; earlier
// ones are in the caches, which the window reads when it opens.
type relay struct{ shell atomic.Pointer[uishell.Shell] }

func (r *relay) attach(s *uishell.Shell) { r.shell.Store(s) }

func (r *relay) changed(acct string) {
	if s := r.shell.Load(); s != nil {
		s.DataChanged(acct)
	}
}

func (r *relay) notified(n notify.Notification) {
	if s := r.shell.Load(); s != nil {
		s.Notified(n)
	}
}

// backend is the window's view of the service: plain callbacks only.
func backend(svc *service.Service, prefs uiprefs.Prefs, logFile string) *uibackend.Backend {
	return &uibackend.Backend{
		Accounts:    func() []uibackend.AccountInfo { return accountInfos(svc.Accounts()) },
		Store:       svc.Store,
		State:       func(id string) uibackend.SyncState { return syncState(svc.State(id), svc.Health(id)) },
		SyncNow:     svc.SyncNow,
		Enqueue:     func(a domain.Action) error { _, err := svc.Enqueue(a); return err },
		RetryAction: func(acct, key string) error { _, err := svc.RetryAction(acct, key); return err },
		EditAction: func(acct, key string, p domain.ActionParams) error {
			_, err := svc.EditAction(acct, key, p)
			return err
		},
		DiscardAction: func(acct, key string) error { _, err := svc.DiscardAction(acct, key); return err },
		LookupOrder:   svc.LookupOrder,
		SaveAttachment: func(ctx context.Context, acct, tid, aid, dir string) (string, error) {
			if dir == "" {
				dir = svc.AttachmentsDir(acct)
			}
			return svc.SaveAttachment(ctx, acct, tid, aid, dir)
		},
		Export: func(ctx context.Context, id string, req uibackend.ExportRequest, progress func(float64)) (string, error) {
			r, err := exportRequest(req, progress)
			if err != nil {
				return "", err
			}
			res, err := svc.Export(ctx, id, r)
			return res.Path, err
		},
		ApplyPrefs: func(p uiprefs.Prefs) {
			svc.SetIntervals(p.SyncIntervals())
			if err := svc.SetNotifySettings(notifySettings(p)); err != nil {
				slog.Warn("notification settings", "err", err)
			}
		},
		PauseNotifications: svc.PauseNotifications,
		TestConnection: func(ctx context.Context, f uibackend.AccountForm) (marketapi.WhoAmI, error) {
			return svc.TestConnection(ctx, newAccount(f))
		},
		KeyStores:            svc.KeyStores,
		SaveAccount:          func(f uibackend.AccountForm) error { return svc.AddAccount(newAccount(f)) },
		EditAccount:          func(f uibackend.AccountForm) error { return svc.EditAccount(f.Editing, newAccount(f)) },
		RemoveAccount:        svc.RemoveAccount,
		NeedsUnlock:          svc.NeedsUnlock,
		Unlock:               svc.Unlock,
		NotificationsProblem: svc.NotificationsProblem,
		Compact:              svc.Compact,
		CheckAndRepair: func(id string) (*uibackend.Repair, error) {
			rep, err := svc.CheckAndRepair(id)
			return repairInfo(rep), err
		},
		QuickReplies:    svc.QuickReplies,
		Delisting:       svc.Delisting,
		Served:          svc.Served,
		SellerCenterURL: svc.SellerCenterURL,
		DataDir:         svc.Paths().Data,
		LogFile:         logFile,
		Now:             svc.Now,
		Quit:            func() { _ = svc.Close() },
	}
}

func accountInfos(accts []service.Account) []uibackend.AccountInfo {
	out := make([]uibackend.AccountInfo, len(accts))
	for i, a := range accts {
		out[i] = uibackend.AccountInfo{ID: a.Name, Label: a.Label, Site: a.Site, Sandbox: a.Sandbox,
			URL: a.URL, Store: string(a.Store), CacheDir: a.CacheDir, Locked: a.Locked}
	}
	return out
}

func syncState(st service.State, h service.Health) uibackend.SyncState {
	return uibackend.SyncState{Online: st.Online(), Syncing: st.Status == syncer.StatusSyncing, Progress: st.Progress,
		LastSync: st.LastSync, Outbox: st.Outbox, Problem: st.Problem, Cause: st.Cause,
		SetAside: h.SetAside, Damaged: h.Damaged, Held: h.Held, Offline: h.Offline, Repaired: repairInfo(h.Repaired)}
}

// repairInfo is a repair report as the window words it; nil for none.
func repairInfo(rep *localstore.RepairReport) *uibackend.Repair {
	if rep == nil {
		return nil
	}
	return &uibackend.Repair{Problem: rep.Problem, MovedTo: rep.MovedTo, Actions: rep.Actions,
		Pending: rep.Pending, Unreadable: rep.Unreadable, Notices: rep.Notices}
}

func newAccount(f uibackend.AccountForm) service.NewAccount {
	return service.NewAccount{Name: f.Name, Site: f.Site, BaseURL: f.BaseURL, Store: config.KeyStore(f.Store),
		AK: f.AK, SK: f.SK, Passphrase: f.Passphrase, Editing: f.Editing}
}

// exportRequest is the Exports screen's form as the service reads it: its
// dates are the user's own days, in the zone the window shows dates in.
func exportRequest(req uibackend.ExportRequest, progress func(float64)) (service.ExportRequest, error) {
	format, err := reports.ParseFormat(req.Format)
	if err != nil {
		return service.ExportRequest{}, err
	}
	out := service.ExportRequest{Kind: req.Kind, From: req.From, To: req.To, Statuses: req.Statuses, IDs: req.IDs,
		Format: format, Lang: reports.ParseLang(req.Language), Location: service.LocalZone()}
	if progress != nil {
		out.Progress = func(rows, total int) {
			if total > 0 {
				progress(float64(rows) / float64(total))
			}
		}
	}
	return out, nil
}
