package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/internal/desktopbus"
)

// trayMenu is the system tray icon's menu: what waits (unread and to do),
// show the window, sync now, pause notifications, quit. On a desktop
// without a tray it does nothing.
type trayMenu struct {
	s      *Shell
	app    desktop.App
	counts *fyne.MenuItem
	pause  *fyne.MenuItem
	menu   *fyne.Menu
}

func newTrayMenu(s *Shell) *trayMenu {
	t := &trayMenu{s: s}
	app, ok := s.app.(desktop.App)
	if !ok || !desktopbus.Reachable() {
		return t
	}
	t.app = app
	t.counts = fyne.NewMenuItem("", func() { s.showWindow() })
	t.pause = fyne.NewMenuItem(lang.L("Pause notifications"), t.togglePause)
	t.pause.Checked = s.prefs.NotificationsPaused()
	t.menu = fyne.NewMenu(lang.L("Merchant Console"),
		t.counts,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Show"), s.showWindow),
		fyne.NewMenuItem(lang.L("Sync now"), s.SyncNow),
		t.pause,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Quit"), s.Quit),
	)
	t.refresh()
	app.SetSystemTrayIcon(assets.Icon)
	app.SetSystemTrayMenu(t.menu)
	return t
}

// refresh shows the combined unread and to-do counts of every account.
func (t *trayMenu) refresh() {
	if t.app == nil {
		return
	}
	unread, todo := 0, 0
	for _, c := range t.s.todo {
		unread += c.Unread
		todo += c.total()
	}
	t.counts.Label = lang.L("{{.Unread}} unread · {{.Todo}} to do", map[string]any{"Unread": unread, "Todo": todo})
	t.menu.Refresh()
}

func (t *trayMenu) togglePause() {
	paused := !t.s.prefs.NotificationsPaused()
	t.s.prefs.SetNotificationsPaused(paused)
	if t.s.b.PauseNotifications != nil {
		t.s.b.PauseNotifications(paused)
	}
	t.pause.Checked = paused
	t.menu.Refresh()
}

func (s *Shell) showWindow() {
	s.win.Show()
	s.win.RequestFocus()
}
