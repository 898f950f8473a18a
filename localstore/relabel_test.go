package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestRelabel_EveryPartNamesTheNewAccount(t *testing.T) {
	// given a cache with orders, a ticket, a queued action and a notice
	s := openTemp(t)
	path := s.Path()
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(0, 3, 1), Cursor: "c1"})
	require.NoError(t, err)
	_, err = s.ApplyPage(Page{Resource: domain.ResTickets, Items: []domain.Record{
		ticket("T1", 1, domain.TicketPendingAccept, "打不开", baseTime.Add(time.Hour))}})
	require.NoError(t, err)
	_, err = s.Enqueue(action("k1", "T1", domain.ActTicketAccept))
	require.NoError(t, err)
	_, err = s.RecordNotice(Notice{Key: "tickets/T1/new", Title: "新工单", At: baseTime})
	require.NoError(t, err)
	require.NoError(t, s.Close())

	// when it is relabelled for a renamed account
	require.NoError(t, Relabel(path, testAccount, "杭州店"))

	// then the old name no longer opens it, and under the new name everything is there and names it
	_, err = Open(path, testAccount, Options{})
	assert.ErrorIs(t, err, ErrForeignAccount)
	s, err = Open(path, "杭州店", Options{})
	require.NoError(t, err)
	defer s.Close()
	got, n, err := List[domain.Order](s, Query{Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	for _, o := range got {
		assert.Equal(t, "杭州店", o.Account)
	}
	tk, ok, err := Get[domain.Ticket](s, "T1")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "杭州店", tk.Account)
	pending, err := s.PendingActions()
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, "杭州店", pending[0].Account)
	notices, err := s.Notices(10)
	require.NoError(t, err)
	require.Len(t, notices, 1)
	assert.Equal(t, "杭州店", notices[0].Account)
	cursor, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, "c1", cursor)

	// and later writes under the new name are accepted
	_, err = s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(0, 3, 2)})
	require.NoError(t, err)
}

func TestRelabel_RefusesAForeignCache(t *testing.T) {
	s := openTemp(t)
	path := s.Path()
	require.NoError(t, s.Close())
	assert.ErrorIs(t, Relabel(path, "someone-else", "x"), ErrForeignAccount)
	assert.Error(t, Relabel(path, testAccount, ""))
}
