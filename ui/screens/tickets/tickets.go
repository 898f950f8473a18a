package tickets

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// New is the ticket queue with the selected conversation beside it, most
// urgent first: overdue tickets (the most overdue on top), then the least
// SLA left; tickets whose clock is paused (待客户反馈) or done come after the
// running ones, as the store puts records without a countdown last.
func New(b *screens.Backend) *screens.RecordScreen[domain.Ticket] {
	cfg := widgets.TableConfig[domain.Ticket]{
		Columns: []widgets.Column[domain.Ticket]{
			// The subject keeps room for a dozen characters in a narrow window:
			// it is what tells an agent one ticket from the next.
			{ID: "subject", Label: lang.L("Subject"), Width: 260, MinWidth: 220, Text: func(t domain.Ticket) string { return screens.SafeText(t.Subject) }},
			// The SLA comes second so a narrow window still shows it.
			{ID: "sla", Label: lang.L("SLA"), Width: 130, Sortable: true, Sort: localstore.SortDeadline,
				Text: func(t domain.Ticket) string { return slaCell(t, b.Time()) }},
			{ID: "status", Label: lang.L("Status"), Width: 150, Text: func(t domain.Ticket) string { return kit.LabelTicketStatus(t.Status) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 130, Text: func(t domain.Ticket) string { return t.CustomerName }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(t domain.Ticket) string { return kit.FormatDateTime(t.CreatedAt) }},
			{ID: "assignee", Label: lang.L("Assignee"), Width: 100, Text: func(t domain.Ticket) string { return t.Assignee }},
			{ID: "number", Label: lang.L("Ticket number"), Width: 130, Text: func(t domain.Ticket) string { return t.ID }},
		},
		Filters: screens.StatusFilters(domain.ResTickets, widgets.FilterOption{Label: lang.L("Waiting for me"), Statuses: screens.TicketsWaiting}),
		Importance: func(t domain.Ticket) widget.Importance {
			if domain.Urgent(t, b.Time()) {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		},
		Sort: localstore.SortDeadline,
	}
	return screens.NewRecordScreen(b, domain.ResTickets, cfg, newTicketDetail(b))
}

// slaCell is the SLA time left as loaded; the detail pane shows it live.
func slaCell(t domain.Ticket, now time.Time) string {
	left, ok := t.SLALeft(now)
	if !ok {
		return "—"
	}
	text, _ := widgets.CountdownText(now.Add(left), now)
	if t.SLAPaused() {
		return lang.L("paused") + " " + text
	}
	return text
}
