package gateway

import (
	"net/http"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

const newAlertID = "GW-CREATE_INSTANCE-CSFAIL1/CSFAIL1-000001"

func TestFailuresOpenAnAlertWithTheWindowAndCountdown(t *testing.T) {
	cases := map[string]struct {
		break_   func(r *rig)
		wantCode string
		status   int
	}{
		"upstream answering 000005": {func(r *rig) {
			r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"db down"}`)
		}, "000005", http.StatusOK},
		"upstream answering HTTP 500 without an envelope": {func(r *rig) {
			r.up.answer(http.StatusInternalServerError, `oops`)
		}, "HTTP_500", http.StatusInternalServerError},
		"upstream down": {func(r *rig) {
			r.up.srv.Close()
		}, "UNREACHABLE", http.StatusBadGateway},
		"upstream slower than the timeout": {func(r *rig) {
			r.up.set(func(w http.ResponseWriter, _ []byte) { time.Sleep(300 * time.Millisecond) })
		}, "TIMEOUT", http.StatusBadGateway},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			// given a failing upstream
			r := newRig(t, Config{})
			r.gw.cfg.Forwarder.Timeout = 100 * time.Millisecond
			c.break_(r)
			first := r.clock.Now()
			// when KooGallery's create-instance call fails
			got := r.call(t, newInstanceBody("CSFAIL1"))
			// then KooGallery gets the failure
			assert.Equal(t, c.status, got.Status)
			// and an alert is open with the 3 h window and its countdown
			a := r.alert(t, newAlertID)
			assert.Equal(t, domain.AlertRetrying, a.State)
			assert.Equal(t, domain.IfaceCreateInstance, a.Kind)
			assert.Equal(t, c.wantCode, a.LastCode)
			assert.Equal(t, 1, a.Attempts)
			assert.True(t, a.UnsubscribeAt.Equal(first.Add(3*time.Hour)), "unsubscribe at %s", a.UnsubscribeAt)
			left, ok := a.Countdown(first.Add(time.Hour))
			assert.True(t, ok)
			assert.Equal(t, 2*time.Hour, left)
			// and the order shows 处理中
			var o domain.Order
			ok, err := r.store.Get(domain.ResOrders, "CSFAIL1", &o)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, domain.OrderProcessing, o.Status)
		})
	}
}

func TestALaterSuccessOfTheSameCallResolvesTheAlert(t *testing.T) {
	// given an alert opened by a failed create call and a second failure
	r := newRig(t, Config{})
	r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"db down"}`)
	r.call(t, newInstanceBody("CSFAIL1"))
	r.clock.Advance(10 * time.Minute)
	r.call(t, newInstanceBody("CSFAIL1"))
	require.Equal(t, 2, r.alert(t, newAlertID).Attempts)
	// when the seller fixes the server and KooGallery retries
	r.up.answer(http.StatusOK, `{"resultCode":"000000","resultMsg":"success","instanceId":"INST-9"}`)
	r.clock.Advance(10 * time.Minute)
	r.call(t, newInstanceBody("CSFAIL1"))
	// then the alert is resolved and its countdown gone
	a := r.alert(t, newAlertID)
	assert.Equal(t, domain.AlertResolved, a.State)
	assert.Equal(t, 3, a.Attempts)
	_, counting := a.Countdown(r.clock.Now())
	assert.False(t, counting)
	// and the order is completed with its instance
	var o domain.Order
	_, err := r.store.Get(domain.ResOrders, "CSFAIL1", &o)
	require.NoError(t, err)
	assert.Equal(t, domain.OrderCompleted, o.Status)
	assert.Contains(t, o.Extend, domain.Param{Name: ParamInstanceID, Value: "INST-9"})
}

func TestAsynchronousCreationAnswering000004IsNoFailure(t *testing.T) {
	r := newRig(t, Config{})
	r.up.answer(http.StatusOK, `{"resultCode":"000004","resultMsg":"creating","instanceId":"INST-2"}`)
	r.call(t, newInstanceBody("CSASYNC"))
	var a domain.InterfaceAlert
	ok, err := r.store.Get(domain.ResAlerts, "GW-CREATE_INSTANCE-CSASYNC/CSASYNC-000001", &a)
	require.NoError(t, err)
	assert.False(t, ok, "000004 on newInstance opened an alert")
}

func TestWindowsFollowTheMarketplacesPublishedRetries(t *testing.T) {
	cases := map[string]struct {
		body, id    string
		window      time.Duration
		unsubscribe bool
	}{
		"release: 1 h, manual restart only": {activityBodies[produce.ActReleaseInstance], "GW-RELEASE-CSREL01/CSREL01-000001", time.Hour, false},
		"renew: 1 h, manual restart only":   {activityBodies[produce.ActRefreshInstance], "GW-RENEW-CSREN01/CSREN01-000001", time.Hour, false},
		"order notification: 3 h":           {activityBodies[produce.ActOrderNotify], "GW-ORDER_NOTIFY-CSNOT01/CSNOT01-000001", 3 * time.Hour, false},
		"upgrade: 3 h, then unsubscribed":   {activityBodies[produce.ActUpgradeInstance], "GW-UPGRADE-CSUPG01/CSUPG01-000001", 3 * time.Hour, true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			// given a failed call of the activity
			r := newRig(t, Config{})
			r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"down"}`)
			first := r.clock.Now()
			r.call(t, c.body)
			a := r.alert(t, c.id)
			_, counting := a.Countdown(first)
			assert.Equal(t, c.unsubscribe, counting, "countdown applies")
			// when the window has nearly passed, the alert is still retrying
			_, err := r.store.Expire(first.Add(c.window - time.Second))
			require.NoError(t, err)
			assert.Equal(t, domain.AlertRetrying, r.alert(t, c.id).State)
			// and once it has passed, retries stop where the marketplace leaves them
			_, err = r.store.Expire(first.Add(c.window))
			require.NoError(t, err)
			want := domain.AlertFailed
			if c.unsubscribe {
				want = domain.AlertUnsubscribed
			}
			a = r.alert(t, c.id)
			assert.Equal(t, want, a.State)
			assert.True(t, a.NextRetryAt.IsZero())
		})
	}
}

func TestAStatusCallNamingOnlyTheInstanceUpdatesItsOrder(t *testing.T) {
	// given an order whose instance the gateway saw created
	r := newRig(t, Config{})
	r.call(t, newInstanceBody("CSFRZ01"))
	// when KooGallery freezes the instance
	r.call(t, `{"activity":"updateInstanceStatus","instanceId":"INST-1","status":"FREEZE"}`)
	// then the order says so
	var o domain.Order
	_, err := r.store.Get(domain.ResOrders, "CSFRZ01", &o)
	require.NoError(t, err)
	assert.Contains(t, o.Extend, domain.Param{Name: ParamInstanceStatus, Value: "FREEZE"})
}

func TestAnUnreachableUpstreamsAlertDoesNotRepeatTheSignedURL(t *testing.T) {
	r := newRig(t, Config{})
	r.up.srv.Close()
	r.call(t, newInstanceBody("CSFAIL1"))
	a := r.alert(t, newAlertID)
	assert.Contains(t, a.LastMessage, "connection refused")
	assert.NotContains(t, a.LastMessage, "signature")
	assert.NotContains(t, a.LastMessage, "nonce")
}
