package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestApplyPage_VersionRule(t *testing.T) {
	tests := []struct {
		name        string
		version     int64
		wantChange  bool
		wantVersion int64
	}{
		{"older version never overwrites", 2, false, 3},
		{"equal version is a no-op", 3, false, 3},
		{"newer version replaces", 4, true, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// given an order stored at version 3
			s := openTemp(t)
			stored := order(1, 3)
			_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{stored}})
			require.NoError(t, err)

			// when the same order arrives at another version with another status
			incoming := order(1, tc.version)
			incoming.Status = domain.OrderCancelled
			changes, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{incoming}})
			require.NoError(t, err)

			// then only a newer version changes it, reported with Before and After
			got, ok, err := Get[domain.Order](s, stored.ID)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, tc.wantVersion, got.Version)
			if !tc.wantChange {
				assert.Empty(t, changes)
				assert.Equal(t, stored.Status, got.Status)
				return
			}
			require.Len(t, changes, 1)
			c := changes[0]
			assert.Equal(t, domain.ChangeUpdated, c.Kind)
			assert.Equal(t, int64(3), c.Before.RecordMeta().Version)
			assert.Equal(t, stored.Status, c.Before.(domain.Order).Status)
			assert.Equal(t, domain.OrderCancelled, c.After.(domain.Order).Status)
			counts, err := s.StatusCounts(domain.ResOrders)
			require.NoError(t, err)
			assert.Equal(t, map[string]int{string(domain.OrderCancelled): 1}, counts)
			requireConsistent(t, s, domain.ResOrders)
		})
	}
}

func TestApplyPage_IsIdempotent(t *testing.T) {
	// given a page applied once
	s := openTemp(t)
	page := Page{Resource: domain.ResOrders, Items: orders(0, 30, 1), Cursor: "p1"}
	_, err := s.ApplyPage(page)
	require.NoError(t, err)

	// when the same page is applied again (a retry after a lost reply)
	changes, err := s.ApplyPage(page)

	// then nothing changes and nothing is duplicated
	require.NoError(t, err)
	assert.Empty(t, changes)
	_, total, err := List[domain.Order](s, Query{Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 30, total)
	requireConsistent(t, s, domain.ResOrders)
}

func TestApplyPage_Removals(t *testing.T) {
	tests := []struct {
		name        string
		tombVersion int64
		wantRemoved bool
	}{
		{"older tombstone is ignored", 4, false},
		{"tombstone at the stored version removes", 5, true},
		{"newer tombstone removes", 9, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// given a ticket stored at version 5 with a running SLA
			s := openTemp(t)
			tk := ticket("T1", 5, domain.TicketPendingAccept, "无法登录控制台", baseTime.Add(time.Hour))
			_, err := s.ApplyPage(Page{Resource: domain.ResTickets, Items: []domain.Record{tk}})
			require.NoError(t, err)

			// when a tombstone arrives
			changes, err := s.ApplyPage(Page{Resource: domain.ResTickets, Removed: []domain.Tombstone{{ID: "T1", Version: tc.tombVersion}}})
			require.NoError(t, err)

			// then it removes the ticket, its indexes and its counts only when not older
			_, ok, err := Get[domain.Ticket](s, "T1")
			require.NoError(t, err)
			assert.Equal(t, !tc.wantRemoved, ok)
			ov, err := s.Overview(baseTime)
			require.NoError(t, err)
			dl, err := s.NearestDeadlines(baseTime, 5)
			require.NoError(t, err)
			if tc.wantRemoved {
				require.Len(t, changes, 1)
				assert.Equal(t, domain.ChangeRemoved, changes[0].Kind)
				assert.Nil(t, changes[0].After)
				assert.Equal(t, "无法登录控制台", changes[0].Before.(domain.Ticket).Subject)
				assert.Zero(t, ov.TicketsWaiting)
				assert.Empty(t, dl)
			} else {
				assert.Empty(t, changes)
				assert.Equal(t, 1, ov.TicketsWaiting)
				assert.Len(t, dl, 1)
			}
			requireConsistent(t, s, domain.ResTickets)
		})
	}
}

func TestApplyPage_RemovedRecordIsNotResurrectedByAnOlderCopy(t *testing.T) {
	// given an order removed at version 7
	s := openTemp(t)
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{order(1, 6)}})
	require.NoError(t, err)
	_, err = s.ApplyPage(Page{Resource: domain.ResOrders, Removed: []domain.Tombstone{{ID: order(1, 6).ID, Version: 7}}})
	require.NoError(t, err)

	// when an older copy arrives late, then a newer one
	late, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{order(1, 6)}})
	require.NoError(t, err)
	_, ok, err := Get[domain.Order](s, order(1, 6).ID)
	require.NoError(t, err)
	assert.Empty(t, late)
	assert.False(t, ok)
	reborn, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{order(1, 8)}})

	// then only the newer copy is stored again
	require.NoError(t, err)
	require.Len(t, reborn, 1)
	assert.Equal(t, domain.ChangeNew, reborn[0].Kind)
	requireConsistent(t, s, domain.ResOrders)
}

func TestApplyPage_RefusesAnotherAccountsRecords(t *testing.T) {
	// given a cache of one account
	s := openTemp(t)
	o := order(1, 1)
	o.Account = "someone-else"

	// when a page holds a record of another account
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{o}, Cursor: "c9"})

	// then the whole page is refused, cursor included
	require.ErrorIs(t, err, ErrForeignAccount)
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Empty(t, cur)
}

func TestApplyPage_AcceptsPointersAndRejectsWrongKinds(t *testing.T) {
	s := openTemp(t)
	o := order(2, 1)
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{&o}})
	require.NoError(t, err)
	_, err = s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{ticket("T", 1, domain.TicketProcessing, "x", baseTime)}})
	require.Error(t, err)
	_, err = s.ApplyPage(Page{Resource: "nope"})
	require.Error(t, err)
}

func TestApplyPage_IDsOutOfOrderAndRepeatedInAPage(t *testing.T) {
	// given orders stored out of ID order
	s := openTemp(t)
	apply(t, s, domain.ResOrders, order(5, 1), order(1, 1), order(9, 1))

	// when a page mixes a lower new ID, an update, a higher new ID and a repeat
	changes, err := s.ApplyPage(Page{Resource: domain.ResOrders,
		Items: []domain.Record{order(3, 1), order(9, 2), order(11, 1), order(11, 1), order(12, 1), order(12, 3)}})

	// then each is applied once, by the version rule
	require.NoError(t, err)
	kinds := map[string]domain.ChangeKind{}
	for _, c := range changes {
		kinds[c.ID+"/"+string(c.Kind)] = c.Kind
	}
	assert.Len(t, changes, 5)
	assert.Contains(t, kinds, order(9, 2).ID+"/changed")
	assert.Contains(t, kinds, order(12, 3).ID+"/changed")
	_, total, err := List[domain.Order](s, Query{Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, 6, total)
	got, _, err := Get[domain.Order](s, order(12, 3).ID)
	require.NoError(t, err)
	assert.Equal(t, int64(3), got.Version)
	requireConsistent(t, s, domain.ResOrders)
}
