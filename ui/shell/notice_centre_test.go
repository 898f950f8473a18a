package shell

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/prefs"
	"github.com/koogallery/merchant-console/ui/screens"
)

// logNotice writes one notice about the account's ticket, as the notify
// engine does before it delivers.
func logNotice(t *testing.T, st *localstore.Store, key, title string, at time.Time) {
	t.Helper()
	added, err := st.RecordNotice(localstore.Notice{Key: key, Account: st.Account(), Resource: domain.ResTickets,
		RecordID: "TK-" + st.Account(), Title: title, Body: "body of " + title, At: at})
	require.NoError(t, err)
	require.True(t, added)
}

func (h *shellHarness) openCentre(t *testing.T) *noticeCentre {
	t.Helper()
	c := h.shell.centre
	c.show()
	h.loop.RunUntil(t, func() bool { return c.gen > 0 && c.empty.Hidden })
	return c
}

func TestNoticeCentre_ClickOpensTheRecordAndClearsTheUnreadCount(t *testing.T) {
	// given an account on the overview with one unread notice about its ticket
	stores := shellStores(t, "acct-a")
	logNotice(t, stores["acct-a"], "new-ticket:acct-a:TK-acct-a", "New ticket", uitest.Now.Add(-time.Minute))
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}})
	h.loop.RunUntil(t, func() bool { return h.shell.todo["acct-a"].Unread == 1 })

	// then the bell shows one unread
	assert.Equal(t, "1", h.shell.centre.bell.Text)

	// when the user opens the centre
	c := h.openCentre(t)

	// then the notice is listed with its title, body and unread mark
	require.Len(t, c.entries, 1)
	assert.Equal(t, "New ticket", c.entries[0].Title)
	assert.True(t, c.entries[0].Unread)
	assert.Contains(t, objectTexts(t, c.popup.Content), "body of New ticket")

	// when the user clicks it
	c.list.Select(0)
	h.loop.RunUntil(t, func() bool { return h.shell.todo["acct-a"].Unread == 0 })

	// then the ticket is open, the notice is read and the bell shows no count
	assert.Equal(t, ScreenTickets, h.shell.Current())
	scr, _ := h.shell.ScreenFor(ScreenTickets)
	h.loop.RunUntil(t, func() bool {
		tk, ok := scr.(*screens.RecordScreen[domain.Ticket]).Detail().Current()
		return ok && tk.ID == "TK-acct-a"
	})
	unread, err := stores["acct-a"].UnreadNotices()
	require.NoError(t, err)
	assert.Zero(t, unread)
	assert.Empty(t, h.shell.centre.bell.Text)
	assert.False(t, c.visible(), "the panel closes to show the record")
}

func TestNoticeCentre_ListsNewestFirstAcrossAccountsAndCoalesced(t *testing.T) {
	// given two accounts: A has an older single notice, B a newer batch of two
	stores := shellStores(t, "acct-a", "acct-b")
	logNotice(t, stores["acct-a"], "new-ticket:acct-a:1", "A single", uitest.Now.Add(-time.Hour))
	logNotice(t, stores["acct-b"], "new-order:acct-b:1", "B one", uitest.Now)
	logNotice(t, stores["acct-b"], "new-order:acct-b:2", "B two", uitest.Now)
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "Shop A", Site: "cn"}, {ID: "acct-b", Label: "Shop B", Site: "eu"}})
	h.shell.Notified(notify.Notification{Kind: notify.KindNewOrder, Account: "acct-b", Resource: domain.ResOrders,
		Keys: []string{"new-order:acct-b:1", "new-order:acct-b:2"}, RecordIDs: []string{"1", "2"},
		Title: "2 new orders", At: uitest.Now})

	// when the centre opens
	c := h.openCentre(t)

	// then B's batch is one row on top, named by its account, and A's notice follows
	require.Len(t, c.entries, 2)
	assert.Equal(t, "2 new orders", c.entries[0].Title)
	assert.Equal(t, screens.NavTarget{Resource: domain.ResOrders}, c.entries[0].target(), "a batch opens its list")
	assert.Contains(t, c.meta(c.entries[0]), "Shop B")
	assert.Equal(t, "A single", c.entries[1].Title)

	// when the user marks all read
	c.markAll()
	h.loop.RunUntil(t, func() bool { return !c.entries[0].Unread && !c.entries[1].Unread })

	// then both logs have nothing unread and the tray's sum agrees
	for _, st := range stores {
		n, err := st.UnreadNotices()
		require.NoError(t, err)
		assert.Zero(t, n)
	}
	assert.Zero(t, h.shell.todo["acct-a"].Unread+h.shell.todo["acct-b"].Unread)
}

func TestNoticeCentre_SaysOnceThatSystemNotificationsAreUnavailable(t *testing.T) {
	// given a backend whose system notifications failed
	stores := shellStores(t, "acct-a")
	h := &shellHarness{loop: uitest.NewLoop(t)}
	a := test.NewTempApp(t)
	problem := errors.New("no notification daemon")
	b := &backend.Backend{
		Accounts:             func() []backend.AccountInfo { return []backend.AccountInfo{{ID: "acct-a", Site: "cn"}} },
		Store:                func(id string) *localstore.Store { return stores[id] },
		Now:                  func() time.Time { return uitest.Now },
		NotificationsProblem: func() error { return problem },
	}
	h.shell = NewShell(a, b, prefs.New(a.Preferences()))
	t.Cleanup(h.shell.Close)

	// when the shell polls, then the banner shows
	h.loop.RunUntil(t, func() bool { return h.shell.notice.root.Visible() })

	// when the user dismisses it and the backend keeps reporting the problem
	test.Tap(h.shell.notice.dismiss)
	for range 3 {
		h.shell.applyPoll("acct-a", backend.SyncState{}, nil, false)
	}

	// then it stays dismissed
	assert.False(t, h.shell.notice.root.Visible())
}
