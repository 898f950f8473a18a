package sandbox

import (
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// send is a signed GET whose transport errors are returned, not fatal.
func send(t *testing.T, srv *Server, path string) (*http.Response, []byte, error) {
	c := cred(t, srv, AccountMain)
	req, err := http.NewRequest(http.MethodGet, srv.URL()+path, nil)
	require.NoError(t, err)
	require.NoError(t, apig.Signer{AK: c.AK, SK: c.SK}.Sign(req, nil, time.Now()))
	resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func TestFaults_InjectedFailures(t *testing.T) {
	cases := []struct {
		name   string
		faults Faults
		check  func(t *testing.T, resp *http.Response, body []byte, err error)
	}{
		{"error rate", Faults{ErrorRate: 1}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			require.NoError(t, err)
			assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
			assert.Equal(t, marketapi.CodeInternal, decode[marketapi.Envelope](t, body).ResultCode)
		}},
		{"429 rate", Faults{RateLimitRate: 1, RetryAfter: 3 * time.Second}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			require.NoError(t, err)
			assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
			assert.Equal(t, "3", resp.Header.Get(marketapi.HeaderRetryAfter))
			assert.Equal(t, marketapi.CodeRateLimited, decode[marketapi.Envelope](t, body).ResultCode)
		}},
		{"latency", Faults{LatencyRate: 1, Latency: 150 * time.Millisecond}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
		}},
		{"truncated body", Faults{TruncateRate: 1}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			require.Error(t, err)
			assert.True(t, errors.Is(err, io.ErrUnexpectedEOF), err)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startSandbox(t, func(o *Options) { o.Faults = tc.faults })
			began := time.Now()
			resp, body, err := send(t, srv, marketapi.ChangesPath(domain.ResOrders))
			tc.check(t, resp, body, err)
			assert.GreaterOrEqual(t, time.Since(began), tc.faults.Latency, "slowed by at least the injected latency")
		})
	}
}

func TestFaults_TruncatedActionIsAppliedOnceAndReplayed(t *testing.T) {
	// given a sandbox that cuts every answer short
	srv := startSandbox(t, func(o *Options) { o.Faults.TruncateRate = 1 })
	tk := pendingTicket(t, srv, AccountMain)
	c := cred(t, srv, AccountMain)
	post := func() error {
		body := []byte(`{"agent":"A"}`)
		req, err := http.NewRequest(http.MethodPost, srv.URL()+marketapi.ActionPath(domain.ResTickets, tk.ID, domain.ActTicketAccept), nil)
		require.NoError(t, err)
		req.Header.Set(marketapi.HeaderIdempotencyKey, "trunc-1")
		require.NoError(t, apig.Signer{AK: c.AK, SK: c.SK}.Sign(req, body, time.Now()))
		req.Body = io.NopCloser(bytesReader(body))
		req.ContentLength = int64(len(body))
		resp, err := (&http.Client{Transport: &http.Transport{}}).Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}
	// when the action is sent twice with the same key and both answers are lost
	assert.Error(t, post())
	assert.Error(t, post())
	// then it was applied exactly once
	assert.Equal(t, 1, srv.Applied(AccountMain))
	assert.Equal(t, domain.TicketProcessing, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID).Status)
}

func TestFaults_SameSeedSameFaults(t *testing.T) {
	run := func() []int {
		srv := startSandbox(t, func(o *Options) { o.Faults = Faults{ErrorRate: 0.3, RateLimitRate: 0.3} })
		var codes []int
		for range 20 {
			resp, _, err := send(t, srv, marketapi.WhoAmIPath)
			require.NoError(t, err)
			codes = append(codes, resp.StatusCode)
		}
		return codes
	}
	a, b := run(), run()
	assert.Equal(t, a, b)
	assert.Contains(t, a, http.StatusOK)
	assert.Contains(t, a, http.StatusInternalServerError)
	assert.Contains(t, a, http.StatusTooManyRequests)
}

func TestOffline_RefusesThenServesAgain(t *testing.T) {
	srv := startSandbox(t, nil)
	srv.SetOffline(true)
	_, _, err := send(t, srv, marketapi.WhoAmIPath)
	assert.Error(t, err)
	srv.SetOffline(false)
	resp, _, err := send(t, srv, marketapi.WhoAmIPath)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestOffline_DropsRequestsOnOpenConnections(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain) // uses the shared keep-alive transport
	st, _ := c.do(http.MethodGet, marketapi.WhoAmIPath, nil, nil)
	require.Equal(t, http.StatusOK, st)
	srv.SetOffline(true)
	defer srv.SetOffline(false)
	cr := cred(t, srv, AccountMain)
	req, err := http.NewRequest(http.MethodGet, srv.URL()+marketapi.WhoAmIPath, nil)
	require.NoError(t, err)
	require.NoError(t, apig.Signer{AK: cr.AK, SK: cr.SK}.Sign(req, nil, time.Now()))
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	assert.Error(t, err)
}
