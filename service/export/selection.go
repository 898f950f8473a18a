package export

import (
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// selection is what an export writes: the records of a cache query and,
// when ids is not nil, only those of them the user picked in a list.
type selection struct {
	localstore.Query
	ids map[string]bool
}

// newSelection narrows q to ids; no ids keeps the whole query.
func newSelection(q localstore.Query, ids []string) selection {
	sel := selection{Query: q}
	if len(ids) > 0 {
		sel.ids = make(map[string]bool, len(ids))
		for _, id := range ids {
			sel.ids[id] = true
		}
	}
	return sel
}

// picked passes fn only the records of q the user picked (all of them
// when nothing was picked).
func picked[T domain.Record](q selection, fn func(T) error) func(T) error {
	if q.ids == nil {
		return fn
	}
	return func(r T) error {
		if !q.ids[r.RecordMeta().ID] {
			return nil
		}
		return fn(r)
	}
}

// countPicked counts the picked records that the cache holds under q: a
// picked record that left the cache, or another filter, is not written.
func countPicked[T domain.Record](s *localstore.Store, q selection) (int, error) {
	n := 0
	err := localstore.Scan(s, q.Query, picked(q, func(T) error { n++; return nil }))
	return n, err
}
