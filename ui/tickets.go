package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// ticketsWaiting are the statuses in which a ticket waits for an agent.
var ticketsWaiting = []string{string(domain.TicketPendingAccept), string(domain.TicketProcessing)}

// NewTicketsScreen is the ticket queue with the selected conversation beside it.
func NewTicketsScreen(b *ScreenBackend) *RecordScreen[domain.Ticket] {
	cfg := TableConfig[domain.Ticket]{
		Columns: []Column[domain.Ticket]{
			{ID: "subject", Label: lang.L("Subject"), Width: 220, Text: func(t domain.Ticket) string { return safeText(t.Subject) }},
			{ID: "status", Label: lang.L("Status"), Width: 110, Text: func(t domain.Ticket) string { return labelTicketStatus(t.Status) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 130, Text: func(t domain.Ticket) string { return t.CustomerName }},
			{ID: "sla", Label: lang.L("SLA"), Width: 130, Sortable: true, Sort: localstore.SortDeadline,
				Text: func(t domain.Ticket) string { return slaCell(t, b.now()) }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(t domain.Ticket) string { return FormatDateTime(t.CreatedAt) }},
			{ID: "assignee", Label: lang.L("Assignee"), Width: 100, Text: func(t domain.Ticket) string { return t.Assignee }},
		},
		Filters: statusFilters(domain.ResTickets, FilterOption{Label: lang.L("Waiting for me"), Statuses: ticketsWaiting}),
		Importance: func(t domain.Ticket) widget.Importance {
			if left, ok := t.SLALeft(b.now()); ok && !t.SLAPaused() && left < urgentBelow {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		},
		Sort: localstore.SortTime, Desc: true,
	}
	return newRecordScreen(b, domain.ResTickets, cfg, newTicketDetail(b))
}

// slaCell is the SLA time left as loaded; the detail pane shows it live.
func slaCell(t domain.Ticket, now time.Time) string {
	left, ok := t.SLALeft(now)
	if !ok {
		return "—"
	}
	text, _ := countdownText(now.Add(left), now)
	if t.SLAPaused() {
		return lang.L("paused") + " " + text
	}
	return text
}
