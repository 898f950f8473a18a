package reports

import (
	"context"
	"iter"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// SLA states of a ticket at a given time, for the SLA column and UI badges.
const (
	SLARunning  = "RUNNING"  // the clock runs and time is left
	SLAPaused   = "PAUSED"   // waiting for the customer: the clock is stopped
	SLABreached = "BREACHED" // the deadline has passed while it applied
	SLANone     = "NONE"     // no deadline applies (resolved, revoked, awaiting confirmation)
)

// SLAState says where the ticket's SLA stands at now.
func SLAState(t domain.Ticket, now time.Time) string {
	left, ok := t.SLALeft(now)
	switch {
	case !ok:
		return SLANone
	case left < 0:
		return SLABreached
	case t.SLAPaused():
		return SLAPaused
	}
	return SLARunning
}

var ticketCols = []column{
	{Text{"工单号", "Ticket ID"}, 20},
	{Text{"标题", "Subject"}, 40},
	{Text{"客户名称", "Customer"}, 24},
	{Text{"商品名称", "Product"}, 30},
	{Text{"订单号", "Order ID"}, 22},
	{Text{"状态", "Status"}, 12},
	{Text{"处理人", "Assignee"}, 12},
	{Text{"创建时间", "Created"}, 17},
	{Text{"受理时间", "Accepted"}, 17},
	{Text{"解决时间", "Resolved"}, 17},
	{Text{"关闭时间", "Closed"}, 17},
	{Text{"消息数", "Messages"}, 8}, // the customer's conversation: internal notes not counted
	{Text{"附件数", "Attachments"}, 8},
	{Text{"首次响应(小时)", "First response (h)"}, 13},
	{Text{"解决用时(小时)", "Resolution (h)"}, 13},
	{Text{"SLA截止", "SLA due"}, 17},
	{Text{"SLA状态", "SLA state"}, 10},
	{Text{"SLA剩余(小时)", "SLA left (h)"}, 12},
	{Text{"原因", "Cause"}, 30},
	{Text{"解决方案", "Solution"}, 40},
	{Text{"内部备注数", "Internal notes"}, 10}, // counted apart: the customer never saw them
}

var ticketsTable = table[domain.Ticket]{
	kind:  "tickets",
	title: Text{"客户工单导出", "Tickets export"},
	sheet: Text{"工单", "Tickets"},
	cols:  ticketCols,
	rows: func(c rowCtx, t domain.Ticket, emit emitFunc) error {
		first, okFirst := t.FirstResponseTime()
		res, okRes := t.ResolutionTime()
		left, okLeft := t.SLALeft(c.now)
		var due any
		if okLeft {
			due = t.SLADue
		}
		return emit(t.ID, t.Subject, t.CustomerName, t.ProductName, t.OrderID,
			TicketStatusLabels.Get(c.lang, string(t.Status)), t.Assignee,
			t.CreatedAt, t.AcceptedAt, t.ResolvedAt, t.ClosedAt,
			len(t.CustomerVisible()), len(t.Attachments), hours(first, okFirst), hours(res, okRes),
			due, SLAStateLabels.Get(c.lang, SLAState(t, c.now)), hours(left, okLeft),
			t.Cause, t.Solution, len(t.Notes()))
	},
	sum: func(c rowCtx, t domain.Ticket) (string, string, domain.Money, string) {
		return TicketStatusLabels.Get(c.lang, string(t.Status)), monthOf(t.CreatedAt, c.loc), 0, ""
	},
}

// ExportTickets writes customer tickets to path with their message count,
// first-response and resolution times and SLA state at Options.Now.
func ExportTickets(ctx context.Context, path string, tickets iter.Seq2[domain.Ticket, error], o Options) (Result, error) {
	return exportTable(ctx, path, tickets, ticketsTable, o)
}
