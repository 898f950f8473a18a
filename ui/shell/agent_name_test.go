package shell

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/prefs"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// firstStart opens the window on preferences that have never been saved.
func firstStart(t *testing.T) (*Shell, prefs.Prefs) {
	t.Helper()
	uitest.NewLoop(t)
	a := test.NewTempApp(t)
	stores := shellStores(t, "acct-a")
	b := &backend.Backend{
		Accounts: func() []backend.AccountInfo { return []backend.AccountInfo{{ID: "acct-a", Site: "cn"}} },
		Store:    func(id string) *localstore.Store { return stores[id] },
		State:    func(string) backend.SyncState { return backend.SyncState{Online: true} },
		Now:      func() time.Time { return uitest.Now },
		DataDir:  t.TempDir(),
	}
	p := prefs.New(a.Preferences())
	s := NewShell(a, b, p)
	t.Cleanup(s.Close)
	s.Window().Resize(fyne.NewSize(1024, 640))
	return s, p
}

func TestAgentName_AskedOnFirstStartAndKept(t *testing.T) {
	// given the console's first start
	s, p := firstStart(t)

	// then it asks for the agent's name, and until then acts as "Agent", not the login name
	dlg := s.Window().Canvas().Overlays().Top()
	require.NotNil(t, dlg, "no question on first start")
	assert.Equal(t, "Agent", s.AgentName())
	name, ok := s.Window().Canvas().Focused().(*widgets.Entry)
	require.True(t, ok, "the keyboard is not in the name field")

	// when a name is typed and saved
	test.Type(name, "王芳")
	test.Tap(uitest.FindButton(t, dlg, "Save"))

	// then tickets are answered under it, and it is remembered
	assert.Equal(t, "王芳", s.AgentName())
	assert.Equal(t, "王芳", p.AgentName())
	assert.Nil(t, s.Window().Canvas().Overlays().Top())
}

func TestAgentName_NotAskedAgain(t *testing.T) {
	// given an agent who gave their name before
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})

	// then no dialog greets them
	assert.Nil(t, h.shell.Window().Canvas().Overlays().Top())
	assert.Equal(t, "李四", h.shell.AgentName())
}

func TestAgentName_EnterSavesLikeTheButton(t *testing.T) {
	// given the first-start question with a name typed
	s, p := firstStart(t)
	name, ok := s.Window().Canvas().Focused().(*widgets.Entry)
	require.True(t, ok, "the keyboard is not in the name field")
	test.Type(name, "王芳")

	// when Enter is pressed in the field
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	// then the name is saved and the dialog is gone
	assert.Equal(t, "王芳", p.AgentName())
	assert.Nil(t, s.Window().Canvas().Overlays().Top())
}
