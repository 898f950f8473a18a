package settings

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestAccountFormTestsThenSavesTheKeysThroughTheBackend(t *testing.T) {
	// given the add-account form filled in
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	var tested, saved backend.AccountForm
	h.b.TestConnection = func(_ context.Context, f backend.AccountForm) (marketapi.WhoAmI, error) {
		tested = f
		return marketapi.WhoAmI{AccountID: "u-1", AccountName: "旗舰店"}, nil
	}
	h.b.SaveAccount = func(f backend.AccountForm) error { saved = f; return nil }
	f := newAccountForm(h, keyringOnly(), nil)
	f.show()
	f.name.SetText(" flagship ")
	f.site.SetSelectedIndex(1)
	f.ak.SetText("AKEXAMPLE")
	f.sk.SetText("SKEXAMPLE")

	// when the user tests the connection
	f.runTest()
	h.loop.RunUntil(t, func() bool { return f.test.Disabled() == false })

	// then the typed keys were used and the account named
	assert.Equal(t, backend.AccountForm{Name: "flagship", Site: "intl", Store: "keyring", AK: "AKEXAMPLE", SK: "SKEXAMPLE"}, tested)
	assert.Equal(t, "Connected as 旗舰店 (u-1).", f.result.Text)

	// and when it is saved, the backend gets the keys; preferences never see them
	f.save()
	h.loop.RunUntil(t, func() bool { return h.win.Canvas().Overlays().Top() == nil })
	assert.Equal(t, "SKEXAMPLE", saved.SK)
	assert.Equal(t, 1, h.changed, "the window refreshes what lists accounts")
	assert.Equal(t, "flagship", h.account, "the new account is shown")
	for _, k := range []string{"language", "theme", "notify.settings", "agent.name", "data.dir", "account.current"} {
		assert.NotContains(t, h.app.Preferences().String(k), "SKEXAMPLE")
	}
}

func TestNotificationRuleChangeIsSavedAndApplied(t *testing.T) {
	// given Settings in a host that listens for new preferences
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	n := newNotifySection(h)

	// when new orders are switched on
	n.update(notify.KindNewOrder, func(r *notify.RuleSetting) { r.On = true })

	// then the rule is saved and the host told
	assert.True(t, h.prefs.Notify().Rule(notify.KindNewOrder).On)
	assert.Equal(t, 1, h.applied)

	// and a half-typed quiet-hours time is not saved but explained
	n.set.Quiet.Start = "22:"
	n.save()
	assert.True(t, n.msg.Visible())
	require.Equal(t, 1, h.applied)
	assert.NotEqual(t, "22:", h.prefs.Notify().Quiet.Start)
}

func TestSavingAnAccountDoesNotBlockTheWindow(t *testing.T) {
	// given a keyring that takes its time (a desktop prompt, a locked file)
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	release := make(chan struct{})
	h.b.SaveAccount = func(backend.AccountForm) error { <-release; return nil }
	f := newAccountForm(h, keyringOnly(), nil)
	f.show()
	f.name.SetText("flagship")
	f.ak.SetText("AKEXAMPLE")
	f.sk.SetText("SKEXAMPLE")

	// when the user saves, the call returns while the keyring is still busy
	returned := make(chan struct{})
	go func() { f.save(); close(returned) }()
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("save waited for the keyring on Fyne's goroutine")
	}

	// then progress shows until the keyring is done, and the result arrives
	// on the UI goroutine
	assert.NotNil(t, h.win.Canvas().Overlays().Top(), "no progress shown")
	close(release)
	h.loop.RunUntil(t, func() bool { return h.win.Canvas().Overlays().Top() == nil })
}

func TestRemovingAnAccountRunsBehindProgressAndRefreshesTheWindow(t *testing.T) {
	// given Settings with two accounts and a keyring that is slow to forget
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"}, backend.AccountInfo{ID: "acct-b", Site: "cn"})
	release := make(chan struct{})
	removed := make(chan string, 1)
	h.b.RemoveAccount = func(id string) error { <-release; removed <- id; return nil }
	st := New(h)
	h.win.SetContent(st.Object())

	// when the user removes acct-b and confirms
	st.accounts.confirmRemove(backend.AccountInfo{ID: "acct-b", Label: "B", Store: "keyring"})
	top := h.win.Canvas().Overlays().Top()
	assert.True(t, uitest.Shows(top, "Its keys are deleted from: System keyring."), "the dialog says the keys go")
	uitest.FindButton(t, top, "Cancel")
	test.Tap(uitest.FindButton(t, top, "Remove"))

	// then the window keeps running with progress shown while the keyring works
	require.NotNil(t, h.win.Canvas().Overlays().Top(), "no progress shown")
	assert.Zero(t, h.changed, "accounts refreshed before the removal finished")
	close(release)
	h.loop.RunUntil(t, func() bool { return h.win.Canvas().Overlays().Top() == nil })

	// and once it is done, the account is gone and what lists accounts refreshed
	assert.Equal(t, "acct-b", <-removed)
	assert.Equal(t, 1, h.changed)
}

func TestNotificationModeChoiceIsSavedAsThatMode(t *testing.T) {
	// given the notifications section with default rules
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	n := newNotifySection(h)
	require.Equal(t, "Badge only", n.modes[notify.KindNewOrder].Selected, "new orders default to the badge")
	require.Equal(t, "Popup until dismissed", n.modes[notify.KindTicketSLA].Selected)

	// when new orders are set to persistent popups and bills switched off
	n.modes[notify.KindNewOrder].SetSelected("Popup until dismissed")
	n.modes[notify.KindBillInvoice].SetSelected("Off")

	// then both are saved as those modes and the backend told each time
	saved := h.prefs.Notify()
	assert.Equal(t, notify.ModePersistent, saved.Rule(notify.KindNewOrder).Mode())
	assert.Equal(t, notify.ModeOff, saved.Rule(notify.KindBillInvoice).Mode())
	assert.Equal(t, 2, h.applied)
}
