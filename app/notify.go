package app

import (
	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/internal/desktopbus"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/kit"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
	"github.com/koogallery/merchant-console/ui/screens"
)

// notifySettings are the saved rules in the interface's language.
func notifySettings(prefs uiprefs.Prefs) notify.Settings {
	s := prefs.Notify()
	s.Lang = notify.LangEN
	if i18n.IsChinese() {
		s.Lang = notify.LangZH
	}
	return s
}

// desktopNotifier shows popups through the OS (D-Bus on Linux, beeep
// elsewhere), with Fyne's own notification as the fallback; a popup's
// "Open" opens its record in the window.
func desktopNotifier(a fyne.App, lang notify.Lang, events *relay) *notify.NotifierOptions {
	return &notify.NotifierOptions{AppName: "Merchant Console", Icon: assets.Icon.Content(), Lang: lang,
		Fallback: fyneFallback(a), OnOpen: events.open}
}

// open shows a popup's record: its account, its list, the record selected,
// and the window raised. It arrives on the D-Bus goroutine.
func (r *relay) open(account string, res domain.Resource, id string) {
	s := r.shell.Load()
	if s == nil {
		return
	}
	kit.Do(func() { // fyne.Do, which tests swap for a queue they run
		s.SwitchAccount(account)
		s.Navigate(screens.NavTarget{Resource: res, RecordID: id})
		s.Window().Show()
		s.Window().RequestFocus()
	})
}

// fyneFallback is Fyne's own notification, for when the desktop fails. On Linux it
// goes over the same session bus, so without one it is left out (the in-app
// centre still has every notification) rather than log an error per popup.
func fyneFallback(a fyne.App) func(title, body string) {
	if !desktopbus.Reachable() {
		return nil
	}
	return func(title, body string) {
		fyne.Do(func() { a.SendNotification(fyne.NewNotification(title, body)) })
	}
}
