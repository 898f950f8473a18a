package shell

import (
	"context"
	"net/url"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/prefs"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/screens/settings"
)

// Shell is the console's window: account switcher, navigation, the current
// screen, the status bar, the tray and the shortcuts. Its methods run on
// Fyne's goroutine except DataChanged, which any goroutine may call.
type Shell struct {
	app     fyne.App
	win     fyne.Window
	b       *backend.Backend
	prefs   prefs.Prefs
	account string
	current ScreenID
	screens map[ScreenID]screens.Screen // built lazily for the current account
	body    *fyne.Container
	// bodyScroll holds body; it scrolls only when the banners leave a screen less than its minimum height
	bodyScroll *container.Scroll
	nav        *navList
	header     *accountBar
	status     *statusBar
	banner     *sandboxBanner
	tray       *trayMenu
	centre     *noticeCentre
	notice     *unavailableBanner
	todo       map[string]localTodo   // per account, from the last poll
	dirty      atomic.Bool            // the current account's data changed
	counts     atomic.Bool            // some account's counts changed (a notification)
	shown      atomic.Pointer[string] // the account shown, for DataChanged
	stop       chan struct{}
	closed     bool
}

// NewShell builds the window for the backend's accounts, opens the account
// used last (or the first) on the Overview, and starts polling sync state.
// Call ShowAndRun on the result's Window, or Close in tests.
func NewShell(a fyne.App, b *backend.Backend, prefs prefs.Prefs) *Shell {
	s := &Shell{app: a, b: b, prefs: prefs, screens: map[ScreenID]screens.Screen{},
		todo: map[string]localTodo{}, stop: make(chan struct{})}
	s.win = a.NewWindow(lang.L("KooGallery Merchant Console"))
	s.win.SetIcon(assets.Icon)
	s.win.Resize(prefs.WindowSize())
	s.account = s.firstAccount()
	s.build()
	s.installShortcuts()
	s.tray = newTrayMenu(s)
	s.win.SetCloseIntercept(s.Quit)
	s.Show(ScreenOverview)
	settings.Unlock(s) // accounts whose keys are in the encrypted file wait for it
	s.askAgentNameOnce()
	go s.poll(kit.Do)
	return s
}

// Window is the console's main window.
func (s *Shell) Window() fyne.Window { return s.win }

// Current is the screen shown.
func (s *Shell) Current() ScreenID { return s.current }

// Account is the account shown.
func (s *Shell) Account() string { return s.account }

// ScreenFor returns the screen built for id, if it was shown for this account.
func (s *Shell) ScreenFor(id ScreenID) (screens.Screen, bool) {
	scr, ok := s.screens[id]
	return scr, ok
}

func (s *Shell) build() {
	s.body = container.NewStack()
	s.bodyScroll = container.NewVScroll(s.body)
	s.centre = newNoticeCentre(s)
	s.nav = newNavList(s)
	s.header = newAccountBar(s)
	s.status = newStatusBar(s)
	s.banner = newSandboxBanner(s)
	s.notice = newUnavailableBanner()
	top := container.NewVBox(s.banner.root, s.notice.root, s.header.root, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), s.status.root)
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), s.nav.root)
	// The screen scrolls as a whole only when the banners leave it less
	// height than it needs: the window then never asks for more than a
	// 1024x640 screen, and the status bar stays on it. A taller window sizes
	// the screen to fill it, so lists keep their own scrolling.
	s.win.SetContent(container.NewBorder(top, bottom, left, nil, s.bodyScroll))
	s.refreshAccountChrome()
}

// Show switches to a screen, building it the first time, and reloads it so
// it is current.
func (s *Shell) Show(id ScreenID) {
	if id < 0 || id >= screenCount {
		return
	}
	scr := s.screenOf(id)
	s.current = id
	s.body.Objects = []fyne.CanvasObject{scr.Object()}
	s.body.Refresh()
	// the scroll sizes its content only when it is itself laid out, which
	// ScrollToTop does: else a screen left taller by the last one would
	// run under the status bar
	s.bodyScroll.ScrollToTop()
	s.nav.selectQuietly(id)
	scr.Reload()
}

func (s *Shell) screenOf(id ScreenID) screens.Screen {
	if scr, ok := s.screens[id]; ok {
		return scr
	}
	scr := s.buildScreen(id)
	s.screens[id] = scr
	return scr
}

// Navigate shows a list screen filtered as an overview card asks. A
// message-centre message has no screen: it opens in the notification
// centre's message dialog (a popup's "Open" on one comes here).
func (s *Shell) Navigate(t screens.NavTarget) {
	if t.Resource == domain.ResMessages {
		s.centre.openMessage(s.account, t.RecordID)
		return
	}
	id, ok := screenFor(t.Resource)
	if !ok {
		return
	}
	s.Show(id)
	if o, ok := s.screens[id].(screens.Opener); ok {
		o.Open(t)
	}
}

// SwitchAccount shows another account. Every screen of the previous account
// is closed and dropped, so none of its rows can linger on screen.
func (s *Shell) SwitchAccount(id string) {
	if id == s.account || !s.hasAccount(id) {
		return
	}
	s.closeScreens()
	s.account = id
	s.prefs.SetCurrentAccount(id)
	s.refreshAccountChrome()
	s.Show(s.current)
}

// DataChanged tells the shell an account's cache changed (after a sync or an
// outbox update). Safe from any goroutine; the shown screen reloads within
// a second, once however many changes arrive.
func (s *Shell) DataChanged(account string) {
	if account == "" || account == s.accountSnapshot() {
		s.dirty.Store(true)
	}
}

// Notified tells the shell the notify engine delivered n (popup or silent).
// Safe from any goroutine: the bell's count is read again within a second,
// and a coalesced notification stays one row in the centre.
func (s *Shell) Notified(n notify.Notification) {
	s.centre.notified(n)
	s.counts.Store(true)
	s.DataChanged(n.Account)
}

// accountSnapshot is read off Fyne's goroutine by DataChanged; a stale
// answer only costs one extra reload.
func (s *Shell) accountSnapshot() string {
	if p := s.shown.Load(); p != nil {
		return *p
	}
	return ""
}

// Close stops polling and every screen's goroutines.
func (s *Shell) Close() {
	if s.closed {
		return
	}
	s.closed = true
	close(s.stop)
	s.closeScreens()
	s.centre.close()
}

// Quit closes the shell, lets the backend shut down and ends the app. The
// window's size is kept for the next start.
func (s *Shell) Quit() {
	s.prefs.SetWindowSize(s.win.Canvas().Size())
	s.Close()
	if s.b.Quit != nil {
		s.b.Quit()
	}
	s.app.Quit()
}

func (s *Shell) closeScreens() {
	for id, scr := range s.screens {
		scr.Close()
		delete(s.screens, id)
	}
}

func (s *Shell) firstAccount() string {
	accts := s.b.AccountList()
	last := s.prefs.CurrentAccount()
	for _, a := range accts {
		if a.ID == last {
			return a.ID
		}
	}
	if len(accts) > 0 {
		return accts[0].ID
	}
	return ""
}

func (s *Shell) hasAccount(id string) bool {
	for _, a := range s.b.AccountList() {
		if a.ID == id {
			return true
		}
	}
	return false
}

func (s *Shell) accountInfo() (backend.AccountInfo, bool) {
	for _, a := range s.b.AccountList() {
		if a.ID == s.account {
			return a, true
		}
	}
	return backend.AccountInfo{}, false
}

// refreshAccountChrome updates what depends on the account: the switcher,
// the sandbox banner and the status bar.
func (s *Shell) refreshAccountChrome() {
	acct := s.account
	s.shown.Store(&acct)
	s.header.refresh()
	info, _ := s.accountInfo()
	s.banner.show(info.Sandbox)
	s.status.setAccount(s.account)
}

// screenBackend binds the screens to the current account: a screen built
// for account A reads A's cache for its whole life.
func (s *Shell) screenBackend() *screens.Backend {
	acct := s.account
	b := &screens.Backend{
		Store:    func() *localstore.Store { return s.b.StoreOf(acct) },
		DataDir:  s.b.DataDir,
		Agent:    s.AgentName,
		Now:      s.b.Time,
		OpenURL:  func(u *url.URL) error { return s.app.OpenURL(u) },
		OpenFile: func(path string, failed func(error)) { kit.OpenFile(s.app, path, failed) },
		Navigate: s.Navigate,
		Window:   func() fyne.Window { return s.win },
		// the library is the agent's, not the account's
		QuickReplies: s.b.QuickReplies,
	}
	if s.b.Enqueue != nil { // else the screens use the store's own outbox
		b.Enqueue = s.enqueue
	}
	b.Amend = s.amender(acct)
	if s.b.SyncNow != nil {
		b.SendOutbox = func() { s.b.SyncNow(acct) }
	}
	s.bindRemote(b, acct)
	s.bindRules(b, acct)
	if s.b.SaveAttachment != nil {
		b.SaveAttachment = func(ctx context.Context, tid, aid, dir string) (string, error) {
			return s.b.SaveAttachment(ctx, acct, tid, aid, dir)
		}
	}
	return b
}

func (s *Shell) enqueue(a domain.Action) error {
	err := s.b.Enqueue(a)
	s.dirty.Store(true)
	return err
}

// bindRemote adapts the backend's per-account calls to the screens'.
func (s *Shell) bindRemote(b *screens.Backend, acct string) {
	if s.b.LookupOrder != nil {
		b.LookupOrder = func(ctx context.Context, orderID, lineID string) (marketapi.OrderQueryResponse, error) {
			return s.b.LookupOrder(ctx, acct, orderID, lineID)
		}
	}
	if s.b.Export != nil {
		b.Export = func(ctx context.Context, req backend.ExportRequest, progress func(float64)) (string, error) {
			return s.b.Export(ctx, acct, req, progress)
		}
	}
}
