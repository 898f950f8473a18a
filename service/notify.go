package service

import (
	"log/slog"
	"time"

	"github.com/koogallery/merchant-console/notify"
)

// noticeTick is how often stored deadlines (countdowns, SLAs) are checked.
const noticeTick = 30 * time.Second

// firstNoticeCheck is how long after Start the first deadline check runs:
// late enough not to compete with the window's first frame for the CPU and
// the cache, early enough that a countdown due at launch is still announced
// in time.
const firstNoticeCheck = 3 * time.Second

// startNotify builds the rule engine (and the desktop notifier when asked
// for); accounts join it as they are built.
func (s *Service) startNotify() error {
	if s.opts.Notify == nil {
		return nil
	}
	if d := s.opts.Desktop; d != nil {
		o := *d
		o.Centre, o.Now = s.toCentre, s.Now
		unavailable := o.Unavailable
		o.Unavailable = func(err error) {
			slog.Warn("desktop notifications unavailable; using the window's own", "err", err)
			s.notifyProblem.Store(&err)
			if unavailable != nil {
				unavailable(err)
			}
		}
		n, err := notify.NewNotifier(o)
		if err != nil {
			return err
		}
		s.popups = n
	}
	eng, err := notify.NewEngine(notify.Options{
		Settings: *s.opts.Notify, Now: s.Now, Deliver: s.deliver,
		OnError: func(err error) { s.problem("", "notification check", err) },
	})
	if err != nil {
		return err
	}
	s.notes = eng
	return nil
}

// runNotify runs the deadline ticker until Close, after a short start. The
// first check ends the launch's hold: what it finds goes into the summary.
func (s *Service) runNotify() {
	select {
	case <-s.ctx.Done():
		return
	case <-time.After(firstNoticeCheck):
	}
	if err := s.notes.Tick(); err != nil {
		s.problem("", "notification check", err)
	}
	s.notes.Release(launchHold)
	select {
	case <-s.ctx.Done():
		return
	case <-time.After(noticeTick):
	}
	s.notes.Run(s.ctx, noticeTick)
}

// deliver honours the pause: paused notifications still reach the in-app
// centre, silently.
func (s *Service) deliver(n notify.Notification) {
	if s.paused.Load() {
		n.Popup = false
	}
	if s.popups != nil {
		s.popups.Deliver(n) // hands it to the centre as well
		return
	}
	s.toCentre(n)
}

func (s *Service) toCentre(n notify.Notification) {
	if n.Kind == notify.KindSummary {
		return // the centre has each record the summary counts
	}
	if s.opts.OnNotice != nil {
		s.opts.OnNotice(n)
	}
}

// Notifications is the rule engine, nil when notifications are off.
func (s *Service) Notifications() *notify.Engine { return s.notes }

// CheckDeadlines runs one check of the stored deadlines now, as the ticker
// does every noticeTick.
func (s *Service) CheckDeadlines() error {
	if s.notes == nil {
		return nil
	}
	return s.notes.Tick()
}

// SetNotifySettings gives the rules new settings.
func (s *Service) SetNotifySettings(st notify.Settings) error {
	if s.notes == nil {
		return nil
	}
	return s.notes.SetSettings(st)
}

// PauseNotifications silences (true) or resumes popups.
func (s *Service) PauseNotifications(paused bool) { s.paused.Store(paused) }

// NotificationsProblem is why system notifications do not work, or nil.
func (s *Service) NotificationsProblem() error {
	if p := s.notifyProblem.Load(); p != nil {
		return *p
	}
	return nil
}
