package app

import (
	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/internal/desktopbus"
	"github.com/koogallery/merchant-console/notify"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
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

// desktopNotifier shows popups through the OS (beeep), with Fyne's own
// notification as the fallback.
func desktopNotifier(a fyne.App) *notify.NotifierOptions {
	return &notify.NotifierOptions{AppName: "Merchant Console", Icon: assets.Icon.Content(), Fallback: fyneFallback(a)}
}

// fyneFallback is Fyne's own notification, for when beeep fails. On Linux it
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
