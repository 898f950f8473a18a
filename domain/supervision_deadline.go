package domain

import "time"

// SupervisionDeadline names one of the timers that bind a merchant in a
// supervision flow.
type SupervisionDeadline string

// The timers of a flow (see domain.md, service supervision).
const (
	DeadlineStallAppeal SupervisionDeadline = "stall-appeal" // the merchant stalled 5 days: the user may appeal
	DeadlineAutoAccept  SupervisionDeadline = "auto-accept"  // hardware: accepted 10 days after sign-off
	DeadlineWarning     SupervisionDeadline = "warning"      // not accepted after 180 days: a warning
)

var supervisionDeadlineLabels = map[SupervisionDeadline]Label{
	DeadlineStallAppeal: {"用户可申诉（商家超期未处理）", "User may appeal (stall)"},
	DeadlineAutoAccept:  {"自动验收", "Automatic acceptance"},
	DeadlineWarning:     {"180 天未验收告警", "180-day warning"},
}

// Label names the timer in both languages.
func (d SupervisionDeadline) Label() Label { return labelOf(supervisionDeadlineLabels, d) }

// BindingDeadline is the task's earliest pending timer and which one it is
// (NextDeadline names only the time); the zero time when none runs.
func (t SupervisionTask) BindingDeadline() (SupervisionDeadline, time.Time) {
	var which SupervisionDeadline
	var best time.Time
	for _, d := range []struct {
		name SupervisionDeadline
		at   time.Time
	}{{DeadlineAutoAccept, t.AutoAcceptAt()}, {DeadlineStallAppeal, t.StallAppealAt()}, {DeadlineWarning, t.WarningAt()}} {
		if !d.at.IsZero() && (best.IsZero() || d.at.Before(best)) {
			which, best = d.name, d.at
		}
	}
	return which, best
}

// DeadlinePassed reports whether the binding deadline has passed at now: the
// user may already appeal a stall, or the warning is raised. Since it is the
// earliest timer, any passed timer makes it pass.
func (t SupervisionTask) DeadlinePassed(now time.Time) bool {
	_, at := t.BindingDeadline()
	return !at.IsZero() && !now.Before(at)
}

// StallAppealPassed reports whether the user may appeal for the merchant's
// stall at now.
func (t SupervisionTask) StallAppealPassed(now time.Time) bool {
	at := t.StallAppealAt()
	return !at.IsZero() && !now.Before(at)
}
