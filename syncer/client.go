package syncer

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
)

// Signer signs a request over the exact body bytes sent; apig.Signer
// implements it. It is an interface so the client does not care where the
// keys live.
type Signer interface {
	Sign(r *http.Request, body []byte, now time.Time) error
}

// Defaults for Options fields left zero.
const (
	DefaultTimeout       = 20 * time.Second
	DefaultMaxBody       = 32 << 20
	DefaultMaxAttempts   = 6
	DefaultBaseDelay     = 250 * time.Millisecond
	DefaultMaxDelay      = 30 * time.Second
	DefaultMaxRetryAfter = 10 * time.Minute
)

// Options configure a Client. Only Signer and one of Site / BaseURL are required.
type Options struct {
	Site    config.Site // a marketplace site, used when BaseURL is empty
	BaseURL string      // a seller gateway or the sandbox; http only on loopback
	Signer  Signer
	// RootCAs replaces the system roots (a test's own CA, a company proxy's
	// CA). Certificates are always verified; there is no way to skip it.
	RootCAs *x509.CertPool
	// Timeout bounds one attempt, from sending to the last byte of the reply.
	Timeout time.Duration
	// MaxBody is the largest reply accepted, in bytes.
	MaxBody int64
	// MaxAttempts counts the first try; 1 disables retries.
	MaxAttempts int
	// BaseDelay and MaxDelay shape the exponential backoff (with jitter).
	BaseDelay, MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits out inside
	// one call; a longer one fails the call (the client still refuses to
	// send before it elapses).
	MaxRetryAfter time.Duration
	// PageSize is the limit asked for on change listings.
	PageSize int
	// Sleep waits d or until ctx ends; tests inject one that records waits.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock used for signing and Retry-After dates.
	Now func() time.Time
	// Transport replaces the HTTP transport (its TLS settings are then the
	// caller's); nil builds a strict one.
	Transport http.RoundTripper

	// dial replaces the dialer; tests use it to reach a loopback server under
	// a public host name, so certificate checks see a non-loopback name.
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// Client talks to one marketplace account: every request is signed, retried
// where safe, and bounded in time and size.
type Client struct {
	opts    Options
	base    string
	rc      *resty.Client
	mu      sync.Mutex
	holdTil time.Time // no request leaves before this (a server's Retry-After)
	// holdSink keeps a new holdTil beyond this process (see Engine.restoreHold).
	holdSink func(time.Time) error
	// attemptSink hears every attempt's outcome (see probe.go).
	attemptSink func(error)
	attemptGen  uint64 // which setAttemptSink call attemptSink is from
}

// NewClient builds a client from opts.
func NewClient(opts Options) (*Client, error) {
	if opts.Signer == nil {
		return nil, errors.New("sync client: no signer (AK/SK) configured")
	}
	raw := opts.BaseURL
	if raw == "" {
		raw = opts.Site.BaseURL()
	}
	if raw == "" {
		return nil, fmt.Errorf("sync client: unknown marketplace site %q and no base URL", opts.Site)
	}
	// https anywhere, plain http only to a loopback host (the sandbox)
	if err := config.ValidateBaseURL(raw); err != nil {
		return nil, err
	}
	base := strings.TrimRight(raw, "/")
	opts = withDefaults(opts)
	c := &Client{opts: opts, base: base}
	c.rc = c.newResty()
	return c, nil
}

func withDefaults(o Options) Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.BaseDelay <= 0 {
		o.BaseDelay = DefaultBaseDelay
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = DefaultMaxDelay
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if o.PageSize <= 0 {
		o.PageSize = 500
	}
	if o.Sleep == nil {
		o.Sleep = sleepCtx
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// BaseURL is the URL requests go to.
func (c *Client) BaseURL() string { return c.base }

// newResty builds the resty client. Resty's own retry loop is off: it sleeps
// on a real timer and clamps Retry-After to its max wait, while the contract
// needs the server's wait honoured exactly and tests need to observe it, so
// the loop lives in call().
func (c *Client) newResty() *resty.Client {
	rc := resty.New().SetBaseURL(c.base).SetRetryCount(0).SetDoNotParseResponse(true)
	rc.SetTransport(c.transport())
	rc.SetRedirectPolicy(resty.NoRedirectPolicy())
	rc.SetLogger(quietLogger{})
	// Sign last, on the raw request about to leave, over the exact body
	// bytes; each attempt is a new raw request, so each gets a fresh date.
	rc.SetPreRequestHook(func(_ *resty.Client, r *http.Request) error {
		return c.opts.Signer.Sign(r, bodyFrom(r.Context()), c.opts.Now())
	})
	return rc
}

// transport is strict: TLS 1.2+, verified against the system roots or the
// caller's pool. InsecureSkipVerify is never set anywhere in this package.
func (c *Client) transport() http.RoundTripper {
	if c.opts.Transport != nil {
		return c.opts.Transport
	}
	dial := c.opts.dial
	if dial == nil {
		dial = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dial,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: c.opts.RootCAs},
		TLSHandshakeTimeout:   10 * time.Second,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
		ResponseHeaderTimeout: c.opts.Timeout,
	}
}

// Close releases idle connections.
func (c *Client) Close() {
	if t, ok := c.rc.GetClient().Transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting %s before retrying: %w", d, ctx.Err())
	}
}

type bodyKey struct{}

func withBody(ctx context.Context, body []byte) context.Context {
	return context.WithValue(ctx, bodyKey{}, body)
}

func bodyFrom(ctx context.Context) []byte {
	b, _ := ctx.Value(bodyKey{}).([]byte)
	return b
}

// quietLogger drops resty's own log lines: they could carry headers, and
// the engine reports errors through its state instead.
type quietLogger struct{}

func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Warnf(string, ...any)  {}
func (quietLogger) Debugf(string, ...any) {}

// OptionsFor are the client options of a configured account: its site or
// base URL, and its AK/SK (from package credentials, never from a file).
func OptionsFor(a config.Account, ak, sk string) Options {
	return Options{Site: a.Site, BaseURL: a.Endpoint(), Signer: apig.Signer{AK: ak, SK: sk}}
}
