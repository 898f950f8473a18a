package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/gateway"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/require"
)

// createWindow is how long KooGallery retries a failed newInstance before
// it unsubscribes the order (SaaS access guide: every 10 minutes for 3 hours).
const createWindow = 3 * time.Hour

// TestDayThroughTheGateway is the day's production side. KooGallery (the
// sandbox with its produce option) sends the production calls of new orders
// through the gateway, run as `merchant-console gateway` runs it, to the
// seller's server, which fails and later recovers. An agent's console whose
// account URL is the gateway shows the orders, an alert for each failed call
// with its countdown to automatic unsubscription, the countdown's warning,
// and the resolution; what the gateway does not serve is said so, not failed.
func TestDayThroughTheGateway(t *testing.T) {
	g := &gatewayDay{w: startWorld(t), seller: newSellerServer(t)}
	g.seller.answers(`{"resultCode":"000005","resultMsg":"database down"}`)
	g.gw = startGateway(t, g.w, g.seller.url())
	var err error
	g.prod, err = g.w.sb.Produce(context.Background(), sandbox.ProduceOptions{
		URL: g.gw.url + gateway.ProducePath, Key: produceKey, Every: time.Hour}) // the steps call Step
	require.NoError(t, err)
	// The console reads the seller's wall clock, as the gateway does; the
	// test moves it on when hours are to pass.
	g.wall = sandbox.NewClock(time.Now(), 1)
	g.c = g.gw.agentConsole(t, g.w, "客服-丙", g.wall.Now)
	steps := []struct {
		name string
		run  func(*testing.T)
	}{
		{"1 the console syncs what the gateway serves and says what it does not", g.served},
		{"2 failed calls show as orders processing and alerts counting down", g.failedCalls},
		{"3 the countdown warns 30 minutes before automatic unsubscription", g.warning},
		{"4 the recovered server's answers resolve every alert", g.recovery},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			t.Fatalf("step %q failed; later steps depend on it", s.name)
		}
	}
}

// gatewayDay is the state the gateway scenario carries from step to step.
type gatewayDay struct {
	w      *world
	seller *sellerServer
	gw     *runningGateway
	prod   *sandbox.Producer
	wall   *sandbox.Clock // the console's clock: real time, moved on by the test
	c      *console       // an agent's console on the gateway

	failed  int                     // calls that met the failing server (step 2)
	orders  []string                // their orders
	creates []domain.InterfaceAlert // the alerts of failed creations, as first synced
}

// gatewayOrders waits until the console holds n orders, each completed with
// the marketplace's order/query (its customer's name is the marketplace's),
// and returns their IDs.
func gatewayOrders(t *testing.T, c *console, n int) []string {
	t.Helper()
	var ids []string
	syncUntil(t, c, "the orders, completed", func() bool {
		ids = ids[:0]
		for _, o := range scanAll[domain.Order](t, c.store) {
			rec, ok := c.w.sb.Record(sandbox.AccountMain, domain.ResOrders, o.ID)
			if !ok || o.Buyer.CustomerName == "" || o.Buyer.CustomerName != rec.(domain.Order).Buyer.CustomerName {
				return false
			}
			ids = append(ids, o.ID)
		}
		return len(ids) == n
	})
	return ids
}

// gatewayAlerts waits until the console holds n alerts and returns them.
func gatewayAlerts(t *testing.T, c *console, n int) []domain.InterfaceAlert {
	t.Helper()
	var alerts []domain.InterfaceAlert
	syncUntil(t, c, "an alert per failed call", func() bool {
		alerts = scanAll[domain.InterfaceAlert](t, c.store)
		return len(alerts) == n
	})
	return alerts
}
