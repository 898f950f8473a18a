package syncer

import (
	"context"
	"time"
)

// probe asks, during an offline backoff, whether the marketplace is back;
// when it is, the wait ends and the due resources (the outbox first) go at
// once. It reports whether the wait ended. A server's Retry-After is never
// cut short: the client refuses to probe while one runs.
func (l *loop) probe(ctx context.Context, now time.Time) bool {
	if now.Before(l.probeAt) {
		return false
	}
	l.probeAt = now.Add(l.s.opts.Probe)
	pctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	if err := l.s.eng.opts.Client.Probe(pctx); err != nil {
		return false
	}
	l.retryAt = time.Time{}
	_ = l.s.eng.ClearOfflineWait()
	return true
}

// noteAttempt hears each request's outcome while a sync runs: the first
// failure to reach the marketplace shows as offline at once, with its
// cause, though the client goes on retrying; a later success shows the
// sync running again.
func (s *Scheduler) noteAttempt(err error) {
	switch st := s.State(); {
	case transient(err) && (st.Status != StatusOffline || st.Cause != CauseOf(err)): // once per change: each one reloads the window
		s.update(func(st *State) { st.Status, st.LastError, st.Cause = StatusOffline, errText(err), CauseOf(err) })
	case err == nil && st.Status == StatusOffline:
		s.update(func(st *State) { st.Status = StatusSyncing })
	}
}
