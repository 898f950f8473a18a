package syncer

import (
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/localstore"
)

// Waits the server or the backoff imposed are kept in the account's cache,
// so that neither a restart nor a one-shot `sync --once` sends early.
const (
	// metaHoldUntil is when a server's Retry-After ends (RFC 3339).
	metaHoldUntil = "sync.hold-until"
	// metaOfflineUntil is when the next attempt is due after the server
	// could not be reached (RFC 3339).
	metaOfflineUntil = "sync.offline-until"
)

// HeldUntil is when the server's last Retry-After ends, for the status
// bar's "rate limited until HH:MM"; zero when no wait is stored or it has
// passed (by now).
func HeldUntil(s *localstore.Store, now time.Time) (time.Time, error) {
	return storedWait(s, metaHoldUntil, now)
}

// OfflineUntil is when the next attempt is due after the server could not
// be reached; zero when none is pending (by now).
func OfflineUntil(s *localstore.Store, now time.Time) (time.Time, error) {
	return storedWait(s, metaOfflineUntil, now)
}

func storedWait(s *localstore.Store, key string, now time.Time) (time.Time, error) {
	v, err := s.Meta(key)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, nil // a damaged value binds nothing
	}
	if !t.After(now) {
		return time.Time{}, nil
	}
	return t, nil
}

func storeWait(s *localstore.Store, key string, until time.Time) error {
	v := ""
	if !until.IsZero() {
		v = until.UTC().Format(time.RFC3339Nano)
	}
	return s.SetMeta(key, v)
}

// OfflineWaitError is returned by Sync while a stored offline backoff has
// not elapsed: nothing was sent. An explicit "sync now" clears it first
// (ClearOfflineWait).
type OfflineWaitError struct{ Until time.Time }

// Error implements error.
func (e *OfflineWaitError) Error() string {
	return fmt.Sprintf("the marketplace could not be reached; the next attempt is due at %s", e.Until.Format(time.RFC3339))
}

// restoreHold hands the client a stored Retry-After, and keeps every new
// one in the cache as it arrives.
func (e *Engine) restoreHold() error {
	until, err := HeldUntil(e.opts.Store, e.opts.Client.opts.Now())
	if err != nil {
		return err
	}
	e.opts.Client.holdUntil(until)
	e.opts.Client.setHoldSink(func(t time.Time) error { return storeWait(e.opts.Store, metaHoldUntil, t) })
	return nil
}

// checkOfflineWait refuses to start while a stored offline backoff runs.
func (e *Engine) checkOfflineWait() error {
	until, err := OfflineUntil(e.opts.Store, time.Now())
	if err != nil || until.IsZero() {
		return err
	}
	return &OfflineWaitError{Until: until}
}

// NoteOfflineWait stores when the next attempt is due after the server
// could not be reached (the scheduler's backoff); zero clears it.
func (e *Engine) NoteOfflineWait(until time.Time) error {
	return storeWait(e.opts.Store, metaOfflineUntil, until)
}

// ClearOfflineWait lets the next sync go at once: the person asked for it.
func (e *Engine) ClearOfflineWait() error { return e.NoteOfflineWait(time.Time{}) }
