package syncer

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/stretchr/testify/require"
)

const (
	testAK = "AKTEST0000000001"
	testSK = "sk-test-secret-value"
)

// testClock is a clock the test moves; sleeping on it advances it at once
// and records the wait, so a 60 s Retry-After costs no real time.
type testClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return ctx.Err()
}

func (c *testClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// seen is one request as the test server received and verified it.
type seen struct {
	Method, Path, Query string
	Date, IdemKey       string
	Body                []byte
	At                  time.Time // the server clock when it arrived
	SigErr              error
}

// signedServer starts a loopback server that verifies every request's
// signature with the real apig.Verify against now(), records it, then
// hands it to h (which gets the attempt number, from 1).
type signedServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

func newSignedServer(t *testing.T, now func() time.Time, h func(n int, w http.ResponseWriter, r *http.Request)) *signedServer {
	t.Helper()
	s := &signedServer{}
	s.Server = httptest.NewServer(s.handler(now, h))
	t.Cleanup(s.Close)
	return s
}

func (s *signedServer) handler(now func() time.Time, h func(int, http.ResponseWriter, *http.Request)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, err := apig.Verify(r, body, func(ak string) (string, bool) { return testSK, ak == testAK }, now(), 15*time.Minute)
		s.mu.Lock()
		s.reqs = append(s.reqs, seen{
			Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Date: r.Header.Get(apig.HeaderDate),
			IdemKey: r.Header.Get("X-Idempotency-Key"), Body: body, At: now(), SigErr: err,
		})
		n := len(s.reqs)
		s.mu.Unlock()
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"resultCode":"MKT.0151","resultMsg":"bad signature"}`)
			return
		}
		h(n, w, r)
	})
}

func (s *signedServer) Seen() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.reqs...)
}

// newTestClient builds a client for base with the test credentials; tweak
// adjusts the options before construction.
func newTestClient(t *testing.T, base string, tweak func(*Options)) *Client {
	t.Helper()
	opts := Options{
		BaseURL: base, Signer: apig.Signer{AK: testAK, SK: testSK},
		Timeout: 2 * time.Second, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond,
	}
	if tweak != nil {
		tweak(&opts)
	}
	c, err := NewClient(opts)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

const okOrdersPage = `{"resultCode":"MKT.0000","resultMsg":"ok","items":[{"id":"o1","account":"a","version":3,"orderType":"NEW","status":"COMPLETED","amount":1200}],"removed":[{"id":"o0","version":2}],"nextCursor":"c1","hasMore":false,"total":1}`

func signerForTest() Signer { return apig.Signer{AK: testAK, SK: testSK} }
