package syncer

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

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
