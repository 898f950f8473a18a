package domain

import "time"

// kinds is the one description of every record kind, in first-sync order.
// It is filled in init because the status methods (Ticket.Open, NodeActor…)
// read it back.
var kinds []Kind

func init() {
	kinds = []Kind{orderKind(), supervisionKind(), ticketKind(), alertKind(), billKind(), transactionKind(), messageKind()}
	OrderStatuses = codesOf[OrderStatus](ResOrders)
	Nodes = codesOf[Node](ResSupervision)
	TicketStatuses = codesOf[TicketStatus](ResTickets)
	AlertStates = codesOf[AlertState](ResAlerts)
	BillStatuses = codesOf[BillStatus](ResBills)
	TransactionStatuses = codesOf[TransactionStatus](ResTransactions)
	MessageCategories = codesOf[MessageCategory](ResMessages)
}

// Typed status lists, in the order of the kinds' descriptions.
var (
	// Nodes lists every supervision node (the supervision kind's statuses).
	Nodes []Node
	// TransactionStatuses lists every transaction status.
	TransactionStatuses []TransactionStatus
	// MessageCategories lists every message-centre category.
	MessageCategories []MessageCategory
)

func codesOf[C ~string](r Resource) []C {
	var out []C
	for _, c := range KindOf(r).Codes() {
		out = append(out, C(c))
	}
	return out
}

// appeal is on offer at every open node: either side may appeal at any time.
func withAppeal(acts ...ActionName) []ActionName { return append(acts, ActAppeal) }

func orderKind() Kind {
	return Kind{
		Resource: ResOrders, Label: Label{"订单", "Orders"},
		TimeField: "createTime", TimeLabel: Label{"创建时间", "created"}, Sync: SyncSlow,
		Statuses: []Status{
			{Code: string(OrderProcessing), Label: Label{"处理中", "Processing"}, Actor: PartyMerchant, Notice: NoticeNewOrder},
			{Code: string(OrderCompleted), Label: Label{"已完成", "Completed"}, Final: true, Notice: NoticeNewOrder},
			{Code: string(OrderCancelled), Label: Label{"已取消", "Cancelled"}, Final: true, Notice: NoticeNewOrder},
		},
		status: field(func(o Order) string { return string(o.Status) }),
		time:   field(func(o Order) time.Time { return o.CreatedAt }),
	}
}

func supervisionKind() Kind {
	merchant := func(n Node, zh, en string, acts ...ActionName) Status {
		return Status{Code: string(n), Label: Label{zh, en}, Actor: PartyMerchant, Actions: withAppeal(acts...), Notice: NoticeSupervisionWaiting}
	}
	other := func(n Node, zh, en string, by Party) Status {
		return Status{Code: string(n), Label: Label{zh, en}, Actor: by, Actions: withAppeal()}
	}
	return Kind{
		Resource: ResSupervision, Label: Label{"服务监管", "Service supervision"},
		TimeField: "createdAt", TimeLabel: Label{"创建时间", "created"}, Sync: SyncSlow,
		Statuses: []Status{
			other(NodeSubmitRequirement, "用户提交需求", "Customer submits requirements", PartyUser),
			merchant(NodeConfirmRequirement, "确认需求", "Confirm requirements", ActConfirmRequirement, ActRejectRequirement),
			merchant(NodeDeliver, "开通交付并上传交付验收报告", "Deliver and upload the acceptance report", ActUploadReport),
			merchant(NodeShip, "发货并录入物流", "Ship and enter logistics", ActShip),
			other(NodeInTransit, "物流配送中", "In transit", PartySystem),
			merchant(NodeConfirmCompletion, "确认完成", "Confirm completion", ActConfirmCompletion),
			other(NodeActivateCode, "激活码激活", "Activation code activated", PartySystem),
			merchant(NodeUploadProof, "上传交付证明", "Upload delivery proof", ActUploadReport),
			other(NodeAcceptance, "用户确认验收", "Customer acceptance", PartyUser),
			{Code: string(NodeDone), Label: Label{"已完成", "Done"}, Final: true, Actor: PartySystem},
		},
		status: field(func(t SupervisionTask) string { return string(t.Current) }),
		time:   field(func(t SupervisionTask) time.Time { return t.CreatedAt }),
	}
}

func ticketKind() Kind {
	return Kind{
		Resource: ResTickets, Label: Label{"客户工单", "Tickets"},
		TimeField: "createdAt", TimeLabel: Label{"创建时间", "created"}, Sync: SyncFast,
		Statuses: []Status{
			{Code: string(TicketPendingAccept), Label: Label{"待受理", "Pending acceptance"}, Actor: PartyMerchant,
				Actions: []ActionName{ActTicketAccept, ActTicketNote}, Notice: NoticeNewTicket},
			{Code: string(TicketProcessing), Label: Label{"处理中", "Processing"}, Actor: PartyMerchant,
				Actions: []ActionName{ActTicketReply, ActTicketAwaitCustomer, ActTicketResolve, ActTicketNote}, Notice: NoticeNewTicket},
			// The SLA clock is paused; the agent may still add to the conversation or resolve.
			{Code: string(TicketAwaitingCustomer), Label: Label{"待客户反馈", "Awaiting customer"}, Actor: PartyUser,
				Actions: []ActionName{ActTicketReply, ActTicketResolve, ActTicketNote}, Notice: NoticeNewTicket},
			// Resolved with cause and solution: only the customer moves it on.
			{Code: string(TicketAwaitingConfirm), Label: Label{"待确认结果", "Awaiting confirmation"}, Actor: PartyUser,
				Actions: []ActionName{ActTicketNote}, Notice: NoticeNewTicket},
			// Agents still write down what they learnt on a completed ticket (as
			// in Zendesk); a note moves nothing. A revoked ticket is withdrawn
			// and purged, so a note there would be lost: none.
			{Code: string(TicketCompleted), Label: Label{"已完成", "Completed"}, Final: true, Actions: []ActionName{ActTicketNote}},
			{Code: string(TicketRevoked), Label: Label{"已撤销", "Revoked"}, Final: true},
		},
		status: field(func(t Ticket) string { return string(t.Status) }),
		time:   field(func(t Ticket) time.Time { return t.CreatedAt }),
		countdown: func(r Record, now time.Time) (time.Duration, bool) {
			t, ok := record[Ticket](r)
			if !ok || !t.SLARunning() {
				return 0, false // a paused clock is not urgent: the customer has the turn
			}
			return t.SLALeft(now)
		},
	}
}

func alertKind() Kind {
	open := func(s AlertState, zh, en string, by Party) Status {
		return Status{Code: string(s), Label: Label{zh, en}, Actor: by, Actions: []ActionName{ActRestart}, Notice: NoticeNewAlert}
	}
	return Kind{
		Resource: ResAlerts, Label: Label{"接口异常", "Interface alerts"},
		TimeField: "firstFailureAt", TimeLabel: Label{"首次失败时间", "first failure"}, Sync: SyncFast,
		Statuses: []Status{
			open(AlertRetrying, "自动重试中", "Retrying automatically", PartyMerchant),
			open(AlertFailed, "失败：需手动重新启动", "Failed: restart by hand", PartyMerchant),
			// A call is under way: a second restart would only race it.
			{Code: string(AlertRestarting), Label: Label{"重新启动中", "Restarting"}, Actor: PartySystem, Notice: NoticeNewAlert},
			{Code: string(AlertResolved), Label: Label{"已恢复", "Resolved"}, Final: true},
			{Code: string(AlertUnsubscribed), Label: Label{"已自动退订", "Unsubscribed"}, Final: true},
		},
		status: field(func(a InterfaceAlert) string { return string(a.State) }),
		time:   field(func(a InterfaceAlert) time.Time { return a.FirstFailureAt }),
		countdown: func(r Record, now time.Time) (time.Duration, bool) {
			a, ok := record[InterfaceAlert](r)
			if !ok {
				return 0, false
			}
			return a.Countdown(now)
		},
	}
}

func billKind() Kind {
	st := func(s BillStatus, zh, en string, by Party, n Notice) Status {
		return Status{Code: string(s), Label: Label{zh, en}, Actor: by, Notice: n}
	}
	return Kind{
		Resource: ResBills, Label: Label{"账单", "Bills"},
		TimeField: "generatedAt", TimeLabel: Label{"账单生成时间", "generated"}, Sync: SyncMoney,
		Statuses: []Status{
			st(BillPendingInvoice, "待开票", "Pending invoice", PartyMerchant, NoticeBillInvoice),
			st(BillInvoiceReview, "发票待审核", "Invoice under review", PartyOperations, NoticeNone),
			st(BillInvoiceError, "发票信息错误", "Invoice information wrong", PartyMerchant, NoticeNone),
			st(BillInvoiceApproved, "发票审核通过", "Invoice approved", PartyOperations, NoticeNone),
			st(BillPaymentInfoError, "支付信息错误", "Payment information wrong", PartyMerchant, NoticeNone),
			st(BillPaymentAppFailed, "申付单创建失败", "Payment application failed", PartyMerchant, NoticeNone),
			st(BillPaymentRejected, "申请被驳回", "Payment application rejected", PartyMerchant, NoticePaymentRejected),
			{Code: string(BillPaid), Label: Label{"已付款", "Paid"}, Final: true},
		},
		status: field(func(b Bill) string { return string(b.Status) }),
		time:   field(func(b Bill) time.Time { return b.GeneratedAt }),
	}
}

func transactionKind() Kind {
	return Kind{
		Resource: ResTransactions, Label: Label{"交易明细", "Transaction details"},
		TimeField: "tradeTime", TimeLabel: Label{"交易时间", "trade time"}, Sync: SyncMoney,
		Statuses: []Status{
			{Code: string(TxUnbilled), Label: Label{"未出账", "Unbilled"}, Actor: PartySystem},
			{Code: string(TxBilled), Label: Label{"已出账", "Billed"}, Final: true},
		},
		status: field(func(t TransactionDetail) string { return string(t.Status) }),
		time:   field(func(t TransactionDetail) time.Time { return t.TradeTime }),
	}
}

// messageKind: a message is read, never acted on; its "status" is its category.
func messageKind() Kind {
	cat := func(c MessageCategory, zh, en string) Status {
		return Status{Code: string(c), Label: Label{zh, en}, Final: true}
	}
	return Kind{
		Resource: ResMessages, Label: Label{"消息", "Messages"},
		TimeField: "createdAt", TimeLabel: Label{"创建时间", "created"}, Sync: SyncSlow,
		Statuses: []Status{
			cat(MsgProductOpen, "产品创建开通通知", "Product creation and opening"),
			cat(MsgOperations, "运维提醒", "Operations reminder"),
			cat(MsgOther, "其他", "Other"),
			cat(MsgTrade, "交易", "Trade"),
			cat(MsgTicket, "工单", "Ticket"),
		},
		status: field(func(m Message) string { return string(m.Category) }),
		time:   field(func(m Message) time.Time { return m.CreatedAt }),
	}
}
