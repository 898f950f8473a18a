package syncer

import (
	"errors"
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func pageOf(res domain.Resource, n int) fetched {
	p := Page{Resource: res, HasMore: true, NextCursor: "c"}
	for range n {
		p.Items = append(p.Items, domain.Order{})
	}
	return fetched{res: res, page: p}
}

func TestPageQueue_BatchesWaitingPagesOfOneResource(t *testing.T) {
	// given pages already waiting: three of orders, one of tickets, then a failure
	ch := make(chan fetched, 8)
	for _, f := range []fetched{
		pageOf(domain.ResOrders, 10), pageOf(domain.ResOrders, 10), pageOf(domain.ResOrders, 10),
		pageOf(domain.ResTickets, 5), {res: domain.ResAlerts, err: errors.New("boom")},
	} {
		ch <- f
	}
	close(ch)
	q := &pageQueue{ch: ch}

	// when batches are taken
	b1, err1 := q.batch()
	b2, err2 := q.batch()
	b3, err3 := q.batch()
	b4, err4 := q.batch()

	// then one batch per resource run, the failure on its own, then the end
	require.NoError(t, err1)
	assert.Len(t, b1, 3)
	require.NoError(t, err2)
	require.Len(t, b2, 1)
	assert.Equal(t, domain.ResTickets, b2[0].res)
	assert.Nil(t, b3)
	assert.ErrorContains(t, err3, "sync alerts: boom")
	assert.Nil(t, b4)
	assert.NoError(t, err4)
}

func TestPageQueue_BatchStopsAtRecordLimit(t *testing.T) {
	// given more waiting records of one resource than one transaction takes
	ch := make(chan fetched, 8)
	for range 5 {
		ch <- pageOf(domain.ResOrders, maxBatchRecords/2)
	}
	close(ch)
	q := &pageQueue{ch: ch}

	// when batches are taken
	var sizes []int
	for {
		b, err := q.batch()
		require.NoError(t, err)
		if b == nil {
			break
		}
		sizes = append(sizes, len(b))
	}

	// then no batch goes beyond the limit
	assert.Equal(t, []int{2, 2, 1}, sizes)
}
