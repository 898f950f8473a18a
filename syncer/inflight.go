package syncer

import "context"

// Bounds, in reply-body bytes, on the pages a pull holds between the
// network and the store (a decoded page takes a few times its body).
//
// Counting records was not enough: at ten times the benchmark world the
// store slows as its trees grow, the fetcher stays ahead, and the prefetch
// queue and the batch were always full, so 64 pages of large records were
// decoded and waiting at once (a heap profile at the peak: 132 of 144 MB).
// A pull waits for more pages while its batch holds under minBatchBytes and
// closes it at maxBatchBytes; inflightBytes bounds what is fetched, queued,
// batched and being stored altogether.
const (
	inflightBytes = 16 << 20
	minBatchBytes = 8 << 20
	maxBatchBytes = 12 << 20
	inflightUnit  = 64 << 10
)

// inflight is a byte budget in units of inflightUnit: the fetcher takes a
// page's share before handing it over, the store gives it back once the
// page is written.
type inflight struct{ free chan struct{} }

func newInflight() *inflight {
	b := &inflight{free: make(chan struct{}, inflightBytes/inflightUnit)}
	for range cap(b.free) {
		b.free <- struct{}{}
	}
	return b
}

// units is a page's share of the budget: its size rounded up, at least
// one, and at most what is left beside a batch still waiting for pages
// (under minBatchBytes), so a waiting batch can always get the next page.
func (b *inflight) units(bytes int) int {
	return min(max(1, (bytes+inflightUnit-1)/inflightUnit), cap(b.free)-minBatchBytes/inflightUnit)
}

// take waits for n units; false when ctx ended first.
func (b *inflight) take(ctx context.Context, n int) bool {
	for range n {
		select {
		case <-b.free:
		case <-ctx.Done():
			return false
		}
	}
	return true
}

// give returns n units.
func (b *inflight) give(n int) {
	for range n {
		b.free <- struct{}{}
	}
}
