package shell

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

func TestStatusBar_OfflineSaysWhyInChinese(t *testing.T) {
	// given the window in Chinese
	require.NoError(t, kit.ApplyLanguage(i18n.Chinese))
	t.Cleanup(func() { _ = kit.ApplyLanguage(i18n.English) })
	h := newShellHarness(t, shellStores(t, "a"), []backend.AccountInfo{{ID: "a", Label: "A"}})

	// when the marketplace refuses connections, with two actions waiting
	h.shell.status.set(backend.SyncState{Cause: syncer.CauseRefused, Outbox: 2, LastSync: uitest.Now,
		Problem: errors.New("dial tcp 127.0.0.1:9: connect: connection refused")})

	// then the bar says offline and why, and counts the outbox
	assert.Equal(t, "离线：连接被拒绝", h.shell.status.online.Text)
	assert.Contains(t, h.shell.status.outbox.Text, "2")
	assert.False(t, h.shell.status.problem.Visible(), "the raw error is not repeated next to the reason")
}

func TestStatusBar_AProblemGetsTheRoomLeftNotALoneEllipsis(t *testing.T) {
	// given a window the width of a small laptop
	h := newShellHarness(t, shellStores(t, "a"), []backend.AccountInfo{{ID: "a", Label: "A"}})
	h.shell.Window().Resize(fyne.NewSize(1024, 640))

	// when a sync fails for a reason that is not the network
	h.shell.status.set(backend.SyncState{Online: true, LastSync: uitest.Now, Problem: errors.New("the cache is damaged")})
	h.shell.status.root.Refresh()

	// then the problem is laid out wider than its truncated minimum
	require.True(t, h.shell.status.problem.Visible())
	assert.Greater(t, h.shell.status.problem.Size().Width, 4*h.shell.status.problem.MinSize().Width)
}
