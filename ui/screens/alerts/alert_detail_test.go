package alerts

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// newStillAlertDetail is an alert pane whose countdown does not tick on its
// own during the test; the test moves the clock by calling tick.
func newStillAlertDetail(t *testing.T, b *screens.Backend) *alertDetail {
	t.Helper()
	d := newAlertDetail(b)
	d.countdown.Interval = time.Hour
	t.Cleanup(d.Close)
	uitest.NewWindow(t, d.root)
	return d
}

func TestAlertDetail_CountdownShowsTimeLeftAndTurnsRed(t *testing.T) {
	// given a failed create-instance call that unsubscribes in 95 minutes
	a := uitest.Alert("A1", domain.AlertFailed, 95*time.Minute)
	s := uitest.NewStore(t, a)
	d := newStillAlertDetail(t, screentest.NewBackend(t, s))

	// when it is shown
	d.Load(a)
	d.f.Jobs.Wait()

	// then the countdown reads 1:35:00 left, in warning colour
	assert.Equal(t, "1:35:00 left", d.countdown.Text)
	assert.Equal(t, widget.WarningImportance, d.countdown.Importance)

	// when 70 minutes pass, then 25 minutes are left and it is red
	d.countdown.Tick(uitest.Now.Add(70 * time.Minute))
	assert.Equal(t, "0:25:00 left", d.countdown.Text)
	assert.Equal(t, widget.DangerImportance, d.countdown.Importance)
}

func TestAlertDetail_ExplainsTheLastCode(t *testing.T) {
	a := uitest.Alert("A2", domain.AlertRetrying, time.Hour)
	s := uitest.NewStore(t, a)
	d := newStillAlertDetail(t, screentest.NewBackend(t, s))

	d.Load(a)
	d.f.Jobs.Wait()

	assert.True(t, uitest.Shows(d.root, "000005 (internal error)"), uitest.VisibleLabels(d.root))
	assert.True(t, uitest.Shows(d.root, "connection refused"))
}

func TestAlertDetail_RestartLandsInOutbox(t *testing.T) {
	// given a failed call
	a := uitest.Alert("A3", domain.AlertFailed, 2*time.Hour)
	s := uitest.NewStore(t, a)
	d := newStillAlertDetail(t, screentest.NewBackend(t, s))
	d.Load(a)
	d.f.Jobs.Wait()

	// when restart is pressed
	test.Tap(uitest.FindButton(t, d.root, screens.ActionName(domain.ActRestart)))
	d.f.Jobs.Wait()

	// then a pending restart is queued and shown, and the button rests
	acts, err := s.ActionsFor(domain.ResAlerts, "A3")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, domain.ActRestart, acts[0].Name)
	assert.True(t, uitest.Shows(d.root, screens.ActionStateText(domain.ActionPending)))
	assert.True(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActRestart)).Disabled())
}

func TestAlertDetail_RejectedRestartSaysTooLate(t *testing.T) {
	a := uitest.Alert("A4", domain.AlertFailed, time.Hour)
	s := uitest.NewStore(t, a)
	b := screentest.NewBackend(t, s)
	act, err := screentest.EnqueueAction(b, domain.ResAlerts, "A4", domain.ActRestart, domain.ActionParams{})
	require.NoError(t, err)
	uitest.RejectAction(t, s, act, marketapi.ReasonDeadlinePassed, "order already unsubscribed")
	d := newStillAlertDetail(t, b)

	d.Load(a)
	d.f.Jobs.Wait()

	assert.True(t, uitest.Shows(d.root, "Too late: the deadline has passed. (order already unsubscribed)"), uitest.VisibleLabels(d.root))
}

func TestAlertDetail_ResolvedAlertHasNoCountdown(t *testing.T) {
	a := uitest.Alert("A5", domain.AlertResolved, time.Hour)
	s := uitest.NewStore(t, a)
	d := newStillAlertDetail(t, screentest.NewBackend(t, s))

	d.Load(a)
	d.f.Jobs.Wait()

	assert.Equal(t, "—", d.countdown.Text)
	assert.True(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActRestart)).Disabled())
}

func TestAlertDetail_SaysTheProductsDelistingCountAgainstTheLimit(t *testing.T) {
	// given three orders of the alert's product unsubscribed this month, and
	// an open alert of the same product
	var recs []domain.Record
	for _, id := range []string{"U1", "U2", "U3"} {
		recs = append(recs, uitest.Alert(id, domain.AlertUnsubscribed, -time.Hour))
	}
	open := uitest.Alert("A9", domain.AlertFailed, 2*time.Hour)
	recs = append(recs, open)
	d := newStillAlertDetail(t, screentest.NewBackend(t, uitest.NewStore(t, recs...)))

	// when the open alert is shown
	d.Load(open)
	d.f.Jobs.Wait()

	// then it says the product stands at 3 of 5 this month, in warning colour
	assert.Equal(t, "SaaS 商品: 3 of 5 orders failed by interface errors this month (more than 5 delists the product); 1 more counting down", d.delisting.Text)
	assert.Equal(t, widget.WarningImportance, d.delisting.Importance)
}

func TestAlertDetail_DelistingCountIsClearBelowTheWarning(t *testing.T) {
	// given only the open alert: nothing failed this month yet
	open := uitest.Alert("A8", domain.AlertRetrying, 2*time.Hour)
	d := newStillAlertDetail(t, screentest.NewBackend(t, uitest.NewStore(t, open)))

	// when shown
	d.Load(open)
	d.f.Jobs.Wait()

	// then it reads 0 of 5, not in warning colour
	assert.Contains(t, d.delisting.Text, "SaaS 商品: 0 of 5")
	assert.Equal(t, widget.MediumImportance, d.delisting.Importance)
}

func TestAlertDetail_OnAGatewayLinksToTheSellerCentersRestart(t *testing.T) {
	// given an account whose server publishes orders and alerts only (a
	// gateway), and its site's seller center
	a := uitest.Alert("A7", domain.AlertFailed, 2*time.Hour)
	s := uitest.NewStore(t, a)
	require.NoError(t, s.SetMeta(syncer.MetaServes, "orders,alerts"))
	b := screentest.NewBackend(t, s)
	b.Served = func() []domain.Resource { rs, _ := syncer.ServedResources(s); return rs }
	b.SellerCenterURL = func() string { return "https://console.huaweicloud.com/marketplace/isv/" }
	d := newStillAlertDetail(t, b)

	// when the alert is shown
	d.Load(a)
	d.f.Jobs.Wait()

	// then beside Restart the pane links to the seller center's page
	require.True(t, d.seller.root.Visible())
	assert.Equal(t, "https://console.huaweicloud.com/marketplace/isv/", d.seller.link.URL.String())
	assert.True(t, uitest.Shows(d.root, "the marketplace's own restart is in the seller center"))
}

func TestAlertDetail_NoSellerCenterLinkOnAFullServer(t *testing.T) {
	// given an account whose server publishes everything
	a := uitest.Alert("A6", domain.AlertFailed, 2*time.Hour)
	s := uitest.NewStore(t, a)
	b := screentest.NewBackend(t, s)
	b.Served = func() []domain.Resource { rs, _ := syncer.ServedResources(s); return rs }
	b.SellerCenterURL = func() string { return "https://console.huaweicloud.com/marketplace/isv/" }
	d := newStillAlertDetail(t, b)

	// when the alert is shown, then there is no gateway note
	d.Load(a)
	d.f.Jobs.Wait()
	assert.False(t, d.seller.root.Visible())
}
