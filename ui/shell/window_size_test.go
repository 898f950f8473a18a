package shell

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
	consoletheme "github.com/koogallery/merchant-console/ui/theme"
)

// smallScreen is the smallest screen the console supports, less a window
// manager's title bar (about 30 px) and a desktop panel.
var smallScreen = fyne.NewSize(1024, 640-40)

func TestWindowFitsA1024x640ScreenInBothLanguages(t *testing.T) {
	for _, l := range []i18n.Language{i18n.English, i18n.Chinese} {
		t.Run(string(l), func(t *testing.T) {
			// given the console in that language, with its own theme and font,
			// on the sandbox (whose banner takes a row), on a desktop without
			// system notifications (whose banner takes another)
			require.NoError(t, kit.ApplyLanguage(l))
			t.Cleanup(func() { _ = kit.ApplyLanguage(i18n.English) })
			h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn", Sandbox: true,
				Label: "杭州云栖数智科技有限公司 / 客服二组"}})
			fyne.CurrentApp().Settings().SetTheme(consoletheme.New(consoletheme.Light))
			h.shell.notice.report(errors.New("no notification daemon"))

			for _, id := range AllScreens {
				// when each screen shows
				h.shell.Show(id)
				h.shell.header.refresh()

				// then the window needs no more than the small screen
				min := h.shell.Window().Content().MinSize()
				assert.LessOrEqual(t, min.Width, smallScreen.Width, "screen %d is %v wide", id, min)
				assert.LessOrEqual(t, min.Height, smallScreen.Height, "screen %d is %v tall", id, min)
			}
		})
	}
}

func TestAScreenAfterATallerOneIsNotLeftRunningUnderTheStatusBar(t *testing.T) {
	// given a small window with both banners up, showing the Overview (which
	// needs more height than is left, so the screen area scrolls)
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn", Sandbox: true, Label: "杭州云栖"}})
	h.shell.notice.report(errors.New("no notification daemon"))
	h.shell.Window().Resize(smallScreen)
	h.shell.Show(ScreenOverview)
	require.Greater(t, h.shell.body.Size().Height, h.shell.bodyScroll.Size().Height, "the Overview needs scrolling here")

	// when the agent opens Settings, which scrolls by itself
	h.shell.Show(ScreenSettings)

	// then Settings gets exactly the visible height, so its last card can be scrolled to
	assert.InDelta(t, h.shell.bodyScroll.Size().Height, h.shell.body.Size().Height, 0.5)
}
