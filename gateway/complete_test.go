package gateway

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
)

// startMarketplace runs the sandbox as the open API order/query answers
// from, and returns a signed client for its main account.
func startMarketplace(t testing.TB) (*sandbox.Server, *syncer.Client) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 7, Clock: sandbox.NewClock(time.Now(), 0), NoArrivals: true})
	require.NoError(t, err)
	t.Cleanup(func() { cancel(); _ = sb.Close() })
	acct := sb.Accounts()[0]
	c, err := syncer.NewClient(syncer.Options{BaseURL: sb.URL(), Signer: apig.Signer{AK: acct.AK, SK: acct.SK}, MaxAttempts: 2})
	require.NoError(t, err)
	return sb, c
}

func TestANewOrderIsCompletedWithOrderQuery(t *testing.T) {
	// given a gateway whose marketplace answers order/query
	_, mkt := startMarketplace(t)
	r := newRig(t, Config{Orders: mkt})
	// when KooGallery's call for a (debug) order arrives and the gateway's background work runs
	r.call(t, `{"activity":"newInstance","orderId":"MOCKPERIODYEARNEW","orderLineId":"MOCKPERIODYEARNEW-000001","businessId":"B1"}`)
	r.gw.completeAll(context.Background())
	// then the order carries the marketplace's buyer, type and lines, and the gateway's status
	var o domain.Order
	ok, err := r.store.Get(domain.ResOrders, "MOCKPERIODYEARNEW", &o)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "mock customer", o.Buyer.CustomerName)
	assert.Equal(t, domain.OrderNew, o.Type)
	require.Len(t, o.Lines, 1)
	assert.Equal(t, domain.PeriodYear, o.Lines[0].PeriodType)
	assert.Equal(t, domain.OrderCompleted, o.Status)
	assert.Contains(t, o.Extend, domain.Param{Name: ParamInstanceID, Value: "INST-1"})
	// and it is no longer pending
	pending, err := r.store.Pending()
	require.NoError(t, err)
	assert.Empty(t, pending)
}

func TestAnOrderTheMarketplaceDoesNotKnowLeavesThePendingList(t *testing.T) {
	_, mkt := startMarketplace(t)
	r := newRig(t, Config{Orders: mkt})
	r.call(t, newInstanceBody("CSUNKNOWN"))
	r.gw.completeAll(context.Background())
	pending, err := r.store.Pending()
	require.NoError(t, err)
	assert.Empty(t, pending)
}

func TestALaterRenewalUpdatesTheOrdersExpiry(t *testing.T) {
	// given a created order
	r := newRig(t, Config{})
	r.call(t, `{"activity":"newInstance","orderId":"CSR1","orderLineId":"CSR1-000001","businessId":"B1"}`)
	// when a renewal of the same order line arrives with the new expiry
	r.call(t, `{"activity":"refreshInstance","scene":"RENEWAL","orderId":"CSR1","orderLineId":"CSR1-000001","instanceId":"INST-1","expireTime":"20281122101500"}`)
	// then the line's expiry moved
	var o domain.Order
	_, err := r.store.Get(domain.ResOrders, "CSR1", &o)
	require.NoError(t, err)
	require.Len(t, o.Lines, 1)
	assert.Equal(t, time.Date(2028, 11, 22, 10, 15, 0, 0, time.UTC), o.Lines[0].ExpireTime)
}

func TestARenewalOrChangeUnderItsOwnOrderUpdatesTheOrderThatCreatedTheInstance(t *testing.T) {
	// given an order whose instance the seller's server created
	r := newRig(t, Config{})
	r.up.answer(200, `{"resultCode":"000000","resultMsg":"ok","instanceId":"INST-77"}`)
	r.call(t, `{"activity":"newInstance","orderId":"CSORIG","orderLineId":"CSORIG-000001","businessId":"B1"}`)
	// when a renewal order and then a release arrive for that instance
	r.call(t, `{"activity":"refreshInstance","scene":"RENEWAL","orderId":"CSRENEW","orderLineId":"CSRENEW-000001","instanceId":"INST-77","expireTime":"20290101000000"}`)
	r.call(t, `{"activity":"releaseInstance","orderId":"CSUNSUB","orderLineId":"CSUNSUB-000001","instanceId":"INST-77"}`)
	// then the creating order shows the new expiry, the release and which order did it
	var o domain.Order
	_, err := r.store.Get(domain.ResOrders, "CSORIG", &o)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC), o.Lines[0].ExpireTime)
	assert.Contains(t, o.Extend, domain.Param{Name: ParamInstanceStatus, Value: "RELEASED"})
	assert.Contains(t, o.Extend, domain.Param{Name: ParamLastOrder, Value: "CSUNSUB"})
	// and the renewal is an order of its own
	var renew domain.Order
	ok, err := r.store.Get(domain.ResOrders, "CSRENEW", &renew)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, domain.OrderRenew, renew.Type)
}
