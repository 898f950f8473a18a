package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func supervision(id string, version int64, node domain.Node, appeal bool) domain.SupervisionTask {
	st := domain.SupervisionTask{Meta: domain.Meta{ID: id, Version: version, UpdatedAt: baseTime},
		OrderID: "CS-" + id, ProductName: "人工部署服务", CustomerName: "杭州云帆科技有限公司",
		Kind: domain.KindManualService, Current: node, CreatedAt: baseTime, NodeEnteredAt: baseTime}
	if appeal {
		st.Appeal = &domain.Appeal{By: domain.PartyUser, Status: domain.AppealOpen, OpenedAt: baseTime}
	}
	return st
}

func bill(id string, version int64, status domain.BillStatus) domain.Bill {
	return domain.Bill{Meta: domain.Meta{ID: id, Version: version, UpdatedAt: baseTime}, Period: "2026-10",
		GeneratedAt: baseTime, Status: status, Amount: 123456, Currency: "CNY"}
}

func apply(t *testing.T, s *Store, res domain.Resource, items ...domain.Record) {
	t.Helper()
	_, err := s.ApplyPage(Page{Resource: res, Items: items})
	require.NoError(t, err)
}

func TestOverview_StaysRightAfterUpdatesAndRemovals(t *testing.T) {
	// given a cache with work waiting in every resource
	s := openTemp(t)
	now := baseTime
	apply(t, s, domain.ResTickets,
		ticket("T1", 1, domain.TicketPendingAccept, "a", now.Add(4*time.Hour)),
		ticket("T2", 1, domain.TicketProcessing, "b", now.Add(2*time.Hour)),
		ticket("T3", 1, domain.TicketAwaitingCustomer, "c", now.Add(time.Hour)),
		ticket("T4", 1, domain.TicketCompleted, "d", now))
	apply(t, s, domain.ResAlerts,
		alert("A1", 1, domain.AlertRetrying, now.Add(90*time.Minute)),
		alert("A2", 1, domain.AlertFailed, now.Add(30*time.Minute)),
		alert("A3", 1, domain.AlertResolved, now.Add(10*time.Minute)),
		alert("A4", 1, domain.AlertRetrying, now.Add(-time.Minute)))
	apply(t, s, domain.ResSupervision,
		supervision("S1", 1, domain.NodeConfirmRequirement, false),
		supervision("S2", 1, domain.NodeDeliver, true), // frozen by an appeal
		supervision("S3", 1, domain.NodeAcceptance, false))
	apply(t, s, domain.ResBills, bill("B1", 1, domain.BillPendingInvoice), bill("B2", 1, domain.BillPaid))

	ov, err := s.Overview(now)
	require.NoError(t, err)
	assert.Equal(t, 2, ov.TicketsWaiting)
	assert.Equal(t, 3, ov.AlertsOpen)
	assert.True(t, now.Add(30*time.Minute).Equal(ov.NearestUnsubscribe), "A4 is already past, A3 is resolved")
	assert.Equal(t, 1, ov.SupervisionWaiting)
	assert.Equal(t, 1, ov.BillsNeedingMerchant)
	assert.Equal(t, map[string]int{"PENDING_INVOICE": 1, "PAID": 1}, ov.Counts[domain.ResBills])

	// when work is done, appeals close and records go away
	apply(t, s, domain.ResTickets, ticket("T1", 2, domain.TicketProcessing, "a", now.Add(4*time.Hour)),
		ticket("T2", 2, domain.TicketAwaitingConfirm, "b", now))
	apply(t, s, domain.ResAlerts, alert("A2", 2, domain.AlertResolved, now.Add(30*time.Minute)))
	apply(t, s, domain.ResSupervision, supervision("S2", 2, domain.NodeDeliver, false))
	apply(t, s, domain.ResBills, bill("B1", 2, domain.BillInvoiceReview))
	_, err = s.ApplyPage(Page{Resource: domain.ResAlerts, Removed: []domain.Tombstone{{ID: "A1", Version: 2}}})
	require.NoError(t, err)

	// then the counts follow
	ov, err = s.Overview(now)
	require.NoError(t, err)
	assert.Equal(t, 1, ov.TicketsWaiting)
	assert.Equal(t, 1, ov.AlertsOpen)
	assert.True(t, ov.NearestUnsubscribe.IsZero())
	assert.Equal(t, 2, ov.SupervisionWaiting)
	assert.Zero(t, ov.BillsNeedingMerchant)
	counts, err := s.StatusCounts(domain.ResTickets)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"PROCESSING": 1, "AWAITING_CONFIRM": 1, "AWAITING_CUSTOMER": 1, "COMPLETED": 1}, counts)
	for _, res := range domain.AllResources {
		requireConsistent(t, s, res)
	}
}

func TestNearestDeadlines_AcrossResourcesInTimeOrder(t *testing.T) {
	// given countdowns on alerts, tickets and supervision
	s := openTemp(t)
	now := baseTime.Add(24 * time.Hour)
	apply(t, s, domain.ResAlerts, alert("A1", 1, domain.AlertFailed, now.Add(40*time.Minute)),
		alert("A2", 1, domain.AlertFailed, now.Add(-5*time.Minute)))
	apply(t, s, domain.ResTickets, ticket("T1", 1, domain.TicketProcessing, "SLA 快到了", now.Add(10*time.Minute)),
		ticket("T2", 1, domain.TicketPendingAccept, "已超时", now.Add(-time.Hour)),
		ticket("T3", 1, domain.TicketAwaitingCustomer, "暂停中", now.Add(time.Minute)))
	apply(t, s, domain.ResSupervision, supervision("S1", 1, domain.NodeConfirmRequirement, false))

	// when the nearest four are asked for
	got, err := s.NearestDeadlines(now, 4)

	// then overdue tickets come first, a passed unsubscription is left out,
	// paused SLAs have no countdown, and each is titled
	require.NoError(t, err)
	require.Len(t, got, 4)
	assert.Equal(t, []string{"T2", "T1", "A1", "S1"}, []string{got[0].ID, got[1].ID, got[2].ID, got[3].ID})
	assert.Equal(t, "sla", got[0].Kind)
	assert.Equal(t, "已超时", got[0].Title)
	assert.Equal(t, "unsubscribe", got[2].Kind)
	assert.Equal(t, "stall-appeal", got[3].Kind)
	assert.True(t, baseTime.Add(domain.MerchantStallAppeal).Equal(got[3].At))
}

func TestDailySeries_CountsPaidOrdersPerLocalDay(t *testing.T) {
	// given orders around midnight in Beijing time, one of them cancelled
	s := openTemp(t)
	cst := time.FixedZone("CST", 8*3600)
	mk := func(i int, at time.Time, status domain.OrderStatus, amount domain.Money) domain.Record {
		o := order(i, 1)
		o.CreatedAt, o.Status, o.Amount = at, status, amount
		return o
	}
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, cst)
	apply(t, s, domain.ResOrders,
		mk(1, day.Add(-time.Minute), domain.OrderCompleted, 100),     // 19th
		mk(2, day, domain.OrderCompleted, 200),                       // 20th
		mk(3, day.Add(23*time.Hour), domain.OrderProcessing, 300),    // 20th
		mk(4, day.Add(10*time.Hour), domain.OrderCancelled, 999),     // cancelled: left out
		mk(5, day.Add(24*time.Hour), domain.OrderCompleted, 400),     // 21st
		mk(6, day.AddDate(0, 0, -30), domain.OrderCompleted, 50_000)) // before the window

	// when a 3-day series ending on the 21st is asked for
	got, err := s.DailySeries(day.Add(30*time.Hour), 3, cst)

	// then each local day has its orders and amount
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.True(t, got[0].Day.Equal(day.AddDate(0, 0, -1)))
	assert.Equal(t, []int{1, 2, 1}, []int{got[0].Orders, got[1].Orders, got[2].Orders})
	assert.Equal(t, []domain.Money{100, 500, 400}, []domain.Money{got[0].Amount, got[1].Amount, got[2].Amount})
}
