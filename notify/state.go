package notify

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// StateCounts is what needs a person now in one account's cache: the
// launch's state summary, raised even when nothing new arrived, so a
// merchant opening the console in the morning hears what is urgent.
type StateCounts struct {
	TicketsOverdue int // SLA already passed
	TicketsNearSLA int // SLA within Settings.SLALeadMinutes
	// Countdowns counts open alerts counting down to automatic
	// unsubscription; NearestCountdown is the time left of the nearest.
	Countdowns       int
	NearestCountdown time.Duration
	FailedCalls      int // retries exhausted: restart by hand
	SupervisionPast  int // past the deadline that binds the merchant
	BillsToInvoice   int
}

// Empty reports whether nothing needs a person.
func (c StateCounts) Empty() bool { return c == StateCounts{} }

// Critical reports whether the summary must stay until dismissed: an
// unsubscription less than domain.UrgentWithin away, or a breached SLA.
func (c StateCounts) Critical() bool {
	return c.TicketsOverdue > 0 || (c.Countdowns > 0 && c.NearestCountdown < domain.UrgentWithin)
}

// mostUrgentList is the list the summary's Open action shows.
func (c StateCounts) mostUrgentList() domain.Resource {
	switch {
	case c.Countdowns > 0 && c.NearestCountdown < domain.UrgentWithin:
		return domain.ResAlerts
	case c.TicketsOverdue > 0:
		return domain.ResTickets
	case c.Countdowns > 0, c.FailedCalls > 0:
		return domain.ResAlerts
	case c.TicketsNearSLA > 0:
		return domain.ResTickets
	case c.SupervisionPast > 0:
		return domain.ResSupervision
	}
	return domain.ResBills
}

// CountState counts from the cache what needs a person at now. It reads the
// deadline index up to the warning horizon (tickets, alerts, supervision)
// and the status counters (failed calls, bills): it costs what is due, not
// the size of the cache.
func CountState(s *localstore.Store, now time.Time, settings Settings) (StateCounts, error) {
	var c StateCounts
	slaLead := time.Duration(settings.SLALeadMinutes) * time.Minute
	err := localstore.ScanDeadlines(s, time.Time{}, now.Add(slaLead), func(t domain.Ticket) error {
		if left, ok := t.SLALeft(now); ok && left <= 0 {
			c.TicketsOverdue++
		} else if ok {
			c.TicketsNearSLA++
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	// every open countdown counts: the marketplace acts at its end, however far
	err = localstore.ScanDeadlines(s, now, time.Time{}, func(a domain.InterfaceAlert) error {
		left, ok := a.Countdown(now)
		if !ok || left < 0 {
			return nil
		}
		if c.Countdowns == 0 || left < c.NearestCountdown {
			c.NearestCountdown = left
		}
		c.Countdowns++
		return nil
	})
	if err != nil {
		return c, err
	}
	err = localstore.ScanDeadlines(s, time.Time{}, now, func(t domain.SupervisionTask) error {
		if t.DeadlinePassed(now) {
			c.SupervisionPast++
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	return c, countStatuses(s, &c)
}

// countStatuses fills the counts the status counters hold.
func countStatuses(s *localstore.Store, c *StateCounts) error {
	alerts, err := s.StatusCounts(domain.ResAlerts)
	if err != nil {
		return err
	}
	bills, err := s.StatusCounts(domain.ResBills)
	if err != nil {
		return err
	}
	c.FailedCalls = alerts[string(domain.AlertFailed)]
	c.BillsToInvoice = bills[string(domain.BillPendingInvoice)]
	return nil
}
