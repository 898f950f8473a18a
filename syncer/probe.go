package syncer

import (
	"context"
	"errors"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/koogallery/merchant-console/marketapi"
)

// setAttemptSink makes the client report every attempt's outcome, so the
// scheduler can say "offline" at the first failed request instead of after
// the whole round of retries. It returns the func that removes this sink,
// and only this one: a scheduler replaced by a new one may stop later than
// its successor starts.
func (c *Client) setAttemptSink(sink func(error)) (remove func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.attemptGen++
	gen := c.attemptGen
	c.attemptSink = sink
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.attemptGen == gen {
			c.attemptSink = nil
		}
	}
}

func (c *Client) noteAttempt(err error) {
	c.mu.Lock()
	sink := c.attemptSink
	c.mu.Unlock()
	if sink != nil {
		sink(err)
	}
}

// errHeld is returned by Probe while a server's Retry-After runs: probing
// then would break the wait the server asked for.
var errHeld = errors.New("the marketplace asked to wait (Retry-After)")

// Probe asks whether the marketplace answers, with one cheap request
// (whoami) and no retries. It never sends while a Retry-After
// wait runs.
func (c *Client) Probe(ctx context.Context) error {
	c.mu.Lock()
	held := c.holdTil.After(c.opts.Now())
	c.mu.Unlock()
	if held {
		return errHeld
	}
	req := &request{method: http.MethodGet, path: marketapi.WhoAmIPath, what: "probe"}
	rep, err := c.attempt(ctx, req)
	c.noteRetryAfter(rep)
	if err != nil {
		return err
	}
	if rep.status >= 500 || rep.status == http.StatusTooManyRequests {
		return &HTTPError{Status: rep.status}
	}
	return nil // any other answer means the server is there
}

// Cause is why the marketplace could not be reached, in words a person
// understands (the window translates it).
type Cause string

// Offline causes, from the most to the least specific.
const (
	CauseNone        Cause = ""
	CauseRefused     Cause = "refused"      // nothing listens at the address
	CauseNoRoute     Cause = "no-network"   // the network or the host is unreachable
	CauseDNS         Cause = "dns"          // the host name does not resolve
	CauseTimeout     Cause = "timeout"      // no answer in time
	CauseServer      Cause = "server-error" // the marketplace answered with a failure
	CauseRateLimited Cause = "rate-limited" // the marketplace asked to slow down
	CauseNetwork     Cause = "network"      // the connection broke some other way
)

// CauseOf classifies a failure to reach the marketplace; CauseNone when err
// is nil or not a connectivity problem.
func CauseOf(err error) Cause {
	var dns *net.DNSError
	var ne net.Error
	var he *HTTPError
	var me *marketapi.Error
	var ra *RetryAfterError
	switch {
	case errors.As(err, &ra), errors.Is(err, errHeld):
		return CauseRateLimited
	case !transient(err): // nil, or not about reaching the marketplace
		return CauseNone
	case errors.Is(err, syscall.ECONNREFUSED):
		return CauseRefused
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return CauseNoRoute
	case errors.As(err, &dns):
		return CauseDNS
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return CauseTimeout
	case errors.As(err, &he) && he.Status == http.StatusTooManyRequests:
		return CauseRateLimited
	case errors.As(err, &he), errors.As(err, &me):
		return CauseServer
	}
	return CauseNetwork
}

// probeTimeout bounds one probe: a black-holed network must not stall the
// scheduler's loop for long.
const probeTimeout = 3 * time.Second

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
