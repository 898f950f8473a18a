package localstore

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// failureSlack bounds how long before its unsubscription an alert first
// failed: the longest automatic retry window (3 h) with room to spare.
const failureSlack = 24 * time.Hour

// DelistingCounts is, per product, this month's orders failed by interface
// errors against the delisting limit, and those still counting down
// (domain.DelistingCounts). It reads only the alerts that can count:
// unsubscribed ones that first failed this month (or just before), and the
// open ones, through the status and time indexes.
func (s *Store) DelistingCounts(now time.Time) ([]domain.DelistingCount, error) {
	start, end := domain.MonthOf(now)
	var alerts []domain.InterfaceAlert
	keep := func(a domain.InterfaceAlert) error { alerts = append(alerts, a); return nil }
	ended := Query{Statuses: []string{string(domain.AlertUnsubscribed)}, From: start.Add(-failureSlack), To: end}
	if err := Scan(s, ended, keep); err != nil {
		return nil, err
	}
	var open []string
	for _, st := range domain.AlertStates {
		if st.Open() {
			open = append(open, string(st))
		}
	}
	if err := Scan(s, Query{Statuses: open}, keep); err != nil {
		return nil, err
	}
	return domain.DelistingCounts(alerts, now), nil
}
