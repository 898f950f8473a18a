package syncer

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/koogallery/merchant-console/marketapi"
)

// request is one logical API call, possibly sent several times.
type request struct {
	method  string
	path    string
	query   url.Values
	body    []byte
	idemKey string
	what    string // for error messages: "orders changes page"
	// decode reads a 2xx reply into the caller's result.
	decode func(status int, body []byte) error
}

// retryable reports whether the call may be sent again: reads always, a
// POST only with an idempotency key so the server applies it once.
func (r *request) retryable() bool {
	return r.method == http.MethodGet || r.idemKey != ""
}

// reply is what one attempt got back.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// call sends req until it succeeds, fails for good, or attempts run out.
func (c *Client) call(ctx context.Context, req *request) error {
	if req.method == http.MethodPost && req.idemKey == "" {
		return fmt.Errorf("%s: %w", req.what, ErrNoIdempotencyKey)
	}
	var last error
	for attempt := 1; attempt <= c.opts.MaxAttempts; attempt++ {
		if err := c.waitHold(ctx); err != nil {
			return err
		}
		rep, err := c.attempt(ctx, req)
		retryAfter := c.noteRetryAfter(rep) // binding even if this was the last attempt
		if err == nil {
			err = c.interpret(req, rep)
		}
		c.noteAttempt(err)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", req.what, ctx.Err())
		}
		last = err
		if !req.retryable() || !transient(err) || attempt == c.opts.MaxAttempts {
			break
		}
		if err := c.pause(ctx, retryAfter, attempt); err != nil {
			return err
		}
	}
	if transient(last) && req.retryable() {
		return &AttemptsError{Attempts: c.opts.MaxAttempts, Err: last}
	}
	return last
}

// noteRetryAfter records a failed reply's Retry-After as a hold on every
// request of this client, and reports whether there was one.
func (c *Client) noteRetryAfter(rep *reply) bool {
	if rep == nil || rep.status < 300 {
		return false
	}
	wait, ok := parseRetryAfter(rep.header.Get(marketapi.HeaderRetryAfter), c.opts.Now())
	if ok {
		c.hold(wait)
	}
	return ok
}

// pause waits before the next attempt: exactly the server's Retry-After
// when it sent one, otherwise exponential backoff with jitter.
func (c *Client) pause(ctx context.Context, retryAfter bool, attempt int) error {
	if retryAfter {
		return c.waitHold(ctx)
	}
	return c.opts.Sleep(ctx, backoff(attempt, c.opts.BaseDelay, c.opts.MaxDelay))
}

// hold records that no request may leave for wait, and hands a new end
// to the sink (the engine keeps it in the cache across restarts).
func (c *Client) hold(wait time.Duration) {
	c.mu.Lock()
	until := c.opts.Now().Add(wait)
	if !until.After(c.holdTil) {
		c.mu.Unlock()
		return
	}
	c.holdTil = until
	sink := c.holdSink
	c.mu.Unlock()
	if sink != nil {
		_ = sink(until) // best effort: the wait binds this process regardless
	}
}

// holdUntil restores a wait kept from an earlier run.
func (c *Client) holdUntil(until time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if until.After(c.holdTil) {
		c.holdTil = until
	}
}

func (c *Client) setHoldSink(sink func(time.Time) error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.holdSink = sink
}

// waitHold sleeps until a server-imposed wait has passed.
func (c *Client) waitHold(ctx context.Context) error {
	c.mu.Lock()
	until := c.holdTil
	c.mu.Unlock()
	if until.IsZero() {
		return ctx.Err()
	}
	d := until.Sub(c.opts.Now())
	switch {
	case d > c.opts.MaxRetryAfter:
		// do not hold the caller (and the account's sync lock) for hours
		return &RetryAfterError{Wait: d, Until: until}
	case d > 0:
		return c.opts.Sleep(ctx, d)
	}
	return ctx.Err()
}

// attempt sends the request once, bounded by the per-attempt timeout, and
// reads the reply within the size limit.
func (c *Client) attempt(ctx context.Context, req *request) (*reply, error) {
	actx, cancel := context.WithTimeout(withBody(ctx, req.body), c.opts.Timeout)
	defer cancel()
	r := c.rc.R().SetContext(actx).SetHeader("Accept", "application/json")
	if req.query != nil {
		r.SetQueryParamsFromValues(req.query)
	}
	if req.body != nil {
		r.SetHeader("Content-Type", "application/json").SetBody(req.body)
	}
	if req.idemKey != "" {
		r.SetHeader(marketapi.HeaderIdempotencyKey, req.idemKey)
	}
	resp, err := r.Execute(req.method, req.path)
	if err != nil {
		return nil, &transportError{err}
	}
	raw := resp.RawResponse
	defer raw.Body.Close()
	body, err := readLimited(raw.Body, raw.ContentLength, c.opts.MaxBody)
	if err != nil {
		rep := &reply{status: raw.StatusCode, header: raw.Header}
		if errors.Is(err, ErrTooLarge) {
			return rep, fmt.Errorf("%s: %w (limit %d bytes)", req.what, ErrTooLarge, c.opts.MaxBody)
		}
		return rep, &transportError{fmt.Errorf("reading %s: %w", req.what, err)}
	}
	return &reply{status: raw.StatusCode, header: raw.Header, body: body}, nil
}

// readLimited reads the whole body, refusing more than limit bytes. A
// declared length is read into one exact allocation; a body shorter than
// declared fails with io.ErrUnexpectedEOF.
func readLimited(r io.Reader, declared, limit int64) ([]byte, error) {
	if declared > limit {
		return nil, ErrTooLarge
	}
	if declared >= 0 {
		buf := make([]byte, declared)
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		return buf, nil
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, ErrTooLarge
	}
	return buf.Bytes(), nil
}

// interpret turns a reply into nil (decoded into the caller's result) or an
// error: *marketapi.Error for an envelope failure, *HTTPError without one,
// *DecodeError for a 2xx reply that cannot be read.
func (c *Client) interpret(req *request, rep *reply) error {
	if rep.status >= 200 && rep.status < 300 {
		return req.decode(rep.status, rep.body)
	}
	var env marketapi.Envelope
	if err := json.Unmarshal(rep.body, &env); err == nil && env.ResultCode != "" {
		if e := envelopeErr(env, rep.status); e != nil {
			return e
		}
	}
	snippet := rep.body
	if len(snippet) > 200 {
		snippet = snippet[:200]
	}
	return &HTTPError{Status: rep.status, Body: string(snippet)}
}

// transportError marks a failure to exchange the request at all.
type transportError struct{ err error }

// Error implements error.
func (e *transportError) Error() string { return e.err.Error() }

// Unwrap gives errors.Is and errors.As the cause.
func (e *transportError) Unwrap() error { return e.err }

// transient reports whether sending the same request again may succeed.
func transient(err error) bool {
	var te *transportError
	var me *marketapi.Error
	var he *HTTPError
	var de *DecodeError
	switch {
	case err == nil, Permanent(err):
		return false
	case errors.As(err, &te), errors.As(err, &de):
		// a truncated or garbled body is usually a broken connection
		return true
	case errors.As(err, &me):
		return me.Retryable()
	case errors.As(err, &he):
		return he.Status == http.StatusTooManyRequests || he.Status >= 500
	}
	return false
}

// Permanent reports whether err cannot cure itself by waiting or sending
// again: a certificate the client does not trust (a wrong clock, an
// intercepting proxy), or a reply that breaks the contract.
func Permanent(err error) bool {
	var ce *ContractError
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var ci x509.CertificateInvalidError
	var hn x509.HostnameError
	return errors.As(err, &ce) || errors.As(err, &cv) || errors.As(err, &ua) ||
		errors.As(err, &ci) || errors.As(err, &hn)
}
