package settings

import (
	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/prefs"
)

// Host is what Settings needs from the window around it. Every method runs
// on Fyne's goroutine.
type Host interface {
	// App is the Fyne app: Settings opens folders and changes the theme.
	App() fyne.App
	// Window parents Settings' dialogs.
	Window() fyne.Window
	// Backend reaches accounts, keys and caches.
	Backend() *backend.Backend
	// Prefs are the settings Settings edits.
	Prefs() prefs.Prefs
	// Account is the account shown.
	Account() string
	// SwitchAccount shows another account.
	SwitchAccount(id string)
	// AccountsChanged refreshes what lists accounts after an add or remove.
	AccountsChanged()
	// ApplyPrefs hands changed sync or notification settings to the backend.
	ApplyPrefs()
	// AgentName is the name the user acts under, the agent field's hint.
	AgentName() string
}

// New builds the Settings screen inside its host.
func New(h Host) *Screen { return newSettingsScreen(h) }

// AddAccount opens the add-account form (Settings, the sandbox banner).
func AddAccount(h Host) { openAccountForm(h, nil) }
