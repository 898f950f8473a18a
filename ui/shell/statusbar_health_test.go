package shell

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/prefs"
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

func TestARepairOfAnAccountNotShownIsToldAtStart(t *testing.T) {
	// given two accounts, the one not shown repaired at start-up
	stores := shellStores(t, "acct-a", "acct-b")
	rep := backend.Repair{Problem: "it is not a database file at all", MovedTo: "/data/b/cache.db.corrupt-1", Actions: 2, Pending: 2}
	uitest.NewLoop(t) // the poll's updates wait in the loop: this test is Fyne's goroutine
	a := test.NewTempApp(t)
	b := &backend.Backend{
		Accounts: func() []backend.AccountInfo {
			return []backend.AccountInfo{{ID: "acct-a", Label: "Shop A", Site: "cn"}, {ID: "acct-b", Label: "Shop B", Site: "cn"}}
		},
		Store: func(id string) *localstore.Store { return stores[id] },
		State: func(id string) backend.SyncState {
			if id == "acct-b" {
				return backend.SyncState{Repaired: &rep}
			}
			return backend.SyncState{Online: true}
		},
		Now: func() time.Time { return uitest.Now }, DataDir: t.TempDir(),
	}
	p := prefs.New(a.Preferences())
	p.SetAgentName("李四") // an agent who has used the console before: no welcome dialog
	s := NewShell(a, b, p)
	t.Cleanup(s.Close)
	s.Window().Resize(fyne.NewSize(1280, 800))
	require.Equal(t, "acct-a", s.Account())

	// when the shown account's first state arrives
	s.status.set(b.State("acct-a"))

	// then the other account's repair is told, naming it, with what was saved
	top := s.Window().Canvas().Overlays().Top()
	require.NotNil(t, top)
	assert.True(t, uitest.Shows(top, "Shop B"))
	assert.True(t, uitest.Shows(top, "2 queued actions were saved; 2 of them are sent with the next sync."))

	// and switching to it later does not tell it again
	test.Tap(uitest.FindButton(t, top, "OK"))
	s.SwitchAccount("acct-b")
	s.status.set(b.State("acct-b"))
	assert.Nil(t, s.Window().Canvas().Overlays().Top())
}

func TestStatusBarLeavesTheProblemTheWidthLeft(t *testing.T) {
	// given a shell in a small window
	h := healthShell(t)
	h.shell.Window().Resize(fyne.NewSize(1024, 640))

	// when a sync fails while the server's wait shows
	h.shell.status.set(backend.SyncState{Held: uitest.Now.Add(time.Hour), Problem: errors.New("MKT.0250 rate limited (HTTP 429)")})
	h.shell.Window().Content().Refresh()

	// then the problem is shown with room to read, not as a bare ellipsis
	require.True(t, h.shell.status.problem.Visible())
	assert.Greater(t, h.shell.status.problem.Size().Width, float32(100))
}
