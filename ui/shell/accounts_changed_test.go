package shell

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/ui/backend"
)

func TestRemovingTheShownAccountRebuildsSettingsWithoutIt(t *testing.T) {
	// given Settings shown for account A, with B also configured
	stores := shellStores(t, "acct-a", "acct-b")
	accounts := []backend.AccountInfo{{ID: "acct-a", Label: "Shop A", Site: "cn"}, {ID: "acct-b", Label: "Shop B", Site: "intl"}}
	h := newShellHarness(t, stores, nil)
	h.shell.b.Accounts = func() []backend.AccountInfo { return accounts }
	h.shell.AccountsChanged()
	h.shell.SwitchAccount("acct-a")
	h.shell.Show(ScreenSettings)
	assert.True(t, showsText(t, h, "Shop A"))

	// when A is removed and the window told
	accounts = accounts[1:]
	h.shell.AccountsChanged()

	// then B is shown and Settings no longer lists A
	assert.Equal(t, "acct-b", h.shell.Account())
	assert.Equal(t, ScreenSettings, h.shell.Current())
	assert.False(t, showsText(t, h, "Shop A"))
	assert.True(t, showsText(t, h, "Shop B"))
}

// showsText reports whether a label in the window contains text.
func showsText(t *testing.T, h *shellHarness, text string) bool {
	for _, l := range canvasTexts(t, h.shell.Window()) {
		if strings.Contains(l, text) {
			return true
		}
	}
	return false
}
