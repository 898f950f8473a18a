package app

import (
	"log/slog"
	"time"

	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/internal/desktopbus"
	"github.com/koogallery/merchant-console/notify"
)

// noticeTick is how often stored deadlines (countdowns, SLAs) are checked.
const noticeTick = 30 * time.Second

// firstNoticeCheck is how long after launch the first deadline check runs:
// late enough not to compete with the first frame for the CPU and the cache,
// early enough that a countdown due at launch is still announced in time.
const firstNoticeCheck = 3 * time.Second

// notifySettings are the saved rules in the interface's language.
func (rt *runtime) notifySettings() notify.Settings {
	s := rt.prefs.Notify()
	s.Lang = notify.LangEN
	if i18n.IsChinese() {
		s.Lang = notify.LangZH
	}
	return s
}

// startNotify builds the desktop notifier and the rule engine over every
// open cache, and runs the deadline ticker.
func (rt *runtime) startNotify(a fyne.App) error {
	n, err := notify.NewNotifier(notify.NotifierOptions{
		AppName:  "Merchant Console",
		Icon:     assets.Icon.Content(),
		Centre:   rt.toCentre,
		Fallback: fyneFallback(a),
		Unavailable: func(err error) {
			slog.Warn("desktop notifications unavailable; using the window's own", "err", err)
			rt.notifyProblem.Store(&err) // the window says so, once
		},
		Now: rt.now,
	})
	if err != nil {
		return err
	}
	rt.notifier = n
	eng, err := notify.NewEngine(notify.Options{
		Settings: rt.notifySettings(), Now: rt.now, Deliver: rt.deliver,
		OnError: func(err error) { slog.Warn("notification check", "err", err) },
	})
	if err != nil {
		return err
	}
	for _, acc := range rt.snapshot() {
		if acc.store != nil {
			eng.AddAccount(acc.store, acc.info.Label)
		}
	}
	rt.notes = eng
	rt.background.Go(func() { rt.runNotify(eng) })
	return nil
}

// runNotify starts the deadline ticker once the window has had its start.
func (rt *runtime) runNotify(eng *notify.Engine) {
	select {
	case <-rt.ctx.Done():
		return
	case <-time.After(firstNoticeCheck):
	}
	eng.Run(rt.ctx, noticeTick)
}

// deliver honours the tray's pause: paused notifications still reach the
// in-app centre and its badge, silently.
func (rt *runtime) deliver(n notify.Notification) {
	if rt.paused.Load() {
		n.Popup = false
	}
	rt.notifier.Deliver(n)
}

// toCentre hands a delivered notification to the window's notification
// centre once the window exists. Earlier ones are in the cache's log, so
// the centre lists them anyway.
func (rt *runtime) toCentre(n notify.Notification) {
	if f := rt.onNotice.Load(); f != nil {
		(*f)(n)
		return
	}
	rt.dataChanged(n.Account)
}

// notificationsProblem is why system notifications do not work, or nil.
func (rt *runtime) notificationsProblem() error {
	if p := rt.notifyProblem.Load(); p != nil {
		return *p
	}
	return nil
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
