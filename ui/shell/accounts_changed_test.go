package shell

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/prefs"
)

func TestRemovingTheShownAccountRebuildsSettingsWithoutIt(t *testing.T) {
	// given Settings shown for account A, with B also configured; the
	// list is read by the poller too, so it changes atomically
	uitest.NewLoop(t)
	stores := shellStores(t, "acct-a", "acct-b")
	var accounts atomic.Pointer[[]backend.AccountInfo]
	both := []backend.AccountInfo{{ID: "acct-a", Label: "Shop A", Site: "cn"}, {ID: "acct-b", Label: "Shop B", Site: "intl"}}
	accounts.Store(&both)
	a := test.NewTempApp(t)
	s := NewShell(a, &backend.Backend{
		Accounts: func() []backend.AccountInfo { return *accounts.Load() },
		Store:    func(id string) *localstore.Store { return stores[id] },
		Now:      func() time.Time { return uitest.Now },
		DataDir:  t.TempDir(),
	}, prefs.New(a.Preferences()))
	t.Cleanup(s.Close)
	s.Window().Resize(fyne.NewSize(1280, 800))
	s.SwitchAccount("acct-a")
	s.Show(ScreenSettings)
	assert.True(t, showsText(t, s, "Shop A"))

	// when A is removed and the window told
	onlyB := both[1:]
	accounts.Store(&onlyB)
	s.AccountsChanged()

	// then B is shown and Settings no longer lists A
	assert.Equal(t, "acct-b", s.Account())
	assert.Equal(t, ScreenSettings, s.Current())
	assert.False(t, showsText(t, s, "Shop A"))
	assert.True(t, showsText(t, s, "Shop B"))
}

// showsText reports whether a label in the window contains text.
func showsText(t *testing.T, s *Shell, text string) bool {
	for _, l := range canvasTexts(t, s.Window()) {
		if strings.Contains(l, text) {
			return true
		}
	}
	return false
}
