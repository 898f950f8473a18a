package supervision

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// New lists supervised orders with the selected flow beside it.
func New(b *screens.Backend) *screens.RecordScreen[domain.SupervisionTask] {
	cfg := widgets.TableConfig[domain.SupervisionTask]{
		Columns: []widgets.Column[domain.SupervisionTask]{
			{ID: "order", Label: lang.L("Order"), Width: 150, Text: func(t domain.SupervisionTask) string { return t.OrderID }},
			{ID: "product", Label: lang.L("Product"), Width: 170, Text: func(t domain.SupervisionTask) string { return screens.SafeText(t.ProductName) }},
			{ID: "node", Label: lang.L("Current step"), Width: 180, Text: supervisionNodeCell},
			{ID: "next", Label: lang.L("Next to act"), Width: 110, Text: func(t domain.SupervisionTask) string { return kit.LabelParty(t.NextActor()) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 120, Text: func(t domain.SupervisionTask) string { return t.CustomerName }},
			{ID: "deadline", Label: lang.L("Next deadline"), Width: 140, Sortable: true, Sort: localstore.SortDeadline,
				Text: func(t domain.SupervisionTask) string { return kit.FormatDateTime(t.NextDeadline()) }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(t domain.SupervisionTask) string { return kit.FormatDateTime(t.CreatedAt) }},
		},
		Filters: screens.StatusFilters(domain.ResSupervision, widgets.FilterOption{Label: lang.L("Waiting on me"), Statuses: screens.SupervisionMerchantNodes}),
		Sort:    localstore.SortTime, Desc: true,
	}
	return screens.NewRecordScreen(b, domain.ResSupervision, cfg, newSupervisionDetail(b))
}

// supervisionNodeCell marks a frozen flow in the list, not only in the pane.
func supervisionNodeCell(t domain.SupervisionTask) string {
	if t.Frozen() {
		return "❄ " + lang.L("Frozen by appeal") + " · " + kit.LabelNode(t.Current)
	}
	return kit.LabelNode(t.Current)
}
