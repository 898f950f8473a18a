package screens

import (
	"github.com/koogallery/merchant-console/domain"
)

// DelistingCounts is the current account's delisting counter: per product,
// this month's orders failed by interface errors against the limit. It asks
// the backend's Delisting callback (the service, on the marketplace's
// clock) and, when none is wired, the current cache at the backend's now.
// Call it off Fyne's goroutine: it reads the cache.
func (b *Backend) DelistingCounts() ([]domain.DelistingCount, error) {
	if b != nil && b.Delisting != nil {
		return b.Delisting()
	}
	s := b.CurrentStore()
	if s == nil {
		return nil, nil
	}
	return s.DelistingCounts(b.Time())
}

// DelistingOf is product's entry among counts, or an empty count for it.
func DelistingOf(counts []domain.DelistingCount, product string) domain.DelistingCount {
	for _, c := range counts {
		if c.Product == product {
			return c
		}
	}
	return domain.DelistingCount{Product: product}
}
