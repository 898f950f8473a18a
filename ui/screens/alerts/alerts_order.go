package alerts

import (
	"slices"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// mostUrgentFirst lists alerts in domain.CompareAlertUrgency's order while
// the countdown column sorts soonest first (the screen's initial order): a
// running unsubscription countdown on top, then calls only a manual restart
// fixes, then calls still retrying, then finished alerts, newest first.
// Open alerts are few by nature (more than five failed orders a month
// delist a product), so they are all read and ordered here, from the
// records the store returns; finished ones page from the store by time.
// Any other order is the store's own.
func mostUrgentFirst(store func() *localstore.Store) widgets.Fetcher[domain.InterfaceAlert] {
	plain := widgets.StoreFetch[domain.InterfaceAlert](store)
	return func(q localstore.Query) ([]domain.InterfaceAlert, int, error) {
		s := store()
		if s == nil || q.Sort != localstore.SortDeadline || q.Desc {
			return plain(q)
		}
		open, done := splitStatuses(q.Statuses)
		var urgent []domain.InterfaceAlert
		if len(open) > 0 {
			all := q
			all.Statuses, all.Offset, all.Limit = open, 0, 0
			var err error
			if urgent, _, err = localstore.List[domain.InterfaceAlert](s, all); err != nil {
				return nil, 0, err
			}
			slices.SortStableFunc(urgent, domain.CompareAlertUrgency)
		}
		page := window(urgent, q.Offset, q.Limit)
		if len(done) == 0 {
			return page, len(urgent), nil
		}
		rest := q
		rest.Statuses, rest.Sort, rest.Desc = done, localstore.SortTime, true
		rest.Offset = max(q.Offset-len(urgent), 0)
		want := q.Limit - len(page)
		if q.Limit > 0 {
			rest.Limit = max(want, 1) // at least one row, so the count comes back
		}
		more, n, err := localstore.List[domain.InterfaceAlert](s, rest)
		if err != nil {
			return nil, 0, err
		}
		if q.Limit > 0 {
			more = more[:min(len(more), want)]
		}
		return append(page, more...), len(urgent) + n, nil
	}
}

// splitStatuses divides a status filter (nil: all) into open and finished
// alert states, in the domain's order.
func splitStatuses(filter []string) (open, done []string) {
	for _, s := range domain.KindOf(domain.ResAlerts).Statuses {
		if len(filter) > 0 && !slices.Contains(filter, s.Code) {
			continue
		}
		if s.Final {
			done = append(done, s.Code)
		} else {
			open = append(open, s.Code)
		}
	}
	return open, done
}

// window is items[offset:offset+limit] clipped to items (limit <= 0: no cap).
func window[T any](items []T, offset, limit int) []T {
	if offset >= len(items) {
		return nil
	}
	items = items[offset:]
	if limit > 0 && limit < len(items) {
		items = items[:limit]
	}
	return slices.Clone(items)
}
