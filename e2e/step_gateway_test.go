package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// served: the first sync pulls orders and alerts from the gateway; tickets,
// supervision and bills are known as not served instead of failing it.
func (g *gatewayDay) served(t *testing.T) {
	// when the console syncs for the first time
	sum := g.c.mustSync(t)

	// then orders and alerts were pulled, and nothing else
	var pulled []domain.Resource
	for _, r := range sum.Resources {
		pulled = append(pulled, r.Resource)
	}
	assert.ElementsMatch(t, []domain.Resource{domain.ResOrders, domain.ResAlerts}, pulled)
	// and the cache knows what the gateway serves, for the screens to say so
	served, err := syncer.ServedResources(g.c.store)
	require.NoError(t, err)
	who := marketapi.WhoAmI{Serves: served}
	for _, res := range []domain.Resource{domain.ResOrders, domain.ResAlerts} {
		assert.True(t, who.ServesResource(res), "%s served", res)
	}
	for _, res := range []domain.Resource{domain.ResTickets, domain.ResSupervision, domain.ResBills} {
		assert.False(t, who.ServesResource(res), "%s reported as not served", res)
		assert.Empty(t, storeLines(t, g.c.store, res), "%s: nothing cached", res)
	}
}

// failedCalls: orders arrive and KooGallery's calls meet the seller's
// server with its database down. The console shows each order, processing,
// and an alert per call; each failed creation counts down from the
// marketplace's 3 hours.
func (g *gatewayDay) failedCalls(t *testing.T) {
	// when orders arrive and KooGallery makes their calls
	g.w.sb.Advance(30 * time.Minute)
	before := time.Now()
	g.prod.Step(context.Background())
	after := time.Now()
	sent := g.prod.Stats()
	require.Positive(t, sent.Orders, "seed %d brings no order in half an hour", worldSeed)
	require.Equal(t, sent.Orders, sent.Failed, "every call failed")
	require.EqualValues(t, sent.Failed, g.seller.calls.Load(), "the gateway forwarded every call")
	g.failed = sent.Failed

	// then the console shows each order, completed with the marketplace's
	// order/query but still processing, and an open, announced alert for
	// each failed call
	g.orders = gatewayOrders(t, g.c, sent.Orders)
	for _, a := range gatewayAlerts(t, g.c, sent.Failed) {
		assert.Equal(t, domain.AlertRetrying, a.State, a.ID)
		assert.Equal(t, "000005", a.LastCode, a.ID)
		assert.Contains(t, g.orders, a.OrderID, "alert %s is about an order shown", a.ID)
		assert.Equal(t, domain.OrderProcessing, get[domain.Order](t, g.c, a.OrderID).Status, a.OrderID)
		assert.NotEmpty(t, ofKind(g.c.centre.peek(), notify.KindNewAlert, a.ID), "alert %s announced", a.ID)
		if a.Kind == domain.IfaceCreateInstance {
			g.creates = append(g.creates, a)
		}
	}
	require.NotEmpty(t, g.creates, "seed %d brings no new instance in half an hour", worldSeed)
	g.c.centre.take()

	// and each failed creation counts down 3 hours from its first failure
	for _, a := range g.creates {
		assert.WithinRange(t, a.FirstFailureAt, before.Add(-time.Millisecond), after.Add(time.Millisecond), a.ID)
		assert.True(t, a.UnsubscribeAt.Equal(a.FirstFailureAt.Add(createWindow)), "%s: unsubscribed at %s", a.ID, a.UnsubscribeAt)
		left, ok := a.Countdown(g.c.now())
		require.True(t, ok, a.ID)
		assert.LessOrEqual(t, left, createWindow, a.ID)
		assert.Greater(t, left, createWindow-time.Since(before), a.ID)
		dl, ok := deadlineOf(t, g.c, a.ID)
		require.True(t, ok, "%s among the running countdowns", a.ID)
		assert.Equal(t, "unsubscribe", dl.Kind)
		assert.True(t, dl.At.Equal(a.UnsubscribeAt), a.ID)
	}
}

// warning: the server still down, the console's clock runs to 31 and then
// 29 minutes before the first automatic unsubscription; one urgent warning
// covers every creation about to be unsubscribed.
func (g *gatewayDay) warning(t *testing.T) {
	// given the first unsubscription
	first := g.creates[0].UnsubscribeAt
	for _, a := range g.creates {
		if a.UnsubscribeAt.Before(first) {
			first = a.UnsubscribeAt
		}
	}

	// when the console's clock reaches 31 minutes before it
	g.wall.Advance(first.Add(-31 * time.Minute).Sub(g.wall.Now()))
	g.c.tick(t)

	// then it is too early for a warning
	assert.Empty(t, ofKind(g.c.centre.take(), notify.KindAlertCountdown, ""), "31 minutes left")

	// when it reaches 29 minutes before
	g.wall.Advance(2 * time.Minute)
	g.c.tick(t)

	// then one urgent warning covers every creation, and the cache counts
	// 29 minutes down to the first
	got := ofKind(g.c.centre.take(), notify.KindAlertCountdown, "")
	require.Len(t, got, 1, "one countdown warning for the batch")
	assert.True(t, got[0].Urgent)
	assert.Len(t, got[0].RecordIDs, len(g.creates), "only creations are unsubscribed automatically")
	for _, a := range g.creates {
		assert.Contains(t, got[0].RecordIDs, a.ID)
	}
	assert.Contains(t, got[0].Title, fmt.Sprintf("%d orders about to be unsubscribed", len(g.creates)))
	dls := deadlines(t, g.c)
	require.NotEmpty(t, dls)
	assert.True(t, dls[0].At.Equal(first))
	assert.InDelta(t, 29*time.Minute, dls[0].At.Sub(g.c.now()), float64(time.Minute), "time left on the first")
}

// recovery: the seller's server comes back and KooGallery's next retry
// succeeds; the console shows every alert resolved with no countdown, every
// order completed, and warns no more.
func (g *gatewayDay) recovery(t *testing.T) {
	// when the server recovers and the marketplace's retry falls due
	g.seller.answers(`{"resultCode":"000000","resultMsg":"success","instanceId":"INST-E2E"}`)
	g.w.sb.Advance(10 * time.Minute)
	g.prod.Step(context.Background())
	now := g.prod.Stats()
	require.Equal(t, g.failed, now.Failed, "no call failed any more")
	require.Equal(t, g.failed+now.Orders-len(g.orders), now.Succeeded, "every retry succeeded, and the calls of orders placed meanwhile")

	// then the console shows every alert resolved, with no countdown left
	syncUntil(t, g.c, "every alert resolved", func() bool {
		for _, a := range scanAll[domain.InterfaceAlert](t, g.c.store) {
			if a.State != domain.AlertResolved {
				return false
			}
		}
		return true
	})
	assert.Len(t, scanAll[domain.InterfaceAlert](t, g.c.store), g.failed, "a success opens no alert")
	for _, a := range g.creates {
		_, ok := deadlineOf(t, g.c, a.ID)
		assert.False(t, ok, "%s: a resolved alert has no countdown", a.ID)
	}
	// and every order reads as completed
	for _, id := range gatewayOrders(t, g.c, now.Orders) {
		assert.Equal(t, domain.OrderCompleted, get[domain.Order](t, g.c, id).Status, id)
	}
	// and no more warning comes, not even at the 10-minute lead
	g.wall.Advance(20 * time.Minute)
	g.c.tick(t)
	assert.Empty(t, ofKind(g.c.centre.take(), notify.KindAlertCountdown, ""))
}
