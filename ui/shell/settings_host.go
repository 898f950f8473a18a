package shell

import (
	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/prefs"
	"github.com/koogallery/merchant-console/ui/screens/settings"
)

// The shell is the host Settings runs in.
var _ settings.Host = (*Shell)(nil)

// App is the Fyne app the window belongs to.
func (s *Shell) App() fyne.App { return s.app }

// Backend is what the window was given to reach the rest of the program.
func (s *Shell) Backend() *backend.Backend { return s.b }

// Prefs are the console's settings.
func (s *Shell) Prefs() prefs.Prefs { return s.prefs }

// AddAccount opens the add-account form (Settings, the sandbox banner).
func (s *Shell) AddAccount() {
	settings.AddAccount(s)
}

// AccountsChanged refreshes everything that lists accounts.
func (s *Shell) AccountsChanged() {
	if !s.hasAccount(s.account) { // the account shown was removed or renamed
		s.closeScreens()
		s.account = s.firstAccount()
		s.refreshAccountChrome()
		s.Show(s.current) // rebuilt: the closed screens showed the old account
		s.dirty.Store(true)
		return
	}
	s.refreshAccountChrome()
	if st, ok := s.screens[ScreenSettings]; ok {
		st.Reload()
	}
	s.dirty.Store(true)
}

// ApplyPrefs lets the backend pick up changed sync or notification settings.
func (s *Shell) ApplyPrefs() {
	if s.b.ApplyPrefs != nil {
		s.b.ApplyPrefs(s.prefs)
	}
}
