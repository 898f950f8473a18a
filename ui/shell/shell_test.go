package shell

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/prefs"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// shellStores opens one real cache per account, each with one ticket whose
// subject names the account.
func shellStores(t *testing.T, accounts ...string) map[string]*localstore.Store {
	t.Helper()
	out := map[string]*localstore.Store{}
	for _, a := range accounts {
		s, err := localstore.Open(filepath.Join(t.TempDir(), a+".db"), a, localstore.Options{NoSync: true})
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Close() })
		tk := domain.Ticket{Meta: domain.Meta{ID: "TK-" + a, Account: a, Version: 1, UpdatedAt: uitest.Now},
			Subject: "subject of " + a, CustomerName: "客户", Status: domain.TicketPendingAccept,
			CreatedAt: uitest.Now.Add(-time.Hour), SLADue: uitest.Now.Add(time.Hour)}
		_, err = s.ApplyPage(localstore.Page{Resource: domain.ResTickets, Items: []domain.Record{tk}})
		require.NoError(t, err)
		out[a] = s
	}
	return out
}

type shellHarness struct {
	loop  *uitest.Loop
	shell *Shell
	syncs []string
}

// newShellHarness builds the shell over real stores; each of with may
// fill in more of the backend before the shell starts.
func newShellHarness(t *testing.T, stores map[string]*localstore.Store, accounts []backend.AccountInfo,
	with ...func(*backend.Backend)) *shellHarness {
	t.Helper()
	h := &shellHarness{loop: uitest.NewLoop(t)}
	a := test.NewTempApp(t)
	b := &backend.Backend{
		Accounts: func() []backend.AccountInfo { return accounts },
		Store:    func(id string) *localstore.Store { return stores[id] },
		State:    func(string) backend.SyncState { return backend.SyncState{Online: true, LastSync: uitest.Now} },
		SyncNow:  func(id string) { h.syncs = append(h.syncs, id) },
		Now:      func() time.Time { return uitest.Now },
		DataDir:  t.TempDir(),
	}
	for _, fill := range with {
		fill(b)
	}
	p := prefs.New(a.Preferences())
	p.SetAgentName("李四") // an agent who has used the console before: no welcome dialog
	h.shell = NewShell(a, b, p)
	t.Cleanup(h.shell.Close)
	h.shell.Window().Resize(fyne.NewSize(1280, 800))
	return h
}

// ticketsTable runs the UI queue until the tickets screen has loaded.
func (h *shellHarness) ticketsTable(t *testing.T) *widgets.Table[domain.Ticket] {
	t.Helper()
	scr, ok := h.shell.ScreenFor(ScreenTickets)
	require.True(t, ok)
	tbl := scr.(*screens.RecordScreen[domain.Ticket]).Table()
	h.loop.RunUntil(t, func() bool { _, _, ok := tbl.Row(0); return ok })
	return tbl
}

// canvasTexts collects every label's text in the window.
func canvasTexts(t *testing.T, w fyne.Window) []string {
	return objectTexts(t, w.Content())
}

// objectTexts collects every label's text under o.
func objectTexts(t *testing.T, root fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			r := test.TempWidgetRenderer(t, w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

func TestShellSwitchingAccountsHidesTheOtherAccountsData(t *testing.T) {
	// given two accounts, each with its own ticket, shown on account A's tickets
	stores := shellStores(t, "acct-a", "acct-b")
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}, {ID: "acct-b", Label: "B", Site: "intl"}})
	h.shell.Show(ScreenTickets)
	tk, _, _ := h.ticketsTable(t).Row(0)
	require.Equal(t, "subject of acct-a", tk.Subject)

	// when the user switches to account B
	h.shell.SwitchAccount("acct-b")

	// then the tickets screen lists B's ticket only, and A's text is nowhere in the window
	tbl := h.ticketsTable(t)
	tk, _, _ = tbl.Row(0)
	assert.Equal(t, "subject of acct-b", tk.Subject)
	assert.Equal(t, 1, tbl.Total())
	texts := canvasTexts(t, h.shell.Window())
	assert.Contains(t, texts, "subject of acct-b", "the walk reaches table cells")
	assert.NotContains(t, texts, "subject of acct-a")
	assert.Equal(t, "acct-b", h.shell.Account())
	assert.Equal(t, ScreenTickets, h.shell.Current(), "the same screen stays open")
}

func TestShellShowsSandboxBannerOnlyOnTheSandbox(t *testing.T) {
	// given a real account and the sandbox
	stores := shellStores(t, "real", "sandbox")
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "real", Site: "cn"}, {ID: "sandbox", Site: "sandbox", Sandbox: true}})

	// then on the real account no banner shows
	assert.False(t, h.shell.banner.root.Visible())

	// when the user switches to the sandbox
	h.shell.SwitchAccount("sandbox")

	// then the banner says so and offers to add an account
	assert.True(t, h.shell.banner.root.Visible())
}

func TestShellNavigatesEveryScreen(t *testing.T) {
	// given a shell on one account
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})

	for _, id := range AllScreens {
		// when each screen is shown
		h.shell.Show(id)

		// then it is current, built, and not empty
		scr, ok := h.shell.ScreenFor(id)
		require.True(t, ok, id.Title())
		assert.Equal(t, id, h.shell.Current())
		assert.NotNil(t, scr.Object(), id.Title())
	}
}

func TestShellCountsToDoAcrossAccounts(t *testing.T) {
	// given two accounts with one ticket waiting each
	stores := shellStores(t, "acct-a", "acct-b")
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}, {ID: "acct-b", Label: "B", Site: "eu"}})

	// when the first poll has run
	h.loop.RunUntil(t, func() bool { return len(h.shell.todo) == 2 })

	// then the header shows the combined count and each account's own
	assert.Equal(t, "To do in all accounts: 2", h.shell.header.total.Text)
	assert.Contains(t, h.shell.header.switcher.Options[1], "1 to do")
	assert.Equal(t, 1, h.shell.badge(ScreenTickets))
}

func TestShellSyncNowAsksEveryAccount(t *testing.T) {
	// given a shell
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})

	// when Ctrl+R's action runs
	h.shell.SyncNow()

	// then the backend is asked to sync all accounts
	assert.Equal(t, []string{""}, h.syncs)
}

func TestShellKeyboardShortcuts(t *testing.T) {
	// given a shell on the overview
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
	c := h.shell.Window().Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}

	// when Ctrl+4 is pressed, then the tickets screen shows
	c.TypedShortcut(ctrl(fyne.Key4))
	assert.Equal(t, ScreenTickets, h.shell.Current())

	// when Ctrl+F is pressed, then its search box has the keyboard
	c.TypedShortcut(ctrl(fyne.KeyF))
	h.ticketsTable(t)
	assert.IsType(t, &widgets.SearchEntry{}, h.shell.Window().Canvas().Focused())

	// when Ctrl+R is pressed, then every account syncs
	c.TypedShortcut(ctrl(fyne.KeyR))
	assert.Equal(t, []string{""}, h.syncs)

	// when Ctrl+E is pressed on a list, then the Exports screen shows
	c.TypedShortcut(ctrl(fyne.KeyE))
	assert.Equal(t, ScreenExports, h.shell.Current())
}
