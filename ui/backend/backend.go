package backend

import (
	"context"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/prefs"
)

// AccountInfo is a configured account as the shell shows it.
type AccountInfo struct {
	ID      string // the local account name; also the cache's account
	Label   string // what the switcher shows, e.g. "华为云商店旗舰店"
	Site    string // "cn", "intl", "eu" or "sandbox"
	Sandbox bool   // the built-in sandbox, not a real marketplace
}

// SyncState is one account's sync state for the status bar.
type SyncState struct {
	Online   bool
	Syncing  bool
	Progress float64   // 0..1 while a first sync runs; negative when unknown
	LastSync time.Time // last successful sync; zero if never
	Outbox   int       // actions not yet delivered
	Problem  error     // the last failure, nil after a success
}

// AccountForm is what Settings collects to add or change an account. The
// secret key only travels to the backend, which puts it in the OS keyring.
type AccountForm struct {
	Name    string
	Site    string
	BaseURL string // optional override (a test server, the sandbox)
	AK, SK  string
}

// Backend is everything the shell and Settings need from outside the UI, as
// plain callbacks so the backend never imports widgets. The app fills it in
// (app/backend.go); tests fill it with real stores. Callbacks may be called on
// Fyne's goroutine, so any that can block must be quick or hand off.
// A nil callback turns its feature off.
type Backend struct {
	// Accounts lists the configured accounts, in switcher order.
	Accounts func() []AccountInfo
	// Store is an account's open cache, nil if it could not be opened.
	Store func(accountID string) *localstore.Store
	// State is an account's sync state; polled about once a second.
	State func(accountID string) SyncState
	// SyncNow asks one account ("" for all) to sync at once.
	SyncNow func(accountID string)
	// Enqueue puts an action in the outbox and wakes the sender.
	Enqueue func(domain.Action) error
	// LookupOrder asks the real open API about an order line.
	LookupOrder func(ctx context.Context, accountID, orderID, lineID string) (marketapi.OrderQueryResponse, error)
	// Export writes a report file for an account and returns its path.
	Export func(ctx context.Context, accountID string, req ExportRequest, progress func(float64)) (string, error)
	// ApplyPrefs is called after Settings changed sync intervals or
	// notification rules, so the backend can re-read them.
	ApplyPrefs func(prefs.Prefs)
	// PauseNotifications silences (true) or resumes popups.
	PauseNotifications func(paused bool)
	// TestConnection signs a whoami request with the form's keys.
	TestConnection func(ctx context.Context, f AccountForm) (marketapi.WhoAmI, error)
	// SaveAccount adds or updates an account and stores its keys in the keyring.
	SaveAccount func(f AccountForm) error
	// RemoveAccount forgets an account and deletes its keys.
	RemoveAccount func(accountID string) error
	// NotificationsProblem is nil while system notifications work (or
	// nobody tried yet), else why they do not; polled about once a second,
	// so it must be quick. The shell says so once.
	NotificationsProblem func() error
	// KeyringProblem is nil when the OS keyring works, else why it does not.
	KeyringProblem func() error
	// Compact rewrites an account's cache file to reclaim space.
	Compact func(accountID string) error
	// Delisting is an account's delisting counter on the marketplace's clock.
	Delisting func(accountID string) ([]domain.DelistingCount, error)
	// Served is the resources an account's server publishes, nil when it
	// publishes everything (a production-interface gateway serves orders
	// and alerts only).
	Served func(accountID string) []domain.Resource
	// SellerCenterURL is the seller center's 生产接口消息 page for an
	// account's site, "" when unknown.
	SellerCenterURL func(accountID string) string
	// DataDir is where caches, exports and logs live.
	DataDir string
	// LogFile is the current log file, shown in Settings for support.
	LogFile string
	// Now is the clock (the sandbox may run fast); default time.Now.
	Now func() time.Time
	// Quit ends the app cleanly (closes stores, stops sync).
	Quit func()
}

// Time is the backend's clock, or the system's when none is set.
func (b *Backend) Time() time.Time {
	if b.Now == nil {
		return time.Now()
	}
	return b.Now()
}

// StoreOf is an account's open cache, nil when there is none.
func (b *Backend) StoreOf(id string) *localstore.Store {
	if b.Store == nil || id == "" {
		return nil
	}
	return b.Store(id)
}

// AccountList is the configured accounts, none when the callback is unset.
func (b *Backend) AccountList() []AccountInfo {
	if b.Accounts == nil {
		return nil
	}
	return b.Accounts()
}
