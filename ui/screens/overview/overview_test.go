package overview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

func overviewFixture(t *testing.T) (*Screen, *[]screens.NavTarget) {
	t.Helper()
	s := uitest.NewStore(t,
		uitest.Ticket("T1", "a", domain.TicketPendingAccept),
		uitest.Ticket("T2", "b", domain.TicketProcessing),
		uitest.Ticket("T3", "c", domain.TicketCompleted),
		uitest.Alert("A1", domain.AlertFailed, 40*time.Minute),
		uitest.Alert("A2", domain.AlertRetrying, 3*time.Hour),
		uitest.Alert("A3", domain.AlertResolved, time.Hour),
		uitest.Task("S1", domain.KindManualService, domain.NodeDeliver),
		uitest.Task("S2", domain.KindManualService, domain.NodeAcceptance),
		uitest.Bill("B1", domain.BillPendingInvoice),
		uitest.Bill("B2", domain.BillPaymentRejected),
		uitest.Bill("B3", domain.BillPaid),
		uitest.Order("O1", "云备份", domain.OrderCompleted, 0, 10000),
		uitest.Order("O2", "云备份", domain.OrderCompleted, 0, 5000),
		uitest.Order("O3", "云备份", domain.OrderProcessing, 3, 2500),
		uitest.Order("O4", "云备份", domain.OrderCompleted, 45, 9900),
	)
	b := screentest.NewBackend(t, s)
	var went []screens.NavTarget
	b.Navigate = func(n screens.NavTarget) { went = append(went, n) }
	o := New(b)
	o.alerts.countdown.Interval = time.Hour // the test moves time itself
	t.Cleanup(o.Close)
	uitest.NewWindow(t, o.Object())
	return o, &went
}

func TestOverview_CardsCountWhatWaits(t *testing.T) {
	// given a cache with work waiting
	o, _ := overviewFixture(t)

	// when the overview loads
	o.Reload()
	o.jobs.Wait()

	// then each card counts its to-dos and the nearest unsubscription ticks
	assert.Equal(t, "2", o.tickets.count.Text)
	assert.Equal(t, "2", o.alerts.count.Text)
	assert.Equal(t, "1", o.tasks.count.Text)
	assert.Equal(t, "2", o.bills.count.Text)
	assert.Equal(t, "0:40:00 left", o.alerts.countdown.Text)
	assert.Contains(t, o.bills.detail.Text, kit.LabelBillStatus(domain.BillPaymentRejected)+" 1")
}

func TestOverview_TrendCoversThirtyDays(t *testing.T) {
	o, _ := overviewFixture(t)

	o.Reload()
	o.jobs.Wait()

	// then 30 days are drawn and the order 45 days old is left out
	pts := o.chart.Points()
	require.Len(t, pts, trendDays)
	var orders int
	var amount domain.Money
	for _, p := range pts {
		orders += p.Orders
		amount += p.Amount
	}
	assert.Equal(t, 3, orders)
	assert.Equal(t, domain.Money(17500), amount)
	assert.Contains(t, o.summary.Text, "3 orders")
}

func TestOverview_CardOpensItsListFiltered(t *testing.T) {
	o, went := overviewFixture(t)
	o.Reload()
	o.jobs.Wait()

	test.Tap(o.alerts.tap)
	test.Tap(o.bills.tap)

	require.Len(t, *went, 2)
	assert.Equal(t, screens.NavTarget{Resource: domain.ResAlerts, Statuses: screens.AlertsOpen}, (*went)[0])
	assert.Equal(t, domain.ResBills, (*went)[1].Resource)
	assert.Contains(t, (*went)[1].Statuses, string(domain.BillPaymentRejected))
}
