package ui

import (
	"strconv"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// alertsOpen are the states in which a failed call still needs the seller.
var alertsOpen = []string{string(domain.AlertRetrying), string(domain.AlertFailed), string(domain.AlertRestarting)}

// NewAlertsScreen lists failed production-interface calls, nearest automatic
// unsubscription first, with the selected alert's live countdown beside it.
func NewAlertsScreen(b *ScreenBackend) *RecordScreen[domain.InterfaceAlert] {
	cfg := TableConfig[domain.InterfaceAlert]{
		Columns: []Column[domain.InterfaceAlert]{
			{ID: "countdown", Label: lang.L("Time left"), Width: 130, Sortable: true, Sort: localstore.SortDeadline,
				Text: func(a domain.InterfaceAlert) string { return alertLeftCell(a, b) }},
			{ID: "state", Label: lang.L("State"), Width: 150, Text: func(a domain.InterfaceAlert) string { return labelAlertState(a.State) }},
			{ID: "interface", Label: lang.L("Interface"), Width: 130, Text: func(a domain.InterfaceAlert) string { return labelInterface(a.Kind) }},
			{ID: "order", Label: lang.L("Order"), Width: 150, Text: func(a domain.InterfaceAlert) string { return a.OrderID }},
			{ID: "product", Label: lang.L("Product"), Width: 150, Text: func(a domain.InterfaceAlert) string { return safeText(a.ProductName) }},
			{ID: "code", Label: lang.L("Last code"), Width: 80, Text: func(a domain.InterfaceAlert) string { return a.LastCode }},
			{ID: "attempts", Label: lang.L("Attempts"), Width: 70, Text: func(a domain.InterfaceAlert) string { return strconv.Itoa(a.Attempts) }},
			{ID: "first", Label: lang.L("First failure"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(a domain.InterfaceAlert) string { return FormatDateTime(a.FirstFailureAt) }},
		},
		Filters: statusFilters(domain.ResAlerts, FilterOption{Label: lang.L("Still open"), Statuses: alertsOpen}),
		Importance: func(a domain.InterfaceAlert) widget.Importance {
			if left, ok := a.Countdown(b.now()); ok && left < urgentBelow {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		},
		Sort: localstore.SortDeadline,
	}
	return newRecordScreen(b, domain.ResAlerts, cfg, newAlertDetail(b))
}

func alertLeftCell(a domain.InterfaceAlert, b *ScreenBackend) string {
	now := b.now()
	if _, ok := a.Countdown(now); !ok {
		return "—"
	}
	text, _ := countdownText(a.UnsubscribeAt, now)
	return text
}
