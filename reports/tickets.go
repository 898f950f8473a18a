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
	{phrase("Ticket ID"), 20},
	{phrase("Subject"), 40},
	{phrase("export|Customer"), 24},
	{phrase("export|Product"), 30},
	{phrase("Order ID"), 22},
	{phrase("Status"), 12},
	{phrase("Assignee"), 12},
	{phrase("Created"), 17},
	{phrase("Accepted"), 17},
	{phrase("export|Resolved"), 17},
	{phrase("Closed"), 17},
	{phrase("export|Messages"), 8}, // the customer's conversation: internal notes not counted
	{phrase("export|Attachments"), 8},
	{phrase("First response (h)"), 13},
	{phrase("Resolution (h)"), 13},
	{phrase("SLA due"), 17},
	{phrase("SLA state"), 10},
	{phrase("SLA left (h)"), 12},
	{phrase("export|Cause"), 30},
	{phrase("Solution"), 40},
	{phrase("export|Internal notes"), 10}, // counted apart: the customer never saw them
}

var ticketsTable = table[domain.Ticket]{
	kind:  "tickets",
	title: phrase("Tickets export"),
	sheet: phrase("Tickets"),
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
