package syncer

import (
	"context"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPageQueue_BatchStopsAtByteLimit(t *testing.T) {
	// given waiting pages of few but large records: each half a batch's bytes
	b := newInflight()
	ch := make(chan fetched, 8)
	for range 5 {
		f := pageOf(domain.ResTickets, 10)
		f.units = b.units(maxBatchBytes / 2)
		ch <- f
	}
	close(ch)
	q := &pageQueue{ch: ch}

	// when batches are taken
	var sizes []int
	for {
		batch, err := q.batch()
		require.NoError(t, err)
		if batch == nil {
			break
		}
		sizes = append(sizes, len(batch))
	}

	// then no batch holds more than maxBatchBytes, however few its records
	assert.Equal(t, []int{2, 2, 1}, sizes)
}

// feed plays the fetcher: each page of the given reply sizes waits for its
// share of b, as fetchResource does.
func feed(ctx context.Context, b *inflight, sizes []int, ch chan<- fetched) {
	defer close(ch)
	for i, size := range sizes {
		f := pageOf(domain.ResTickets, 1)
		f.page.Bytes, f.page.HasMore = size, i < len(sizes)-1
		f.units = b.units(size)
		if !b.take(ctx, f.units) || !send(ctx, ch, f) {
			return
		}
	}
}

func TestInflight_BatchWaitingForPagesNeverStarvesTheFetcher(t *testing.T) {
	// given replies of every size, one larger than the whole budget, and a
	// store that gives a batch's share back only once it is written
	sizes := []int{7 << 20, inflightBytes * 2, 1 << 20, 5 << 20, 100, 6 << 20, 1 << 20}
	b := newInflight()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ch := make(chan fetched, prefetchPages)
	go feed(ctx, b, sizes, ch)
	q := &pageQueue{ch: ch}

	// when every batch is taken and "stored"
	pages, most := 0, 0
	for {
		batch, err := q.batch()
		require.NoError(t, err)
		if batch == nil {
			break
		}
		held := 0
		for _, f := range batch {
			held += f.units
		}
		most = max(most, held)
		pages += len(batch)
		for _, f := range batch {
			b.give(f.units)
		}
	}

	// then every page came through (no deadlock) within the budget
	require.NoError(t, ctx.Err(), "the fetcher starved: a batch waited for a page the budget held back")
	assert.Equal(t, len(sizes), pages)
	assert.LessOrEqual(t, most*inflightUnit, inflightBytes)
	assert.Len(t, b.free, cap(b.free), "every share given back")
}
