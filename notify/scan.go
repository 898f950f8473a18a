package notify

import (
	"fmt"
	"slices"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// scanDeadlines collects the countdown events of the cached records whose
// deadline falls inside the rules' lead windows. It reads the cache's
// deadline index, so only those records are decoded: a mature cache holds
// thousands of open records whose timers are weeks away, and decoding them
// every tick (and at launch) was most of the check's cost. The windows are
// a superset of what the rules fire on; deadlineEvents decides exactly.
// Alerts and tickets whose notice is already logged are skipped before
// decoding (logging it again would add nothing), so checks after the
// first decode only what may still need telling.
func scanDeadlines(s *localstore.Store, now time.Time, st Settings) ([]event, error) {
	var evs []event
	collect := func(r domain.Record) error {
		evs = append(evs, deadlineEvents(s.Account(), r, now, st)...)
		return nil
	}
	if len(st.AlertLeadMinutes) > 0 {
		// Only alerts still counting down fire; the rest are past help.
		until := now.Add(time.Duration(slices.Max(st.AlertLeadMinutes)) * time.Minute)
		if err := localstore.ScanDeadlinesUnnoticed(s, now, until, alertNoticeAt(s.Account(), now, st.AlertLeadMinutes),
			func(a domain.InterfaceAlert) error { return collect(a) }); err != nil {
			return evs, fmt.Errorf("notify: scan alerts of %s: %w", s.Account(), err)
		}
	}
	// A breached SLA still warns once, so tickets have no lower bound.
	until := now.Add(time.Duration(st.SLALeadMinutes) * time.Minute)
	if err := localstore.ScanDeadlinesUnnoticed(s, time.Time{}, until, ticketNoticeAt(s.Account(), now),
		func(t domain.Ticket) error { return collect(t) }); err != nil {
		return evs, fmt.Errorf("notify: scan tickets of %s: %w", s.Account(), err)
	}
	// A task's index entry is its earliest timer, never later than the
	// auto-acceptance or the 180-day warning a rule may fire on.
	until = now.Add(max(time.Duration(st.HardwareLeadHours)*time.Hour, time.Duration(st.WarningLeadDays)*24*time.Hour))
	if err := localstore.ScanDeadlines(s, time.Time{}, until,
		func(t domain.SupervisionTask) error { return collect(t) }); err != nil {
		return evs, fmt.Errorf("notify: scan supervision of %s: %w", s.Account(), err)
	}
	return evs, nil
}
