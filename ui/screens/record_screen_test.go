package screens

import (
	"github.com/koogallery/merchant-console/ui/screens/bills"
	"github.com/koogallery/merchant-console/ui/screens/alerts"
	"github.com/koogallery/merchant-console/ui/screens/tickets"
	"github.com/koogallery/merchant-console/ui/backend"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// waitLoad blocks until the screen's table applied a load.
func waitLoad[T domain.Record](t *testing.T, s *RecordScreen[T]) {
	t.Helper()
	select {
	case <-s.loads:
	case <-time.After(10 * time.Second):
		t.Fatal("the list never loaded")
	}
}

// showScreen waits for the first page, then puts the screen in a small
// window (so later changes load one page each), like the table's own tests.
func showScreen[T domain.Record](t *testing.T, s *RecordScreen[T]) fyne.Window {
	t.Helper()
	t.Cleanup(s.Close)
	waitLoad(t, s)
	w := test.NewTempWindow(t, s.Object())
	w.Resize(fyne.NewSize(1000, 320))
	return w
}

func rowIDs[T domain.Record](s *RecordScreen[T]) []string {
	var ids []string
	for i := range s.table.Total() {
		r, _, ok := s.table.Row(i)
		if ok {
			ids = append(ids, r.RecordMeta().ID)
		}
	}
	return ids
}

func TestTicketsScreen_FilterAndSearchNarrowTheList(t *testing.T) {
	// given five tickets in several states
	test.NewTempApp(t)
	st := newFixtureStore(t,
		fixtureTicket("T1", "发票问题", domain.TicketPendingAccept),
		fixtureTicket("T2", "登录失败", domain.TicketProcessing),
		fixtureTicket("T3", "登录缓慢", domain.TicketCompleted),
		fixtureTicket("T4", "退款", domain.TicketAwaitingCustomer),
		fixtureTicket("T5", "升级", domain.TicketRevoked),
	)
	s := tickets.New(newFixtureBackend(t, st))
	showScreen(t, s)
	require.Equal(t, 5, s.table.Total())

	// when an overview card asks for the tickets waiting for me
	s.Open(NavTarget{Resource: domain.ResTickets, Statuses: TicketsWaiting})
	waitLoad(t, s)

	// then only pending and processing tickets are listed
	assert.ElementsMatch(t, []string{"T1", "T2"}, rowIDs(s))

	// when the filter is cleared and the user searches a subject word
	s.Open(NavTarget{Resource: domain.ResTickets})
	waitLoad(t, s)
	s.table.SetSearch("登录")
	waitLoad(t, s)

	// then only the matching tickets remain
	assert.ElementsMatch(t, []string{"T2", "T3"}, rowIDs(s))
}

func TestTicketsScreen_SelectionShowsTheDetail(t *testing.T) {
	// given a ticket list
	test.NewTempApp(t)
	st := newFixtureStore(t, fixtureTicket("T1", "发票问题", domain.TicketPendingAccept))
	s := tickets.New(newFixtureBackend(t, st))
	showScreen(t, s)
	d := s.detail.(*ticketDetail)
	require.False(t, d.f.body.Visible(), "nothing is shown before a selection")

	// when the first row is selected
	s.table.Select(0)
	d.f.Jobs.Wait()

	// then the detail pane shows that ticket
	assert.True(t, d.f.body.Visible())
	assert.Equal(t, "发票问题", d.f.Title.Text)
	assert.True(t, shows(s.Object(), "无法登录 😢"))
}

func TestRecordScreen_OpenWithRecordIDShowsIt(t *testing.T) {
	// given bills, one of them rejected
	test.NewTempApp(t)
	st := newFixtureStore(t, fixtureBill("B1", domain.BillPaid), fixtureBill("B2", domain.BillPaymentRejected))
	s := bills.New(newFixtureBackend(t, st))
	showScreen(t, s)

	// when a notification opens bill B2
	s.Open(NavTarget{Resource: domain.ResBills, RecordID: "B2"})
	waitLoad(t, s)
	s.jobs.Wait()

	// then its detail is shown with the guidance for a rejected payment
	d := s.detail.(*billDetail)
	assert.Equal(t, "B2", d.bill.ID)
	assert.Contains(t, d.guidance.Text, "PA-B2")
}

func TestTicketsScreen_SwitchingAccountsHidesTheOtherAccountsData(t *testing.T) {
	// given two accounts' caches, and account 1's ticket open in the detail pane
	test.NewTempApp(t)
	one := newFixtureStore(t, fixtureTicket("T1", "账号一的工单", domain.TicketProcessing))
	two, err := localstore.Open(filepath.Join(t.TempDir(), "two.db"), "acct-2", localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, two.Close()) })
	other := fixtureTicket("T9", "账号二的工单", domain.TicketPendingAccept)
	other.Account = "acct-2"
	_, err = two.ApplyPage(localstore.Page{Resource: domain.ResTickets, Items: []domain.Record{other}})
	require.NoError(t, err)
	var current atomic.Pointer[localstore.Store]
	current.Store(one)
	b := newFixtureBackend(t, one)
	b.Store = current.Load
	s := tickets.New(b)
	showScreen(t, s)
	s.table.Select(0)
	d := s.detail.(*ticketDetail)
	d.f.Jobs.Wait()
	require.True(t, shows(s.Object(), "账号一的工单"))

	// when the user switches to account 2 and the shell reloads the screen
	current.Store(two)
	s.Reload()
	waitLoad(t, s)
	s.jobs.Wait()

	// then only account 2's ticket is listed and account 1's is gone from the pane
	assert.Equal(t, []string{"T9"}, rowIDs(s))
	assert.False(t, d.f.body.Visible())
	assert.False(t, shows(s.Object(), "账号一的工单"))
}

func TestAlertsScreen_NearestUnsubscriptionFirst(t *testing.T) {
	// given open alerts with different deadlines and a resolved one
	test.NewTempApp(t)
	st := newFixtureStore(t,
		fixtureAlert("A1", domain.AlertFailed, 3*time.Hour),
		fixtureAlert("A2", domain.AlertRetrying, 20*time.Minute),
		fixtureAlert("A3", domain.AlertFailed, 90*time.Minute),
		fixtureAlert("A4", domain.AlertResolved, time.Hour),
	)
	s := alerts.New(newFixtureBackend(t, st))
	showScreen(t, s)

	// when the open ones are shown
	s.Open(NavTarget{Resource: domain.ResAlerts, Statuses: AlertsOpen})
	waitLoad(t, s)

	// then the most urgent comes first, with its time left
	assert.Equal(t, []string{"A2", "A3", "A1"}, rowIDs(s))
	_, texts, ok := s.table.Row(0)
	require.True(t, ok)
	assert.Equal(t, "0:20:00 left", texts[0])
}
