package notify

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func userMsg(id, body string, at time.Time) domain.TicketMessage {
	return domain.TicketMessage{ID: id, From: domain.PartyUser, Author: "客户乙", Body: body, At: at}
}

func TestCustomerReplyIsANewUserMessage(t *testing.T) {
	// given a ticket opened with the customer's description
	f := newFixture(t, DefaultSettings(), noon)
	tk := openTicket("T1", 1, noon.Add(-time.Hour), userMsg("m1", "登录报错 500", noon.Add(-time.Hour)))
	opened := f.sync(t, domain.ResTickets, tk)

	// when an agent answers, then the customer answers back
	tk.Version = 2
	tk.Messages = append(tk.Messages, domain.TicketMessage{ID: "m2", From: domain.PartyMerchant, Body: "请提供截图", At: noon})
	agent := f.sync(t, domain.ResTickets, tk)
	tk.Version = 3
	tk.Messages = append(tk.Messages, userMsg("m3", "截图如下，\n  请查看", noon.Add(time.Minute)))
	replied := f.sync(t, domain.ResTickets, tk)

	// then the new ticket and the customer's reply are told, the agent's own message is not
	assert.Equal(t, []string{"new-ticket:acct-1:T1"}, keysOf(opened))
	assert.Equal(t, "「无法登录 T1」来自 客户乙", opened[0].Body)
	assert.Empty(t, agent)
	require.Len(t, replied, 1)
	assert.Equal(t, "customer-replied:acct-1:T1:m3", replied[0].Key)
	assert.Equal(t, "「无法登录 T1」：截图如下， 请查看", replied[0].Body)
}

func TestChangeRules(t *testing.T) {
	alert := failingAlert("A1", 1, noon.Add(-time.Minute), noon.Add(3*time.Hour))
	retried := alert
	retried.Version, retried.Attempts = 2, 4
	task := domain.SupervisionTask{
		Meta: meta("acct-1", "S1", 1, noon), OrderID: "CSSV1", Kind: domain.KindManualService,
		Current: domain.NodeSubmitRequirement, CreatedAt: noon, NodeEnteredAt: noon,
	}
	waiting := task
	waiting.Version, waiting.Current = 2, domain.NodeConfirmRequirement
	bill := domain.Bill{Meta: meta("acct-1", "B1", 1, noon), Period: "2026-10", Status: domain.BillInvoiceReview,
		Amount: 123456, Currency: "CNY", PaymentAppNo: "PA-77"}
	pending := bill
	pending.Version, pending.Status = 2, domain.BillPendingInvoice
	rejected := bill
	rejected.Version, rejected.Status, rejected.StatusMessage = 3, domain.BillPaymentRejected, "发票未开具"
	oldOrder := newOrder("CSOLD", noon.Add(-72*time.Hour))

	cases := []struct {
		name  string
		res   domain.Resource
		steps []domain.Record
		want  [][]string // keys delivered after each step
		body  string     // the last notification's body
	}{
		{"new interface failure, its retry is not news", domain.ResAlerts,
			[]domain.Record{alert, retried},
			[][]string{{"new-alert:acct-1:A1:" + unix(alert.FirstFailureAt)}, nil}, "订单 CSA1：新购（创建实例） 000005 其它服务内部错误"},
		{"supervision waits on the merchant newly", domain.ResSupervision,
			[]domain.Record{task, waiting},
			[][]string{nil, {"supervision-waiting:acct-1:S1:CONFIRM_REQUIREMENT:" + unix(noon)}}, "订单 CSSV1：确认需求"},
		{"bill needs an invoice, then payment rejected", domain.ResBills,
			[]domain.Record{bill, pending, rejected},
			[][]string{nil, {"bill-invoice:acct-1:B1"}, {"payment-rejected:acct-1:B1:v3"}}, "2026-10 账单的申付单被驳回：PA-77 发票未开具"},
		{"an old order on a first sync is history, not news", domain.ResOrders,
			[]domain.Record{oldOrder}, [][]string{nil}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given every rule on
			f := newFixture(t, allOn(), noon)
			var last []Notification
			for i, rec := range tc.steps {
				// when each version arrives by sync
				got := f.sync(t, tc.res, rec)

				// then exactly the expected notifications follow
				assert.Equal(t, tc.want[i], keysOf(got), "step %d", i)
				if len(got) > 0 {
					last = got
				}
			}
			if tc.body != "" {
				require.NotEmpty(t, last)
				assert.Equal(t, tc.body, last[len(last)-1].Body)
			}
		})
	}
}

func TestCoalescing(t *testing.T) {
	// given the new-order rule on and English texts
	s := allOn()
	s.Lang = LangEN
	f := newFixture(t, s, noon)
	orders := make([]domain.Record, 50)
	for i := range orders {
		orders[i] = newOrder(fmt.Sprintf("CS%03d", i), noon.Add(-time.Duration(i)*time.Minute))
	}
	tickets := []domain.Record{openTicket("T1", 1, noon), openTicket("T2", 1, noon), openTicket("T3", 1, noon)}

	// when one sync brings 50 new orders and another 3 new tickets
	gotOrders := f.sync(t, domain.ResOrders, orders...)
	gotTickets := f.sync(t, domain.ResTickets, tickets...)

	// then each is one notification that covers every record and logs each one
	require.Len(t, gotOrders, 1)
	n := gotOrders[0]
	assert.Equal(t, "50 new orders", n.Title)
	assert.Equal(t, "CS000, CS001, CS002, …", n.Body)
	assert.Len(t, n.RecordIDs, 50)
	assert.Len(t, n.Keys, 50)
	assert.Empty(t, n.RecordID, "several records: the centre opens the list")
	assert.True(t, n.Coalesced())
	require.Len(t, gotTickets, 1)
	assert.Equal(t, "3 new tickets", gotTickets[0].Title)
	logged, err := f.store.Notices(100)
	require.NoError(t, err)
	assert.Len(t, logged, 53)
}

func TestCoalescedTitleInChinese(t *testing.T) {
	// given the default language and the new-order rule on
	f := newFixture(t, allOn(), noon)

	// when a sync brings 50 new orders
	orders := make([]domain.Record, 50)
	for i := range orders {
		orders[i] = newOrder(fmt.Sprintf("CS%03d", i), noon)
	}
	got := f.sync(t, domain.ResOrders, orders...)

	// then the title counts them
	require.Len(t, got, 1)
	assert.Equal(t, "50 个新订单", got[0].Title)
	assert.Equal(t, "CS000、CS001、CS002 等", got[0].Body)
}

func TestOwnActionResultsAreNotNews(t *testing.T) {
	// given a supervision task at the user's node
	f := newFixture(t, DefaultSettings(), noon)
	task := domain.SupervisionTask{
		Meta: meta("acct-1", "S9", 1, noon), OrderID: "CSSV9", Kind: domain.KindManualService,
		Current: domain.NodeSubmitRequirement, CreatedAt: noon, NodeEnteredAt: noon,
	}
	f.sync(t, domain.ResSupervision, task)

	// when the merchant's own action comes back with the task waiting on the merchant
	task.Version, task.Current = 2, domain.NodeDeliver
	changes := apply(t, f.store, domain.ResSupervision, task)
	for i := range changes {
		changes[i].Ours = true
	}
	require.NoError(t, f.engine.HandleChanges(changes))

	// then nobody is told what they just did themselves
	assert.Empty(t, f.inbox.Take())
}
