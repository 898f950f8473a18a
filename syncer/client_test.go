package syncer

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClient_SignsEveryAttemptAfresh(t *testing.T) {
	// given a server that fails twice with 503 and a clock that moves on each wait
	clk := newTestClock()
	srv := newSignedServer(t, clk.Now, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, okOrdersPage)
	})
	c := newTestClient(t, srv.URL, func(o *Options) {
		o.Now, o.Sleep, o.BaseDelay, o.MaxDelay = clk.Now, clk.Sleep, 2*time.Second, time.Minute
	})

	// when a page is fetched
	page, err := c.Changes(context.Background(), domain.ResOrders, "c0", Owner{})

	// then each of the three attempts carried a valid signature with its own date
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	reqs := srv.Seen()
	require.Len(t, reqs, 3)
	dates := map[string]bool{}
	for _, r := range reqs {
		assert.NoError(t, r.SigErr)
		assert.Equal(t, "cursor=c0&limit=500", r.Query)
		dates[r.Date] = true
	}
	assert.Len(t, dates, 3, "every retry is re-signed with a fresh X-Sdk-Date")
}

func TestClient_RetryAfterHonouredExactly(t *testing.T) {
	tests := []struct {
		name  string
		value func(now time.Time) string
		want  time.Duration
	}{
		{"seconds", func(time.Time) string { return "60" }, 60 * time.Second},
		{"http date", func(now time.Time) string { return now.Add(90 * time.Second).Format(http.TimeFormat) }, 90 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a server that rate-limits the first request
			clk := newTestClock()
			srv := newSignedServer(t, clk.Now, func(n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					w.Header().Set("Retry-After", tt.value(clk.Now()))
					w.WriteHeader(http.StatusTooManyRequests)
					_, _ = io.WriteString(w, `{"resultCode":"MKT.0250","resultMsg":"slow down"}`)
					return
				}
				_, _ = io.WriteString(w, okOrdersPage)
			})
			c := newTestClient(t, srv.URL, func(o *Options) { o.Now, o.Sleep = clk.Now, clk.Sleep })

			// when a page is fetched
			_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

			// then the client waited exactly what the server asked, then sent again
			require.NoError(t, err)
			assert.Equal(t, []time.Duration{tt.want}, clk.Sleeps())
			reqs := srv.Seen()
			require.Len(t, reqs, 2)
			assert.Equal(t, tt.want, reqs[1].At.Sub(reqs[0].At), "second request no earlier than Retry-After")
		})
	}
}

func TestClient_RetryAfterRealWaitOverLoopback(t *testing.T) {
	// given a real clock and a server that asks for 1 s
	srv := newSignedServer(t, time.Now, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, okOrdersPage)
	})
	c := newTestClient(t, srv.URL, nil)

	// when a page is fetched
	_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

	// then the second request arrived at least a second after the first
	require.NoError(t, err)
	reqs := srv.Seen()
	require.Len(t, reqs, 2)
	assert.GreaterOrEqual(t, reqs[1].At.Sub(reqs[0].At), time.Second)
}

func TestClient_RetryAfterBeyondLimitFailsWithoutSending(t *testing.T) {
	// given a server that asks for an hour, longer than the client's limit
	clk := newTestClock()
	srv := newSignedServer(t, clk.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.Now, o.Sleep, o.MaxRetryAfter = clk.Now, clk.Sleep, time.Minute })

	// when a page is fetched
	_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

	// then the call fails with the wait, and a later call still waits it out first
	var rae *RetryAfterError
	require.ErrorAs(t, err, &rae)
	assert.Equal(t, time.Hour, rae.Wait)
	assert.Len(t, srv.Seen(), 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Changes(ctx, domain.ResOrders, "", Owner{})
	require.Error(t, err)
	assert.Len(t, srv.Seen(), 1, "nothing sent before the hour is up")
}

func TestClient_StrictTLS(t *testing.T) {
	// given a TLS server whose certificate no system root signs
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, okOrdersPage)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are the point
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	toServer := func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	tests := []struct {
		name    string
		base    string
		roots   *x509.CertPool
		wantErr string
	}{
		{"public name, system roots", "https://example.com:" + port, nil, "certificate"},
		{"loopback, system roots", srv.URL, nil, "certificate"},
		{"public name, test CA", "https://example.com:" + port, pool, ""},
		{"loopback, test CA", srv.URL, pool, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, tt.base, func(o *Options) { o.RootCAs, o.dial, o.MaxAttempts = tt.roots, toServer, 1 })
			_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			var ue x509.UnknownAuthorityError
			assert.True(t, errors.As(err, &ue) || errors.As(err, new(*tls.CertificateVerificationError)), "got %v", err)
		})
	}
}

func TestNewClient_RefusesPlainHTTPBeyondLoopback(t *testing.T) {
	tests := []struct {
		base string
		ok   bool
	}{
		{"http://127.0.0.1:8080", true},
		{"http://localhost:8080", true},
		{"http://[::1]:8080", true},
		{"https://mkt.example.com", true},
		{"http://mkt.myhuaweicloud.com", false},
		{"http://10.0.0.5:8080", false},
		{"ftp://127.0.0.1", false},
		{"127.0.0.1:8080", false},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			_, err := NewClient(Options{BaseURL: tt.base, Signer: signerForTest()})
			assert.Equal(t, tt.ok, err == nil, "err=%v", err)
		})
	}
}

func TestNewClient_Sites(t *testing.T) {
	for site, want := range map[config.Site]string{config.SiteChina: "https://mkt.myhuaweicloud.com", config.SiteIntl: "https://mkt-intl.myhuaweicloud.com", config.SiteEurope: "https://mkt.myhuaweicloud.eu"} {
		c, err := NewClient(Options{Site: site, Signer: signerForTest()})
		require.NoError(t, err)
		assert.Equal(t, want, c.BaseURL())
	}
	_, err := NewClient(Options{Site: "mars", Signer: signerForTest()})
	assert.ErrorContains(t, err, "unknown marketplace site")
	_, err = NewClient(Options{Site: config.SiteCustom, Signer: signerForTest()})
	assert.ErrorContains(t, err, "no base URL")
}

func TestClient_ResponseSizeLimit(t *testing.T) {
	big := `{"resultCode":"MKT.0000","items":[],"pad":"` + strings.Repeat("x", 4096) + `"}`
	tests := []struct {
		name    string
		chunked bool
	}{{"declared length", false}, {"chunked", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a reply bigger than the limit
			srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
				if !tt.chunked {
					w.Header().Set("Content-Length", fmt.Sprint(len(big)))
				}
				_, _ = io.WriteString(w, big)
				if tt.chunked {
					w.(http.Flusher).Flush()
				}
			})
			c := newTestClient(t, srv.URL, func(o *Options) { o.MaxBody = 1024 })

			// when a page is fetched
			_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

			// then it fails clearly, without retrying a reply that will not shrink
			require.ErrorIs(t, err, ErrTooLarge)
			assert.Contains(t, err.Error(), "limit 1024 bytes")
			assert.Len(t, srv.Seen(), 1)
		})
	}
}

func TestClient_TimeoutThenRetry(t *testing.T) {
	// given a server whose first answer comes after the per-request timeout
	srv := newSignedServer(t, time.Now, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
			return
		}
		_, _ = io.WriteString(w, okOrdersPage)
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.Timeout = 200 * time.Millisecond })

	// when a page is fetched
	page, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

	// then the slow attempt was abandoned and the retry succeeded
	require.NoError(t, err)
	assert.Equal(t, "c1", page.NextCursor)
	assert.Len(t, srv.Seen(), 2)
}

func TestClient_ContextCancelStopsPromptly(t *testing.T) {
	// given a server that never answers within the test
	srv := newSignedServer(t, time.Now, func(_ int, _ http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.Timeout = time.Minute })
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()

	// when the caller's context ends
	_, err := c.Changes(ctx, domain.ResOrders, "", Owner{})

	// then the call returns the context's error, without retries
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Len(t, srv.Seen(), 1)
}

func TestClient_ActionRetriesOnlyWithItsKey(t *testing.T) {
	// given a server that fails twice before applying an action
	srv := newSignedServer(t, time.Now, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		_, _ = io.WriteString(w, `{"resultCode":"MKT.0000","data":{"id":"t1","version":7,"status":"PROCESSING"}}`)
	})
	c := newTestClient(t, srv.URL, nil)
	act := domain.Action{Key: "k-123", Resource: domain.ResTickets, RecordID: "t1", Name: domain.ActTicketAccept, Params: domain.ActionParams{Agent: "Li"}}

	// when the action is sent
	out, err := c.Act(context.Background(), act)

	// then every attempt carried the same key and the same signed body
	require.NoError(t, err)
	assert.Equal(t, int64(7), out.Record.RecordMeta().Version)
	reqs := srv.Seen()
	require.Len(t, reqs, 3)
	for _, r := range reqs {
		assert.Equal(t, "k-123", r.IdemKey)
		assert.Equal(t, marketapi.ActionPath(domain.ResTickets, "t1", domain.ActTicketAccept), r.Path)
		assert.JSONEq(t, `{"agent":"Li"}`, string(r.Body))
		assert.NoError(t, r.SigErr)
	}

	// and an action without a key is never sent
	act.Key = ""
	_, err = c.Act(context.Background(), act)
	require.ErrorIs(t, err, ErrNoIdempotencyKey)
	assert.Len(t, srv.Seen(), 3)
}

func TestClient_RejectionIsTypedAndNotRetried(t *testing.T) {
	// given a server that refuses the action: another agent was first
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusConflict)
		_, _ = io.WriteString(w, `{"resultCode":"MKT.0150","resultMsg":"ticket already accepted","reason":"ALREADY_ACCEPTED"}`)
	})
	c := newTestClient(t, srv.URL, nil)

	// when the action is sent
	_, err := c.Act(context.Background(), domain.Action{Key: "k", Resource: domain.ResTickets, RecordID: "t1", Name: domain.ActTicketAccept})

	// then the error carries the reason and the request went once
	var me *marketapi.Error
	require.ErrorAs(t, err, &me)
	assert.Equal(t, marketapi.ReasonAlreadyAccepted, me.Reason)
	assert.Equal(t, http.StatusConflict, me.HTTPStatus)
	assert.Len(t, srv.Seen(), 1)
}

func TestClient_BadRepliesGiveTypedErrors(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		wantType string
		wantMsg  string
	}{
		{"malformed json", 200, `{"resultCode":"MKT.0000","items":[{]}`, "decode", "malformed JSON"},
		{"truncated", 200, okOrdersPage[:len(okOrdersPage)/2], "decode", "truncated JSON"},
		{"wrong type in the envelope", 200, `{"resultCode":"MKT.0000","items":[],"hasMore":"yes"}`, "decode", "wrong type"},
		{"items not a list", 200, `{"resultCode":"MKT.0000","items":{"id":"o1"}}`, "decode", "wrong type"},
		{"no envelope", 200, `{"items":[]}`, "decode", "no resultCode"},
		{"hasMore without a cursor", 200, `{"resultCode":"MKT.0000","items":[],"hasMore":true}`, "contract", "nextCursor"},
		{"negative total", 200, `{"resultCode":"MKT.0000","items":[],"total":-3}`, "contract", "negative total"},
		{"removal without id", 200, `{"resultCode":"MKT.0000","items":[],"removed":[{"version":2}]}`, "contract", "removal 0 has no id"},
		{"envelope error on 200", 200, `{"resultCode":"MKT.0101","resultMsg":"unknown cursor"}`, "market", "MKT.0101"},
		{"envelope error on 400", 400, `{"resultCode":"MKT.0101","resultMsg":"unknown cursor"}`, "market", "unknown cursor"},
		{"html error page", 404, `<html>not found</html>`, "http", "HTTP 404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.body)
			})
			c := newTestClient(t, srv.URL, func(o *Options) { o.MaxAttempts = 2 })

			_, err := c.Changes(context.Background(), domain.ResOrders, "x", Owner{})

			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantMsg)
			switch tt.wantType {
			case "decode":
				var de *DecodeError
				assert.ErrorAs(t, err, &de)
			case "market":
				var me *marketapi.Error
				require.ErrorAs(t, err, &me)
				assert.Equal(t, tt.status, me.HTTPStatus)
			case "http":
				var he *HTTPError
				assert.ErrorAs(t, err, &he)
			case "contract":
				var ce *ContractError
				assert.ErrorAs(t, err, &ce)
				assert.Len(t, srv.Seen(), 1, "a contract breach is not retried")
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"7", 7 * time.Second, true},
		{" 60 ", 60 * time.Second, true},
		{now.Add(2 * time.Minute).Format(http.TimeFormat), 2 * time.Minute, true},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
		{"-3", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestBackoffGrowsWithJitterWithinCap(t *testing.T) {
	for attempt := 1; attempt <= 10; attempt++ {
		want := min(time.Second<<(attempt-1), 20*time.Second)
		for range 50 {
			d := backoff(attempt, time.Second, 20*time.Second)
			assert.GreaterOrEqual(t, d, want/2)
			assert.LessOrEqual(t, d, want)
		}
	}
}

func TestOptionsFor_ConfiguredAccount(t *testing.T) {
	tests := []struct {
		acct config.Account
		want string
	}{
		{config.Account{Name: "intl", Site: config.SiteIntl}, "https://mkt-intl.myhuaweicloud.com"},
		{config.Account{Name: "gw", Site: config.SiteCustom, BaseURL: "https://gw.example.com/"}, "https://gw.example.com"},
	}
	for _, tt := range tests {
		c, err := NewClient(OptionsFor(tt.acct, testAK, testSK))
		require.NoError(t, err)
		assert.Equal(t, tt.want, c.BaseURL())
	}
}

func TestClient_RetryAfterBindsTheNextCall(t *testing.T) {
	// given a client that gives up at once and a server that asks for 30 s
	clk := newTestClock()
	srv := newSignedServer(t, clk.Now, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, okOrdersPage)
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.Now, o.Sleep, o.MaxAttempts = clk.Now, clk.Sleep, 1 })
	_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})
	var ae *AttemptsError
	require.ErrorAs(t, err, &ae)

	// when the next call is made straight away
	_, err = c.Changes(context.Background(), domain.ResOrders, "", Owner{})

	// then it first waited out the 30 s
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{30 * time.Second}, clk.Sleeps())
	reqs := srv.Seen()
	require.Len(t, reqs, 2)
	assert.Equal(t, 30*time.Second, reqs[1].At.Sub(reqs[0].At))
}

func TestClient_ItemsThatDoNotDecodeAreSetAsideNotFatal(t *testing.T) {
	// given a page whose second item has a version of the wrong type and whose third has no id
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"resultCode":"MKT.0000","items":[`+
			`{"id":"o1","version":1,"status":"COMPLETED"},{"id":"o2","version":"three"},{"version":1}],"nextCursor":"c9"}`)
	})
	c := newTestClient(t, srv.URL, nil)

	// when the page is fetched
	page, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

	// then the readable items come through, the unreadable one is set aside with its reason
	require.NoError(t, err)
	assert.Len(t, page.Items, 2, "the item without an id is left to the store, which sets it aside")
	require.Len(t, page.SetAside, 1)
	assert.Equal(t, "o2", page.SetAside[0].ID)
	assert.Contains(t, page.SetAside[0].Reason, `field "Meta.version" has the wrong type`)
	assert.Equal(t, "c9", page.NextCursor)
}

func TestClient_AnUntrustedCertificateIsNotRetried(t *testing.T) {
	// given a TLS server whose certificate the client does not trust, counting handshakes
	var handshakes atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, okOrdersPage)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			handshakes.Add(1)
		}
	}
	srv.StartTLS()
	defer srv.Close()
	clk := newTestClock()
	c := newTestClient(t, srv.URL, func(o *Options) { o.MaxAttempts, o.Sleep, o.Now = 6, clk.Sleep, clk.Now })

	// when a page is asked for
	_, err := c.Changes(context.Background(), domain.ResOrders, "", Owner{})

	// then the error is permanent: one connection, no backoff, no "gave up after 6 attempts"
	require.Error(t, err)
	assert.True(t, Permanent(err), "got %v", err)
	assert.NotContains(t, err.Error(), "gave up after")
	assert.Equal(t, int32(1), handshakes.Load())
	assert.Empty(t, clk.Sleeps())
}
