package sandbox

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/gateway/produce"
)

// failingSeller counts the calls per order it receives, checks their
// signature, and answers 000005 to all of them.
type failingSeller struct {
	mu      sync.Mutex
	calls   map[string]int
	badSigs int
}

func (f *failingSeller) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	q := r.URL.Query()
	var c struct{ Activity, OrderID string }
	_ = json.Unmarshal(body, &c)
	f.mu.Lock()
	if !strings.EqualFold(q.Get("signature"), produce.Signature("key-1", q.Get("nonce"), q.Get("timestamp"), body)) {
		f.badSigs++
	}
	f.calls[c.OrderID]++
	f.mu.Unlock()
	_, _ = io.WriteString(w, `{"resultCode":"000005","resultMsg":"down"}`)
}

func TestProducerRetriesOnTheMarketplacesScheduleThenGivesUp(t *testing.T) {
	// given a sandbox producing to a seller that always fails
	seller := &failingSeller{calls: map[string]int{}}
	srv := httptest.NewServer(seller)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb, err := Start(ctx, Options{Seed: 3, Clock: NewClock(time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), 0),
		Rates: Rates{OrdersPerHour: 6, TicketsPerHour: -1}})
	require.NoError(t, err)
	defer sb.Close()
	p, err := sb.Produce(ctx, ProduceOptions{URL: srv.URL + "/produce", Key: "key-1", Every: time.Hour})
	require.NoError(t, err)
	sb.Advance(time.Hour)
	p.Step(ctx)
	seller.mu.Lock()
	first := map[string]int{}
	for id, n := range seller.calls {
		first[id] = n
	}
	seller.mu.Unlock()
	require.NotEmpty(t, first)
	// when four hours pass in steps of the retry interval
	for range 24 {
		sb.Advance(10 * time.Minute)
		p.Step(ctx)
	}
	// then each first-hour call was retried every 10 minutes within its window, signed correctly
	seller.mu.Lock()
	defer seller.mu.Unlock()
	assert.Zero(t, seller.badSigs)
	for id := range first {
		n := seller.calls[id]
		// a 1 h window: the call and 6 retries; a 3 h window: the call and 18 retries
		assert.Contains(t, []int{7, 19}, n, "order %s called %d times", id, n)
	}
	assert.Positive(t, p.Stats().GaveUp)
}

func TestStartWithProduceSendsNewOrdersCallsByItself(t *testing.T) {
	// given a sandbox started with --produce-to's option
	seller := &failingSeller{calls: map[string]int{}}
	srv := httptest.NewServer(seller)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb, err := Start(ctx, Options{Seed: 5, Clock: NewClock(time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), 0),
		Rates:   Rates{OrdersPerHour: 6, TicketsPerHour: -1},
		Produce: ProduceOptions{URL: srv.URL + "/produce", Key: "key-1", Every: 10 * time.Millisecond}})
	require.NoError(t, err)
	defer sb.Close()
	// when orders arrive
	sb.Advance(time.Hour)
	// then their calls reach the seller without anyone stepping the producer
	assert.Eventually(t, func() bool {
		seller.mu.Lock()
		defer seller.mu.Unlock()
		return len(seller.calls) > 0
	}, 5*time.Second, 10*time.Millisecond)
}

func TestProduceRefusesPlainHTTPOffLoopbackAndAMissingKey(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Start(ctx, Options{Produce: ProduceOptions{URL: "http://example.com/produce", Key: "k"}})
	assert.ErrorContains(t, err, "loopback")
	_, err = Start(ctx, Options{Produce: ProduceOptions{URL: "http://127.0.0.1:1/produce"}})
	assert.ErrorContains(t, err, produce.EnvKey)
}
