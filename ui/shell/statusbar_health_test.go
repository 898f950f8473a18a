package shell

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

func healthShell(t *testing.T) *shellHarness {
	t.Helper()
	return newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
}

func TestStatusBarCountsSetAsideRecordsAndOpensSettingsData(t *testing.T) {
	// given a shell whose account set three records aside and quarantined an action
	h := healthShell(t)
	bar := h.shell.status

	// when the state arrives
	bar.set(backend.SyncState{Online: true, LastSync: uitest.Now, SetAside: 3, Damaged: 1})

	// then the status bar counts both
	require.True(t, bar.health.Visible())
	assert.Equal(t, "3 records set aside, 1 damaged actions", bar.health.Text)

	// when the count is clicked
	test.Tap(bar.health)

	// then Settings opens
	assert.Equal(t, ScreenSettings, h.shell.Current())

	// and once nothing is set aside, the count goes away
	bar.set(backend.SyncState{Online: true, LastSync: uitest.Now})
	assert.False(t, bar.health.Visible())
}

func TestStatusBarShowsTheServersWaitAndTheOfflineRetry(t *testing.T) {
	// given a shell
	h := healthShell(t)
	bar := h.shell.status
	at := func(hh, mm int) time.Time { return time.Date(2026, 11, 20, hh, mm, 0, 0, kit.DisplayLocation()) }

	// when the server asked to wait until 14:05
	bar.set(backend.SyncState{Online: true, Held: at(14, 5), Offline: at(13, 0)})

	// then that is what shows, whatever the offline retry
	require.True(t, bar.wait.Visible())
	assert.Equal(t, "Rate limited until 14:05", bar.wait.Text)

	// when only the offline retry is due
	bar.set(backend.SyncState{Offline: at(9, 41)})
	assert.Equal(t, "Next try at 09:41", bar.wait.Text)

	// and when neither is, nothing shows
	bar.set(backend.SyncState{Online: true})
	assert.False(t, bar.wait.Visible())
}

func TestAStartUpRepairIsToldOnceInPlainWords(t *testing.T) {
	// given a shell whose account's cache was repaired at start-up
	h := healthShell(t)
	rep := &backend.Repair{Problem: "the file is empty although this account has synced before",
		MovedTo: "/data/acct-a/cache.db.corrupt-20261120T100000.000Z"}

	// when the state arrives
	h.shell.status.set(backend.SyncState{Repaired: rep})

	// then a dialog says what happened and what was saved
	top := h.shell.Window().Canvas().Overlays().Top()
	require.NotNil(t, top, "the repair is told")
	assert.True(t, uitest.Shows(top, "This account's local data was damaged"))
	assert.True(t, uitest.Shows(top, rep.MovedTo))
	assert.True(t, uitest.Shows(top, "No queued actions could be found"))

	// when it is dismissed and the same state arrives again
	test.Tap(uitest.FindButton(t, top, "OK"))
	require.Nil(t, h.shell.Window().Canvas().Overlays().Top())
	h.shell.status.set(backend.SyncState{Repaired: rep})

	// then it is not told twice
	assert.Nil(t, h.shell.Window().Canvas().Overlays().Top())
}
