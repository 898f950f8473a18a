package notify

import (
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// scanDeadlines streams the cached records that can carry a running timer and
// collects their countdown events. The status filters keep closed records
// (most of a mature cache) out of the scan.
func scanDeadlines(s *localstore.Store, now time.Time, st Settings) ([]event, error) {
	var evs []event
	collect := func(r domain.Record) error {
		evs = append(evs, deadlineEvents(s.Account(), r, now, st)...)
		return nil
	}
	openAlerts := []string{string(domain.AlertRetrying), string(domain.AlertFailed), string(domain.AlertRestarting)}
	if err := localstore.Scan(s, localstore.Query{Resource: domain.ResAlerts, Statuses: openAlerts},
		func(a domain.InterfaceAlert) error { return collect(a) }); err != nil {
		return evs, fmt.Errorf("notify: scan alerts of %s: %w", s.Account(), err)
	}
	running := []string{string(domain.TicketPendingAccept), string(domain.TicketProcessing)}
	if err := localstore.Scan(s, localstore.Query{Resource: domain.ResTickets, Statuses: running},
		func(t domain.Ticket) error { return collect(t) }); err != nil {
		return evs, fmt.Errorf("notify: scan tickets of %s: %w", s.Account(), err)
	}
	if err := localstore.Scan(s, localstore.Query{Resource: domain.ResSupervision},
		func(t domain.SupervisionTask) error {
			if t.Current == domain.NodeDone {
				return nil
			}
			return collect(t)
		}); err != nil {
		return evs, fmt.Errorf("notify: scan supervision of %s: %w", s.Account(), err)
	}
	return evs, nil
}
