package backend

import (
	"context"
	"time"

	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/prefs"
)

// AccountInfo is a configured account as the shell shows it.
type AccountInfo struct {
	ID      string // the local account name; also the cache's account
	Label   string // what the switcher shows, e.g. "华为云商店旗舰店"
	Site    string // "cn", "intl", "eu" or "sandbox"
	Sandbox bool   // the built-in sandbox, not a real marketplace
	URL     string // the API endpoint its requests go to
	Store   string // where its keys are: "keyring", "file", "env", "" (keyring, else environment)
	// CacheDir is the folder of its cache, which stays when it is removed.
	CacheDir string
	// Locked: its keys are in the credentials file, which waits for its
	// passphrase (Backend.Unlock) before the account syncs.
	Locked bool
}

// SyncState is one account's sync state for the status bar.
type SyncState struct {
	Online   bool
	Syncing  bool
	Progress float64   // 0..1 while a first sync runs; negative when unknown
	LastSync time.Time // last successful sync; zero if never
	Outbox   int       // actions not yet delivered
	Problem  error     // the last failure, nil after a success
	// Cause is why the marketplace cannot be reached, while offline.
	Cause syncer.Cause

	SetAside int       // records the server sent that the cache set aside (Settings → Data lists them)
	Damaged  int       // quarantined outbox entries, never sent
	Held     time.Time // the server asked to wait until then ("rate limited until"); zero when not
	Offline  time.Time // the next try after the marketplace could not be reached; zero when none
	Repaired *Repair   // what the repair at start-up found and saved; nil when none ran
}

// AccountForm is what Settings collects to add or change an account. The
// secret key and the passphrase only travel to the backend, which puts the
// keys in the chosen store.
type AccountForm struct {
	Name    string
	Site    string
	BaseURL string // optional override (a test server, the sandbox)
	Store   string // "keyring", "file" or "env"
	AK, SK  string // empty in an edit: keep the current keys
	// Passphrase unlocks (or creates) the credentials file; empty when
	// it is unlocked already or not involved.
	Passphrase string
	// Editing is the account being edited, "" when adding.
	Editing string
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
	// RetryAction, EditAction and DiscardAction deal with an outbox entry
	// that did not go through (refused, held, or unsent) and wake the sender.
	RetryAction   func(accountID, key string) error
	EditAction    func(accountID, key string, p domain.ActionParams) error
	DiscardAction func(accountID, key string) error
	// LookupOrder asks the real open API about an order line.
	LookupOrder func(ctx context.Context, accountID, orderID, lineID string) (marketapi.OrderQueryResponse, error)
	// SaveAttachment downloads a ticket attachment of an account into dir
	// ("" is the account's own attachments folder) and returns its path.
	SaveAttachment func(ctx context.Context, accountID, ticketID, attachmentID, dir string) (string, error)
	// Export writes a report file for an account and returns its path.
	Export func(ctx context.Context, accountID string, req ExportRequest, progress func(float64)) (string, error)
	// ApplyPrefs is called after Settings changed sync intervals or
	// notification rules, so the backend can re-read them.
	ApplyPrefs func(prefs.Prefs)
	// PauseNotifications silences (true) or resumes popups.
	PauseNotifications func(paused bool)
	// TestConnection signs a whoami request with the form's keys.
	TestConnection func(ctx context.Context, f AccountForm) (marketapi.WhoAmI, error)
	// KeyStores says which key stores work here and which a new account
	// uses by default. It probes the keyring (seconds): call it off
	// Fyne's goroutine.
	KeyStores func() credentials.StoreChoice
	// SaveAccount adds an account and stores its keys in f.Store.
	SaveAccount func(f AccountForm) error
	// EditAccount changes the account f.Editing (name, site, URL, store, keys).
	EditAccount func(f AccountForm) error
	// RemoveAccount forgets an account and deletes its keys.
	RemoveAccount func(accountID string) error
	// NeedsUnlock reports whether an account waits for the credentials
	// file's passphrase; quick.
	NeedsUnlock func() bool
	// Unlock opens the credentials file for this session and starts the
	// accounts that waited for it; credentials.ErrWrongPassphrase when
	// the passphrase is wrong. It derives a key (a second): off Fyne's
	// goroutine.
	Unlock func(passphrase string) error
	// NotificationsProblem is nil while system notifications work (or
	// nobody tried yet), else why they do not; polled about once a second,
	// so it must be quick. The shell says so once.
	NotificationsProblem func() error
	// Compact rewrites an account's cache file to reclaim space.
	Compact func(accountID string) error
	// CheckAndRepair reads an account's whole cache and repairs it when it
	// is damaged; nil Repair when it was sound. It takes seconds: call it
	// off Fyne's goroutine.
	CheckAndRepair func(accountID string) (*Repair, error)
	// QuickReplies is the agent's quick-reply library, the same for every
	// account; nil hides the reply box's quick replies.
	QuickReplies func() *quickreply.Library
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
