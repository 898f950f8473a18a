package localstore

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// UrgentCount is how many of the account's records are urgent at now
// (domain.Urgent: a countdown with less than domain.UrgentWithin left,
// passed ones included), for the account switcher's badge. It reads the
// deadline index, so it costs what is due, not the size of the cache.
func (s *Store) UrgentCount(now time.Time) (int, error) {
	n := 0
	count := func(r domain.Record) error {
		if domain.Urgent(r, now) {
			n++
		}
		return nil
	}
	until := now.Add(domain.UrgentWithin)
	if err := ScanDeadlines(s, time.Time{}, until, func(a domain.InterfaceAlert) error { return count(a) }); err != nil {
		return 0, err
	}
	if err := ScanDeadlines(s, time.Time{}, until, func(t domain.Ticket) error { return count(t) }); err != nil {
		return 0, err
	}
	if err := ScanDeadlines(s, time.Time{}, until, func(t domain.SupervisionTask) error { return count(t) }); err != nil {
		return 0, err
	}
	return n, nil
}
