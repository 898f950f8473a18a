package sandbox

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

func pendingTicket(t *testing.T, srv *Server, acct string) domain.Ticket {
	return find(t, srv, acct, domain.ResTickets, func(tk domain.Ticket) bool { return tk.Status == domain.TicketPendingAccept })
}

func TestTicketAccept_SecondAgentIsRefusedNamingTheFirst(t *testing.T) {
	// given a ticket waiting to be accepted
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := pendingTicket(t, srv, AccountMain)
	// when agent A accepts it
	st, res := act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketAccept, "k-a", domain.ActionParams{Agent: "客服-甲"})
	// then it is processing, assigned to A, with a newer version
	require.Equal(t, http.StatusOK, st, res.ResultMsg)
	assert.Equal(t, domain.TicketProcessing, res.Data.Status)
	assert.Equal(t, "客服-甲", res.Data.Assignee)
	assert.Greater(t, res.Data.Version, tk.Version)
	assert.Equal(t, srv.Clock().Now(), res.Data.UpdatedAt)
	// when agent B accepts it too
	before := srv.Seq(AccountMain)
	st, res = act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketAccept, "k-b", domain.ActionParams{Agent: "客服-乙"})
	// then B is told who has it, and nothing changes
	assert.Equal(t, http.StatusConflict, st)
	assert.Equal(t, marketapi.CodeNotAllowed, res.ResultCode)
	assert.Equal(t, marketapi.ReasonAlreadyAccepted, res.Reason)
	assert.Contains(t, res.ResultMsg, "客服-甲")
	assert.Equal(t, before, srv.Seq(AccountMain))
	assert.Equal(t, "客服-甲", rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID).Assignee)
}

func TestAction_SameKeyIsReplayedNotAppliedTwice(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := find(t, srv, AccountMain, domain.ResTickets, func(tk domain.Ticket) bool { return tk.Status == domain.TicketProcessing })
	p := domain.ActionParams{Agent: "客服-甲", Message: "请重启实例后再试"}
	st1, r1 := act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketReply, "reply-1", p)
	require.Equal(t, http.StatusOK, st1, r1.ResultMsg)
	applied := srv.Applied(AccountMain)
	// when the same request is sent again with the same key
	st2, r2 := act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketReply, "reply-1", p)
	// then the stored answer comes back, marked replayed, and one message was added in all
	assert.Equal(t, http.StatusOK, st2)
	assert.True(t, r2.Replayed)
	assert.False(t, r1.Replayed)
	assert.Equal(t, r1.Data.Version, r2.Data.Version)
	assert.Equal(t, applied, srv.Applied(AccountMain))
	got := rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID)
	assert.Len(t, got.Messages, len(tk.Messages)+1)
	assert.Equal(t, "请重启实例后再试", got.Messages[len(got.Messages)-1].Body)
}

func TestTicketActions_Rules(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := pendingTicket(t, srv, AccountMain)
	steps := []struct {
		name   domain.ActionName
		params domain.ActionParams
		status int
		want   domain.TicketStatus
		reason string
	}{
		{domain.ActTicketReply, domain.ActionParams{Message: "hi"}, http.StatusConflict, domain.TicketPendingAccept, marketapi.ReasonInvalidState},
		{domain.ActTicketAccept, domain.ActionParams{}, http.StatusBadRequest, domain.TicketPendingAccept, ""},
		{domain.ActTicketAccept, domain.ActionParams{Agent: "A"}, http.StatusOK, domain.TicketProcessing, ""},
		{domain.ActTicketReply, domain.ActionParams{Message: "请提供截图"}, http.StatusOK, domain.TicketProcessing, ""},
		{domain.ActTicketAwaitCustomer, domain.ActionParams{}, http.StatusOK, domain.TicketAwaitingCustomer, ""},
		{domain.ActTicketAwaitCustomer, domain.ActionParams{}, http.StatusConflict, domain.TicketAwaitingCustomer, marketapi.ReasonInvalidState},
		{domain.ActTicketResolve, domain.ActionParams{Cause: "配置错误"}, http.StatusBadRequest, domain.TicketAwaitingCustomer, ""},
		{domain.ActTicketResolve, domain.ActionParams{Cause: "配置错误", Solution: "已修正"}, http.StatusOK, domain.TicketAwaitingConfirm, ""},
		{domain.ActTicketResolve, domain.ActionParams{Cause: "x", Solution: "y"}, http.StatusConflict, domain.TicketAwaitingConfirm, marketapi.ReasonInvalidState},
	}
	for i, s := range steps {
		st, res := act[domain.Ticket](c, domain.ResTickets, tk.ID, s.name, "step-"+strconv.Itoa(i), s.params)
		assert.Equal(t, s.status, st, "step %d %s: %s", i, s.name, res.ResultMsg)
		assert.Equal(t, s.reason, res.Reason, "step %d", i)
		assert.Equal(t, s.want, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID).Status, "step %d", i)
	}
	got := rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID)
	assert.Equal(t, "配置错误", got.Cause)
	assert.Equal(t, "已修正", got.Solution)
}

func TestSupervisionActions_ManualServiceFlow(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	task := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.Current == domain.NodeConfirmRequirement && !s.Frozen() && slicesHas(s.Flow(), domain.NodeSubmitRequirement)
	})
	steps := []struct {
		name   domain.ActionName
		params domain.ActionParams
		status int
		node   domain.Node
	}{
		{domain.ActShip, domain.ActionParams{Tracking: "SF1"}, http.StatusConflict, domain.NodeConfirmRequirement},
		{domain.ActConfirmRequirement, domain.ActionParams{}, http.StatusOK, domain.NodeDeliver},
		{domain.ActUploadReport, domain.ActionParams{}, http.StatusBadRequest, domain.NodeDeliver},
		{domain.ActUploadReport, domain.ActionParams{FileName: "验收报告.pdf"}, http.StatusOK, domain.NodeConfirmCompletion},
		{domain.ActConfirmCompletion, domain.ActionParams{}, http.StatusOK, domain.NodeAcceptance},
	}
	for i, s := range steps {
		st, res := act[domain.SupervisionTask](c, domain.ResSupervision, task.ID, s.name, "sv-"+strconv.Itoa(i), s.params)
		assert.Equal(t, s.status, st, "step %d %s: %s", i, s.name, res.ResultMsg)
		assert.Equal(t, s.node, rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, task.ID).Current, "step %d", i)
	}
	assert.Equal(t, "验收报告.pdf", rec[domain.SupervisionTask](t, srv, AccountMain, domain.ResSupervision, task.ID).ReportName)
}

func slicesHas(ns []domain.Node, n domain.Node) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

func TestSupervisionActions_RejectRequirementAndShip(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Supervision = 200; o.Orders = 1500 })
	c := newClient(t, srv, AccountMain)
	task := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.Current == domain.NodeConfirmRequirement && !s.Frozen() && slicesHas(s.Flow(), domain.NodeSubmitRequirement)
	})
	st, res := act[domain.SupervisionTask](c, domain.ResSupervision, task.ID, domain.ActRejectRequirement, "rj", domain.ActionParams{Message: "需求不完整"})
	require.Equal(t, http.StatusOK, st, res.ResultMsg)
	assert.Equal(t, domain.NodeSubmitRequirement, res.Data.Current)
	assert.Equal(t, task.Rejections+1, res.Data.Rejections)

	hw := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.Current == domain.NodeShip && !s.Frozen()
	})
	st, res = act[domain.SupervisionTask](c, domain.ResSupervision, hw.ID, domain.ActShip, "ship", domain.ActionParams{Tracking: "SF1234567890"})
	require.Equal(t, http.StatusOK, st, res.ResultMsg)
	assert.Equal(t, domain.NodeInTransit, res.Data.Current)
}

func TestSupervisionActions_AppealFreezesTheFlow(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	task := find(t, srv, AccountMain, domain.ResSupervision, func(s domain.SupervisionTask) bool {
		return s.WaitingOnMerchant() && s.Current != domain.NodeDone
	})
	st, res := act[domain.SupervisionTask](c, domain.ResSupervision, task.ID, domain.ActAppeal, "ap", domain.ActionParams{Message: "用户无理驳回"})
	require.Equal(t, http.StatusOK, st, res.ResultMsg)
	assert.True(t, res.Data.Frozen())
	// when the merchant tries to move the frozen flow
	before := srv.Seq(AccountMain)
	for i, a := range []domain.ActionName{domain.ActConfirmRequirement, domain.ActUploadReport, domain.ActShip, domain.ActConfirmCompletion, domain.ActAppeal} {
		st, res = act[domain.SupervisionTask](c, domain.ResSupervision, task.ID, a, "frozen-"+strconv.Itoa(i), domain.ActionParams{FileName: "r.pdf", Tracking: "SF", Message: "x"})
		// then every action is refused as FLOW_FROZEN
		assert.Equal(t, http.StatusConflict, st, string(a))
		assert.Equal(t, marketapi.ReasonFlowFrozen, res.Reason, string(a))
	}
	assert.Equal(t, before, srv.Seq(AccountMain))
}

func TestAlertRestart_SucceedsOrFailsWithSellerCode(t *testing.T) {
	cases := []struct {
		name    string
		success float64
		want    domain.AlertState
	}{
		{"restart succeeds", 1, domain.AlertResolved},
		{"restart fails again", -1, domain.AlertFailed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startSandbox(t, func(o *Options) { o.Rates.RestartSuccess = tc.success; o.Alerts = 120; o.Orders = 1200 })
			c := newClient(t, srv, AccountMain)
			a := find(t, srv, AccountMain, domain.ResAlerts, func(a domain.InterfaceAlert) bool { return a.State == domain.AlertFailed })
			st, res := act[domain.InterfaceAlert](c, domain.ResAlerts, a.ID, domain.ActRestart, "rs", domain.ActionParams{})
			require.Equal(t, http.StatusOK, st, res.ResultMsg)
			assert.Equal(t, tc.want, res.Data.State)
			assert.Equal(t, a.Attempts+1, res.Data.Attempts)
			if tc.want == domain.AlertResolved {
				assert.Equal(t, "000000", res.Data.LastCode)
				assert.Equal(t, domain.OrderCompleted, rec[domain.Order](t, srv, AccountMain, domain.ResOrders, a.OrderID).Status)
			} else {
				assert.NotEqual(t, "000000", res.Data.LastCode)
				assert.Contains(t, domain.SellerResultCodes, res.Data.LastCode)
			}
		})
	}
}

func TestAlertRestart_AfterUnsubscriptionIsDeadlinePassed(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Alerts = 120; o.Orders = 1200 })
	c := newClient(t, srv, AccountMain)
	a := find(t, srv, AccountMain, domain.ResAlerts, func(a domain.InterfaceAlert) bool { return a.State == domain.AlertUnsubscribed })
	before := srv.Seq(AccountMain)
	st, res := act[domain.InterfaceAlert](c, domain.ResAlerts, a.ID, domain.ActRestart, "late", domain.ActionParams{})
	assert.Equal(t, http.StatusConflict, st)
	assert.Equal(t, marketapi.ReasonDeadlinePassed, res.Reason)
	assert.Equal(t, before, srv.Seq(AccountMain))
	resolved := find(t, srv, AccountMain, domain.ResAlerts, func(a domain.InterfaceAlert) bool { return a.State == domain.AlertResolved })
	st, res = act[domain.InterfaceAlert](c, domain.ResAlerts, resolved.ID, domain.ActRestart, "done", domain.ActionParams{})
	assert.Equal(t, http.StatusConflict, st)
	assert.Equal(t, marketapi.ReasonInvalidState, res.Reason)
}

func TestAction_UnknownActionAndRecord(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	st, res := act[domain.Ticket](c, domain.ResTickets, "NO-SUCH", domain.ActTicketAccept, "u1", domain.ActionParams{Agent: "A"})
	assert.Equal(t, http.StatusNotFound, st)
	assert.Equal(t, marketapi.CodeNotFound, res.ResultCode)
	o := find(t, srv, AccountMain, domain.ResOrders, func(domain.Order) bool { return true })
	st, res = act[domain.Ticket](c, domain.ResOrders, o.ID, domain.ActTicketAccept, "u2", domain.ActionParams{Agent: "A"})
	assert.Equal(t, http.StatusBadRequest, st)
	assert.True(t, strings.HasPrefix(res.ResultCode, "MKT.01"))
}

// goodParams are inputs every action accepts, so a refusal can only come
// from the record's state.
var goodParams = domain.ActionParams{Agent: "客服-甲", Message: "说明", Cause: "配置错误", Solution: "已修正",
	FileName: "验收报告.pdf", Tracking: "SF1234567890"}

func TestKindsWithoutActionsRefuseEveryAction(t *testing.T) {
	// given the sandbox's world
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	all := append(append(domain.ActionsFor(domain.ResTickets), domain.ActionsFor(domain.ResSupervision)...), domain.ActionsFor(domain.ResAlerts)...)
	for _, k := range domain.Kinds() {
		if len(domain.ActionsFor(k.Resource)) > 0 {
			continue
		}
		for _, name := range all {
			// when an action is sent for a kind that takes none
			st, res := act[domain.Order](c, k.Resource, "ANY", name, "k-"+string(k.Resource)+string(name), goodParams)

			// then it is a bad value, never applied
			assert.Equal(t, http.StatusBadRequest, st, "%s %s", k.Resource, name)
			assert.NotEqual(t, marketapi.CodeOK, res.ResultCode)
		}
	}
}

func TestAnAlertTakesNoOtherActionThanRestart(t *testing.T) {
	// given an open interface alert
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	a := find(t, srv, AccountMain, domain.ResAlerts, func(a domain.InterfaceAlert) bool { return a.State.Open() })
	applied := srv.Applied(AccountMain)

	// when a ticket's action is sent to it
	st, res := act[domain.InterfaceAlert](c, domain.ResAlerts, a.ID, domain.ActTicketAccept, "k-wrong", goodParams)

	// then it is a bad value and no call is restarted
	assert.Equal(t, http.StatusBadRequest, st, res.ResultMsg)
	assert.Equal(t, applied, srv.Applied(AccountMain))
	assert.Equal(t, a.Attempts, rec[domain.InterfaceAlert](t, srv, AccountMain, domain.ResAlerts, a.ID).Attempts)
}
