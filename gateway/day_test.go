package gateway

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
)

// TestTheSandboxsCallsThroughTheGatewayReachTheConsole is the whole path on
// one machine: the sandbox plays KooGallery and sends its new orders'
// production calls to the gateway, the seller's server fails and then
// recovers, and a console syncing from the gateway sees the alerts, their
// countdown, and their resolution.
func TestTheSandboxsCallsThroughTheGatewayReachTheConsole(t *testing.T) {
	// given a sandbox marketplace on a stopped clock, a gateway in front of a failing upstream
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 11, Clock: sandbox.NewClock(time.Now(), 0),
		Rates: sandbox.Rates{OrdersPerHour: 12, TicketsPerHour: -1}})
	require.NoError(t, err)
	defer sb.Close()
	main := sb.Accounts()[0]
	mkt, err := syncer.NewClient(syncer.Options{BaseURL: sb.URL(), Signer: apig.Signer{AK: main.AK, SK: main.SK}, MaxAttempts: 2})
	require.NoError(t, err)
	r := newRig(t, Config{Orders: mkt})
	r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"database down"}`)
	prod, err := sb.Produce(ctx, sandbox.ProduceOptions{URL: r.url + ProducePath, Key: testKey, Every: time.Hour})
	require.NoError(t, err)
	con := newConsole(t, r, "alice")

	// when orders arrive and KooGallery's calls fail
	sb.Advance(time.Hour)
	prod.Step(ctx)
	r.gw.cfg.Journal.Flush(5 * time.Second)
	sent := prod.Stats()
	require.Positive(t, sent.Failed, "no production call was made")
	require.Equal(t, sent.Failed, prod.Waiting(), "every failure waits for a retry")
	_, err = con.eng.Sync(ctx)
	require.NoError(t, err)

	// then the console shows an open alert per failed call, creations with their countdown
	alerts, _, err := localstore.List[domain.InterfaceAlert](con.store, localstore.Query{Limit: 1000})
	require.NoError(t, err)
	require.Len(t, alerts, sent.Failed)
	creates := 0
	for _, a := range alerts {
		assert.Equal(t, domain.AlertRetrying, a.State, a.ID)
		if a.Kind == domain.IfaceCreateInstance {
			creates++
			left, ok := a.Countdown(r.clock.Now())
			assert.True(t, ok)
			assert.Equal(t, 3*time.Hour, left)
		}
	}
	assert.Positive(t, creates)

	// when the seller's server recovers and the marketplace's retry falls due
	r.up.answer(http.StatusOK, `{"resultCode":"000000","resultMsg":"success","instanceId":"INST-OK"}`)
	sb.Advance(10 * time.Minute)
	prod.Step(ctx)
	r.gw.cfg.Journal.Flush(5 * time.Second)
	r.gw.completeAll(ctx)
	_, err = con.eng.Sync(ctx)
	require.NoError(t, err)

	// then every alert is resolved on the console, and the orders are completed with order/query
	alerts, _, err = localstore.List[domain.InterfaceAlert](con.store, localstore.Query{Limit: 1000})
	require.NoError(t, err)
	for _, a := range alerts {
		assert.Equal(t, domain.AlertResolved, a.State, a.ID)
		_, counting := a.Countdown(r.clock.Now())
		assert.False(t, counting)
	}
	orders, _, err := localstore.List[domain.Order](con.store, localstore.Query{Limit: 1000})
	require.NoError(t, err)
	require.Len(t, orders, prod.Stats().Orders)
	for _, o := range orders {
		want, ok := sb.Record(main.ID, domain.ResOrders, o.ID)
		require.True(t, ok, o.ID)
		assert.Equal(t, want.(domain.Order).Buyer.CustomerName, o.Buyer.CustomerName, o.ID)
		assert.Equal(t, domain.OrderCompleted, o.Status, o.ID)
	}
	assert.Equal(t, gatewayVersions[domain.Order](t, r.store, domain.ResOrders), consoleVersions[domain.Order](t, con.store))
	assert.Equal(t, gatewayVersions[domain.InterfaceAlert](t, r.store, domain.ResAlerts), consoleVersions[domain.InterfaceAlert](t, con.store))
}
