package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestVersions_ListLiveRecordsWithTheirVersions(t *testing.T) {
	// given three tickets, one updated and one removed afterwards
	s := openTemp(t)
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	tk := func(id string, v int64) domain.Record {
		return domain.Ticket{Meta: domain.Meta{ID: id, Account: testAccount, Version: v, UpdatedAt: at},
			Subject: "发票 " + id, Status: domain.TicketPendingAccept, CreatedAt: at}
	}
	_, err := s.ApplyPage(Page{Resource: domain.ResTickets, Items: []domain.Record{tk("T2", 1), tk("T1", 2), tk("T3", 3)}, Cursor: "c1"})
	require.NoError(t, err)
	_, err = s.ApplyPage(Page{Resource: domain.ResTickets, Items: []domain.Record{tk("T1", 5)},
		Removed: []domain.Tombstone{{ID: "T3", Version: 6}}, Cursor: "c2"})
	require.NoError(t, err)

	// when the cache lists what it holds
	got, err := s.Versions(domain.ResTickets)
	require.NoError(t, err)

	// then it is the live records at their newest versions, in ID order
	assert.Equal(t, []IDVersion{{"T1", 5}, {"T2", 1}}, got)
	assert.Equal(t, "T1:5", got[0].String())
	empty, err := s.Versions(domain.ResBills)
	require.NoError(t, err)
	assert.Empty(t, empty)
	_, err = s.Versions("nope")
	assert.Error(t, err)
}
