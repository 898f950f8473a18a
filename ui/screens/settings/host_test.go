package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/prefs"
)

// testHost is the window around Settings in these tests: a headless app
// and window, real preferences, and a backend the test fills in. It
// records what Settings asked of it.
type testHost struct {
	loop     *uitest.Loop
	app      fyne.App
	win      fyne.Window
	b        *backend.Backend
	prefs    prefs.Prefs
	account  string
	changed  int // AccountsChanged calls
	applied  int // ApplyPrefs calls
	accounts []backend.AccountInfo
}

var _ Host = (*testHost)(nil)

func newTestHost(t *testing.T, accounts ...backend.AccountInfo) *testHost {
	t.Helper()
	h := &testHost{loop: uitest.NewLoop(t), app: test.NewTempApp(t), accounts: accounts}
	h.win = test.NewTempWindow(t, nil)
	h.win.Resize(fyne.NewSize(1280, 800))
	h.prefs = prefs.New(h.app.Preferences())
	h.b = &backend.Backend{Accounts: func() []backend.AccountInfo { return h.accounts }, DataDir: t.TempDir()}
	if len(accounts) > 0 {
		h.account = accounts[0].ID
	}
	return h
}

func (h *testHost) App() fyne.App             { return h.app }
func (h *testHost) Window() fyne.Window       { return h.win }
func (h *testHost) Backend() *backend.Backend { return h.b }
func (h *testHost) Prefs() prefs.Prefs        { return h.prefs }
func (h *testHost) Account() string           { return h.account }
func (h *testHost) SwitchAccount(id string)   { h.account = id }
func (h *testHost) AccountsChanged()          { h.changed++ }
func (h *testHost) ApplyPrefs()               { h.applied++ }
func (h *testHost) AgentName() string         { return "李四" }
