package tickets

import (
	"path/filepath"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestTicketsScreen_FilterAndSearchNarrowTheList(t *testing.T) {
	// given five tickets in several states
	test.NewTempApp(t)
	st := uitest.NewStore(t,
		uitest.Ticket("T1", "发票问题", domain.TicketPendingAccept),
		uitest.Ticket("T2", "登录失败", domain.TicketProcessing),
		uitest.Ticket("T3", "登录缓慢", domain.TicketCompleted),
		uitest.Ticket("T4", "退款", domain.TicketAwaitingCustomer),
		uitest.Ticket("T5", "升级", domain.TicketRevoked),
	)
	s := New(screentest.NewBackend(t, st))
	screentest.Show(t, s)
	require.Equal(t, 5, s.Table().Total())

	// when an overview card asks for the tickets waiting for me
	s.Open(screens.NavTarget{Resource: domain.ResTickets, Statuses: screens.TicketsWaiting})
	screentest.WaitLoad(t, s)

	// then only pending and processing tickets are listed
	assert.ElementsMatch(t, []string{"T1", "T2"}, screentest.RowIDs(s))

	// when the filter is cleared and the user searches a subject word
	s.Open(screens.NavTarget{Resource: domain.ResTickets})
	screentest.WaitLoad(t, s)
	s.Table().SetSearch("登录")
	screentest.WaitLoad(t, s)

	// then only the matching tickets remain
	assert.ElementsMatch(t, []string{"T2", "T3"}, screentest.RowIDs(s))
}

func TestTicketsScreen_SelectionShowsTheDetail(t *testing.T) {
	// given a ticket list
	test.NewTempApp(t)
	st := uitest.NewStore(t, uitest.Ticket("T1", "发票问题", domain.TicketPendingAccept))
	s := New(screentest.NewBackend(t, st))
	screentest.Show(t, s)
	d := s.Detail().(*ticketDetail)
	require.False(t, d.f.Revealed(), "nothing is shown before a selection")

	// when the first row is selected
	s.Table().Select(0)
	d.f.Jobs.Wait()

	// then the detail pane shows that ticket
	assert.True(t, d.f.Revealed())
	assert.Equal(t, "发票问题 · T1", d.f.Title.Text, "subject and ticket number")
	assert.True(t, uitest.Shows(s.Object(), "无法登录 😢"))
}

func TestTicketsScreen_SwitchingAccountsHidesTheOtherAccountsData(t *testing.T) {
	// given two accounts' caches, and account 1's ticket open in the detail pane
	test.NewTempApp(t)
	one := uitest.NewStore(t, uitest.Ticket("T1", "账号一的工单", domain.TicketProcessing))
	two, err := localstore.Open(filepath.Join(t.TempDir(), "two.db"), "acct-2", localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, two.Close()) })
	other := uitest.Ticket("T9", "账号二的工单", domain.TicketPendingAccept)
	other.Account = "acct-2"
	_, err = two.ApplyPage(localstore.Page{Resource: domain.ResTickets, Items: []domain.Record{other}})
	require.NoError(t, err)
	var current atomic.Pointer[localstore.Store]
	current.Store(one)
	b := screentest.NewBackend(t, one)
	b.Store = current.Load
	s := New(b)
	screentest.Show(t, s)
	s.Table().Select(0)
	d := s.Detail().(*ticketDetail)
	d.f.Jobs.Wait()
	require.True(t, uitest.Shows(s.Object(), "账号一的工单"))

	// when the user switches to account 2 and the shell reloads the screen
	current.Store(two)
	s.Reload()
	screentest.WaitLoad(t, s)
	s.Settle()

	// then only account 2's ticket is listed and account 1's is gone from the pane
	assert.Equal(t, []string{"T9"}, screentest.RowIDs(s))
	assert.False(t, d.f.Revealed())
	assert.False(t, uitest.Shows(s.Object(), "账号一的工单"))
}
