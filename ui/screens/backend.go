package screens

import (
	"context"
	"net/url"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/ui/backend"
)

// Backend is everything the record screens (overview, lists, details,
// exports) need from outside the UI, as plain values and callbacks so the
// backend never imports widgets. Nil callbacks switch the matching feature
// off (the button is hidden or disabled) rather than crash.
type Backend struct {
	// Store is the current account's cache; it changes when the user switches
	// accounts, so screens ask for it on every load.
	Store func() *localstore.Store
	// Enqueue puts an action in the outbox and wakes the sender. When nil the
	// store's own Enqueue is used and the next sync sends it.
	Enqueue func(domain.Action) error
	// Amend retries, edits (p set) or discards an outbox entry and wakes
	// the sender. When nil the store's own methods are used.
	Amend func(a domain.Action, op Amend, p *domain.ActionParams) error
	// SendOutbox wakes the sender after a held action was released (send
	// anyway); when nil the next scheduled sync sends it.
	SendOutbox func()
	// LookupOrder asks the real open API about an order line.
	LookupOrder func(ctx context.Context, orderID, lineID string) (marketapi.OrderQueryResponse, error)
	// SaveAttachment downloads a ticket attachment into dir ("" is the
	// account's attachments folder under the data dir) and returns the
	// file's path. Nil hides the Save and Open buttons.
	SaveAttachment func(ctx context.Context, ticketID, attachmentID, dir string) (string, error)
	// Export writes a report file and returns its path; progress gets a
	// fraction in [0, 1] and may be called from any goroutine.
	Export func(ctx context.Context, req backend.ExportRequest, progress func(float64)) (string, error)
	// DataDir is where the export history file lives.
	DataDir string
	// Agent is the display name the user acts under (ticket replies, accepts).
	Agent func() string
	// Now is the clock; the sandbox may run it fast. Lists format rows with
	// it on their loader goroutine, so it must be safe to call from any.
	Now func() time.Time
	// OpenURL opens a file:// or https:// address with the desktop.
	OpenURL func(*url.URL) error
	// OpenFile opens a file or folder with the desktop's handler for its
	// type; failed, called on Fyne's goroutine, says what went wrong (no
	// program for .xlsx…). Nil falls back to OpenURL.
	OpenFile func(path string, failed func(error))
	// Delisting is the account's delisting counter (see DelistingCounts);
	// nil reads the current cache.
	Delisting func() ([]domain.DelistingCount, error)
	// Served is the resources the account's server publishes, nil when it
	// publishes everything (see NotServed).
	Served func() []domain.Resource
	// SellerCenterURL is the seller center's 生产接口消息 page for the
	// account's site, "" when unknown.
	SellerCenterURL func() string
	// QuickReplies is the agent's quick-reply library (personal, shared and
	// example sets); nil hides the reply box's quick-reply button.
	QuickReplies func() *quickreply.Library
	// Navigate shows a list screen pre-filtered (cards on the overview).
	Navigate func(NavTarget)
	// Window parents dialogs.
	Window func() fyne.Window
}

// NavTarget names a list screen and the statuses to pre-select in it.
type NavTarget struct {
	Resource domain.Resource
	Statuses []string
	RecordID string // optional: select this record
}

// Time is the backend's clock, or the system's when none is set.
func (b *Backend) Time() time.Time {
	if b == nil || b.Now == nil {
		return time.Now()
	}
	return b.Now()
}

// CurrentStore is the cache of the account the screens are bound to, nil
// when it could not be opened.
func (b *Backend) CurrentStore() *localstore.Store {
	if b == nil || b.Store == nil {
		return nil
	}
	return b.Store()
}

// AgentName is the name the user acts under, "" when unknown.
func (b *Backend) AgentName() string {
	if b == nil || b.Agent == nil {
		return ""
	}
	return b.Agent()
}

// ParentWindow is the window dialogs belong to: the backend's, else the
// app's first.
func (b *Backend) ParentWindow() fyne.Window {
	if b != nil && b.Window != nil {
		return b.Window()
	}
	if a := fyne.CurrentApp(); a != nil {
		if ws := a.Driver().AllWindows(); len(ws) > 0 {
			return ws[0]
		}
	}
	return nil
}

// Open opens a file or folder with the desktop (OpenFile, else OpenURL) and
// hands any failure, in words, to failed on Fyne's goroutine.
func (b *Backend) Open(path string, failed func(error)) {
	if b.OpenFile != nil {
		b.OpenFile(path, failed)
		return
	}
	if b.OpenURL == nil {
		return
	}
	if err := b.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}); err != nil {
		failed(err)
	}
}
