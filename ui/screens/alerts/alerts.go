package alerts

import (
	"strconv"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// New lists failed production-interface calls most urgent first (see
// mostUrgentFirst), with the selected alert's live countdown beside it.
func New(b *screens.Backend) *screens.RecordScreen[domain.InterfaceAlert] {
	cfg := widgets.TableConfig[domain.InterfaceAlert]{
		Columns: []widgets.Column[domain.InterfaceAlert]{
			{ID: "countdown", Label: lang.L("Time left"), Width: 130, Sortable: true, Sort: localstore.SortDeadline,
				Text: func(a domain.InterfaceAlert) string { return alertLeftCell(a, b) }},
			{ID: "state", Label: lang.L("State"), Width: 150, Text: func(a domain.InterfaceAlert) string { return kit.LabelAlertState(a.State) }},
			{ID: "interface", Label: lang.L("Interface"), Width: 130, Text: func(a domain.InterfaceAlert) string { return kit.LabelInterface(a.Kind) }},
			{ID: "order", Label: lang.L("Order"), Width: 150, Text: func(a domain.InterfaceAlert) string { return a.OrderID }},
			{ID: "product", Label: lang.L("Product"), Width: 150, Text: func(a domain.InterfaceAlert) string { return screens.SafeText(a.ProductName) }},
			{ID: "code", Label: lang.L("Last code"), Width: 80, Text: func(a domain.InterfaceAlert) string { return a.LastCode }},
			{ID: "attempts", Label: lang.L("Attempts"), Width: 70, Text: func(a domain.InterfaceAlert) string { return strconv.Itoa(a.Attempts) }},
			{ID: "first", Label: lang.L("First failure"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(a domain.InterfaceAlert) string { return kit.FormatDateTime(a.FirstFailureAt) }},
		},
		Filters: screens.StatusFilters(domain.ResAlerts, widgets.FilterOption{Label: lang.L("Still open"), Statuses: screens.AlertsOpen}),
		Importance: func(a domain.InterfaceAlert) widget.Importance {
			if domain.Urgent(a, b.Time()) {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		},
		Sort:  localstore.SortDeadline,
		Fetch: mostUrgentFirst(b.CurrentStore),
	}
	return screens.NewRecordScreen(b, domain.ResAlerts, cfg, newAlertDetail(b))
}

func alertLeftCell(a domain.InterfaceAlert, b *screens.Backend) string {
	now := b.Time()
	if _, ok := a.Countdown(now); !ok {
		return "—"
	}
	text, _ := widgets.CountdownText(a.UnsubscribeAt, now)
	return text
}
