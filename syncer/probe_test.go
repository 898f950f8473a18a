package syncer

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/marketapi"
)

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return "http://" + addr
}

func TestProbe_NamesWhyTheMarketplaceCannotBeReached(t *testing.T) {
	// given a closed port and a server that fails every request
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer failing.Close()

	// when each is probed, then the cause is the one a person can act on
	err := newTestClient(t, closedPort(t), nil).Probe(context.Background())
	assert.Equal(t, CauseRefused, CauseOf(err), "%v", err)
	err = newTestClient(t, failing.URL, nil).Probe(context.Background())
	assert.Equal(t, CauseServer, CauseOf(err), "%v", err)
	assert.Equal(t, CauseNone, CauseOf(nil))
}

func TestProbe_AnyAnswerMeansTheMarketplaceIsBack(t *testing.T) {
	// given a server that refuses the keys (401): it is there
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer srv.Close()

	// when probed, then it counts as reachable
	require.NoError(t, newTestClient(t, srv.URL, nil).Probe(context.Background()))
}

func TestProbe_NeverCutsARetryAfterShort(t *testing.T) {
	// given a server that asked for a minute's pause
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set(marketapi.HeaderRetryAfter, "60")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, nil)
	require.Error(t, c.Probe(context.Background()))
	require.EqualValues(t, 1, hits.Load())

	// when probed again within the minute
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	err := c.Probe(ctx)

	// then nothing is sent and the wait is named
	assert.EqualValues(t, 1, hits.Load())
	assert.Equal(t, CauseRateLimited, CauseOf(err))
}
