package shell

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"fyne.io/fyne/v2"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
	consoletheme "github.com/koogallery/merchant-console/ui/theme"
)

func TestProbeMinSize(t *testing.T) {
	for _, l := range []i18n.Language{i18n.English, i18n.Chinese} {
		require.NoError(t, kit.ApplyLanguage(l))
		h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
		fyne.CurrentApp().Settings().SetTheme(consoletheme.New(consoletheme.Light))
		for _, id := range AllScreens {
			h.shell.Show(id)
			h.loop.RunUntil(t, func() bool { return true })
			fmt.Println(l, id, h.shell.Window().Content().MinSize(), h.shell.body.MinSize(), h.shell.nav.root.MinSize(), h.shell.header.root.MinSize(), h.shell.status.root.MinSize())
		}
	}
	require.NoError(t, kit.ApplyLanguage(i18n.English))
}
