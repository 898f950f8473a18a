package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBillStatusNeedsMerchant(t *testing.T) {
	want := map[BillStatus]bool{
		BillPendingInvoice:   true,  // invoice Huawei Cloud against the 开票清单
		BillInvoiceReview:    false, // Huawei Cloud reviews
		BillInvoiceError:     true,
		BillInvoiceApproved:  false,
		BillPaymentInfoError: true,
		BillPaymentAppFailed: true,
		BillPaymentRejected:  true, // submit a ticket with the payment application number
		BillPaid:             false,
	}
	assert.Len(t, BillStatuses, len(want))
	for _, s := range BillStatuses {
		t.Run(string(s), func(t *testing.T) {
			w, known := want[s]
			assert.True(t, known)
			assert.Equal(t, w, s.NeedsMerchant())
		})
	}
}

func TestBillLinesTotal(t *testing.T) {
	tests := []struct {
		name  string
		lines []BillLine
		want  Money
	}{
		{"no lines", nil, 0},
		{"one line", []BillLine{{Amount: 70000}}, 70000},
		{"with a refund", []BillLine{{Amount: 70000}, {Amount: 12345}, {Amount: -5000}}, 77345},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Bill{Amount: 1, Lines: tt.lines}.LinesTotal())
		})
	}
}

func TestMessageCategoryCode(t *testing.T) {
	tests := []struct {
		cat  MessageCategory
		want int
	}{
		{MsgProductOpen, 101}, {MsgOperations, 501}, {MsgOther, 901},
		{MsgTrade, 0}, {MsgTicket, 0}, {"UNKNOWN", 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.cat), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.cat.Code())
		})
	}
}

func TestResourceValid(t *testing.T) {
	for _, r := range AllResources {
		assert.True(t, r.Valid(), r)
	}
	for _, r := range []Resource{"", "order", "Orders", "orders/", "whoami", "changes"} {
		assert.False(t, r.Valid(), "%q", r)
	}
}

func TestRecordsNameTheirResource(t *testing.T) {
	records := map[Resource]Record{
		ResOrders: Order{}, ResSupervision: SupervisionTask{}, ResTickets: Ticket{},
		ResAlerts: InterfaceAlert{}, ResBills: Bill{}, ResTransactions: TransactionDetail{},
		ResMessages: Message{},
	}
	assert.Len(t, records, len(AllResources))
	for res, rec := range records {
		assert.Equal(t, res, rec.Resource())
	}
}

func TestActionsFor(t *testing.T) {
	tests := []struct {
		res  Resource
		want []ActionName
	}{
		{ResTickets, []ActionName{ActTicketAccept, ActTicketNote, ActTicketReply, ActTicketAwaitCustomer, ActTicketResolve}},
		{ResSupervision, []ActionName{ActConfirmRequirement, ActRejectRequirement, ActUploadReport, ActShip, ActConfirmCompletion, ActAppeal}},
		{ResAlerts, []ActionName{ActRestart}},
		{ResOrders, nil},
		{ResBills, nil},
		{ResTransactions, nil},
		{ResMessages, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.res), func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, ActionsFor(tt.res))
		})
	}
}

func TestActionStateFinal(t *testing.T) {
	tests := []struct {
		s    ActionState
		want bool
	}{
		{ActionPending, false}, {ActionSending, false}, {ActionDone, true}, {ActionRejected, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.s), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.s.Final())
		})
	}
}
