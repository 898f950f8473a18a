package sandbox

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestSim_RetriesFollowTheScheduleThenUnsubscribe(t *testing.T) {
	// given automatic retries that always fail
	srv := startSandbox(t, func(o *Options) { o.Rates.RetrySuccess = -1; o.Alerts = 150; o.Orders = 1500 })
	a := find(t, srv, AccountMain, domain.ResAlerts, func(a domain.InterfaceAlert) bool {
		return a.State == domain.AlertRetrying && !a.UnsubscribeAt.IsZero()
	})
	pol := domain.RetryPolicyFor(a.Kind, a.License)
	end := a.FirstFailureAt.Add(pol.Window)
	require.Equal(t, end, a.UnsubscribeAt)
	// when the clock reaches one second before the deadline
	srv.Advance(end.Add(-time.Second).Sub(srv.Clock().Now()))
	got := rec[domain.InterfaceAlert](t, srv, AccountMain, domain.ResAlerts, a.ID)
	// then every scheduled retry was made and the alert is still retrying
	wantAttempts := 1 + int(end.Add(-time.Second).Sub(a.FirstFailureAt)/pol.Interval)
	assert.Equal(t, domain.AlertRetrying, got.State)
	assert.Equal(t, wantAttempts, got.Attempts)
	assert.Equal(t, got.LastAttemptAt.Add(pol.Interval), got.NextRetryAt)
	left, ok := got.Countdown(srv.Clock().Now())
	assert.True(t, ok)
	assert.Equal(t, time.Second, left)
	// when the deadline passes
	srv.Advance(2 * time.Second)
	got = rec[domain.InterfaceAlert](t, srv, AccountMain, domain.ResAlerts, a.ID)
	// then the alert is unsubscribed and the order cancelled
	assert.Equal(t, domain.AlertUnsubscribed, got.State)
	assert.True(t, got.NextRetryAt.IsZero())
	o := rec[domain.Order](t, srv, AccountMain, domain.ResOrders, a.OrderID)
	assert.Equal(t, domain.OrderCancelled, o.Status)
	assert.Contains(t, o.Extend, domain.Param{Name: "cancelReason", Value: "UNSUBSCRIBED_AFTER_INTERFACE_FAILURE"}, "marked unsubscribed")
	assert.Equal(t, got.Version+1, o.Version, "the order changes right after its alert")
	// and its payment is refunded on the transaction details
	var net domain.Money
	for _, r := range srv.Records(AccountMain, domain.ResTransactions) {
		if tx := r.(domain.TransactionDetail); tx.OrderID == o.ID {
			net += tx.Amount
		}
	}
	assert.Zero(t, net)
}

func TestSim_NonCreateCallsEndFailedForManualRestart(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Rates.RetrySuccess = -1; o.Alerts = 150; o.Orders = 1500 })
	a := find(t, srv, AccountMain, domain.ResAlerts, func(a domain.InterfaceAlert) bool {
		return a.State == domain.AlertRetrying && a.UnsubscribeAt.IsZero()
	})
	srv.Advance(4 * time.Hour)
	got := rec[domain.InterfaceAlert](t, srv, AccountMain, domain.ResAlerts, a.ID)
	assert.Equal(t, domain.AlertFailed, got.State)
	assert.NotEqual(t, domain.OrderCancelled, rec[domain.Order](t, srv, AccountMain, domain.ResOrders, a.OrderID).Status)
}

func TestSim_AwaitingCustomerPausesTheSLA(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := pendingTicket(t, srv, AccountMain)
	_, r := act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketAccept, "a", domain.ActionParams{Agent: "A"})
	require.Equal(t, domain.TicketProcessing, r.Data.Status)
	_, r = act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketAwaitCustomer, "w", domain.ActionParams{Message: "请上传日志"})
	require.Equal(t, domain.TicketAwaitingCustomer, r.Data.Status)
	leftAtPause, ok := r.Data.SLALeft(srv.Clock().Now())
	require.True(t, ok)
	// when an hour passes while waiting for the customer
	srv.Advance(time.Hour)
	got := rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID)
	left, _ := got.SLALeft(srv.Clock().Now())
	// then the SLA did not run
	assert.Equal(t, leftAtPause, left)
	assert.Equal(t, domain.TicketAwaitingCustomer, got.Status)
	// when the customer answers (after CustomerReplyAfter)
	srv.Advance(CustomerReplyAfter)
	got = rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID)
	// then the ticket is back in processing, its due time moved by the pause
	assert.Equal(t, domain.TicketProcessing, got.Status)
	assert.Equal(t, CustomerReplyAfter, got.SLAPausedFor)
	assert.Equal(t, tk.SLADue.Add(CustomerReplyAfter), got.SLADue)
	last, ok := got.LastCustomerMessage()
	require.True(t, ok)
	assert.Equal(t, got.Messages[len(got.Messages)-1], last)
	// when the agent resolves and the customer confirms later
	_, r = act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketResolve, "r", domain.ActionParams{Cause: "c", Solution: "s"})
	require.Equal(t, domain.TicketAwaitingConfirm, r.Data.Status)
	srv.Advance(CustomerConfirmAfter)
	assert.Equal(t, domain.TicketCompleted, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID).Status)
}

func TestSim_HardwareAutoAcceptsTenDaysAfterSignOff(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Supervision = 200; o.Orders = 1500 })
	c := newClient(t, srv, AccountMain)
	task := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.Current == domain.NodeShip && !s.Frozen() && !s.PhoneMismatch
	})
	st, r := act[domain.SupervisionTask](c, domain.ResSupervision, task.ID, domain.ActShip, "s", domain.ActionParams{Tracking: "SF1"})
	require.Equal(t, http.StatusOK, st, r.ResultMsg)
	shipped := srv.Clock().Now()
	srv.Advance(SignedForAfter)
	got := rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, task.ID)
	assert.Equal(t, shipped.Add(SignedForAfter), got.SignedForAt)
	assert.Equal(t, got.SignedForAt.Add(domain.HardwareAutoAccept), got.AutoAcceptAt())
	srv.Advance(domain.HardwareAutoAccept - time.Minute)
	assert.Equal(t, domain.NodeInTransit, rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, task.ID).Current)
	srv.Advance(2 * time.Minute)
	got = rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, task.ID)
	assert.Equal(t, domain.NodeDone, got.Current)
	assert.Equal(t, domain.PartySystem, got.History[len(got.History)-1].By)
	assert.Equal(t, domain.OrderCompleted, rec[domain.Order](t, srv, AccountMain, domain.ResOrders, task.OrderID).Status)
}

func TestSim_UserNodesAndAppealsAdvance(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Rates.UserAccept = 1; o.Supervision = 200; o.Orders = 1500 })
	submit := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.Current == domain.NodeSubmitRequirement && !s.Frozen()
	})
	accept := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.Current == domain.NodeAcceptance && !s.Frozen()
	})
	frozen := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool { return s.Frozen() })
	srv.Advance(AppealDecideAfter)
	assert.Equal(t, domain.NodeConfirmRequirement, rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, submit.ID).Current)
	assert.Equal(t, domain.NodeDone, rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, accept.ID).Current)
	got := rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, frozen.ID)
	assert.False(t, got.Frozen())
	assert.NotEmpty(t, got.Appeal.Decision)
}

func TestSim_PurgedTicketComesAsTombstone(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	_, _, cursor := all[domain.Ticket](c, domain.ResTickets, "")
	revoked := find(t, srv, AccountMain, domain.ResTickets, func(tk domain.Ticket) bool { return tk.Status == domain.TicketRevoked })
	before := srv.Count(AccountMain, domain.ResTickets)
	srv.Advance(RevokedPurgeAfter + 11*24*time.Hour)
	_, removed, _ := all[domain.Ticket](c, domain.ResTickets, cursor)
	ids := map[string]bool{}
	for _, r := range removed {
		ids[r.ID] = true
	}
	assert.True(t, ids[revoked.ID])
	assert.Less(t, srv.Count(AccountMain, domain.ResTickets), before)
	_, ok := srv.Record(AccountMain, domain.ResTickets, revoked.ID)
	assert.False(t, ok)
}

func TestSim_OrdersAndTicketsArrive(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.NoArrivals = false; o.Rates.OrdersPerHour = 10; o.Rates.TicketsPerHour = 2 })
	c := newClient(t, srv, AccountIntl)
	_, _, cursor := all[domain.Order](c, domain.ResOrders, "")
	n := srv.Count(AccountIntl, domain.ResOrders)
	tickets := srv.Count(AccountIntl, domain.ResTickets)
	srv.Advance(3 * time.Hour)
	assert.Equal(t, n+30, srv.Count(AccountIntl, domain.ResOrders))
	assert.Equal(t, tickets+6, srv.Count(AccountIntl, domain.ResTickets))
	fresh, _, _ := all[domain.Order](c, domain.ResOrders, cursor)
	assert.GreaterOrEqual(t, len(fresh), 30)
	for _, r := range srv.Records(AccountIntl, domain.ResTickets) {
		if tk := r.(domain.Ticket); tk.CreatedAt.After(testStart) {
			assert.Equal(t, tk.CreatedAt.Add(TicketSLA), tk.SLADue, "a new ticket gets the 24h response SLA")
		}
	}
}

func TestClock_RunsAtItsSpeed(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := NewClock(start, 3600)
	time.Sleep(20 * time.Millisecond)
	assert.True(t, c.Now().Sub(start) >= time.Minute, "an hour per second")
	stopped := NewClock(start, 0)
	stopped.Advance(time.Hour)
	assert.Equal(t, start.Add(time.Hour), stopped.Now())
}

func TestSim_UnacceptedSupervisionWarnsAt180Days(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Supervision = 400; o.Orders = 3000 })
	now := srv.Clock().Now()
	task := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		w := s.WarningAt()
		return !w.IsZero() && w.After(now) && w.Before(now.Add(5*24*time.Hour)) && !s.Frozen() &&
			s.Current != domain.NodeSubmitRequirement && s.Current != domain.NodeAcceptance && s.Current != domain.NodeInTransit &&
			s.Current != domain.NodeActivateCode
	})
	warned := func() bool {
		for _, r := range srv.Records(AccountMain, domain.ResMessages) {
			if n := r.(domain.Message); n.RecordID == task.ID && n.Category == domain.MsgProductOpen {
				return true
			}
		}
		return false
	}
	assert.False(t, warned())
	srv.Advance(task.WarningAt().Sub(now) + time.Minute)
	assert.True(t, warned())
}
