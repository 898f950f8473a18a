package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// supervisionMerchantNodes are the nodes where the merchant acts; an open
// appeal may still hold some of them (the detail pane says so).
var supervisionMerchantNodes = []string{
	string(domain.NodeConfirmRequirement), string(domain.NodeDeliver), string(domain.NodeShip),
	string(domain.NodeConfirmCompletion), string(domain.NodeUploadProof),
}

// NewSupervisionScreen lists supervised orders with the selected flow beside it.
func NewSupervisionScreen(b *ScreenBackend) *RecordScreen[domain.SupervisionTask] {
	cfg := TableConfig[domain.SupervisionTask]{
		Columns: []Column[domain.SupervisionTask]{
			{ID: "order", Label: lang.L("Order"), Width: 150, Text: func(t domain.SupervisionTask) string { return t.OrderID }},
			{ID: "product", Label: lang.L("Product"), Width: 170, Text: func(t domain.SupervisionTask) string { return safeText(t.ProductName) }},
			{ID: "node", Label: lang.L("Current step"), Width: 180, Text: supervisionNodeCell},
			{ID: "next", Label: lang.L("Next to act"), Width: 110, Text: func(t domain.SupervisionTask) string { return labelParty(t.NextActor()) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 120, Text: func(t domain.SupervisionTask) string { return t.CustomerName }},
			{ID: "deadline", Label: lang.L("Next deadline"), Width: 140, Sortable: true, Sort: localstore.SortDeadline,
				Text: func(t domain.SupervisionTask) string { return FormatDateTime(t.NextDeadline()) }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(t domain.SupervisionTask) string { return FormatDateTime(t.CreatedAt) }},
		},
		Filters: statusFilters(domain.ResSupervision, FilterOption{Label: lang.L("Waiting on me"), Statuses: supervisionMerchantNodes}),
		Sort:    localstore.SortTime, Desc: true,
	}
	return newRecordScreen(b, domain.ResSupervision, cfg, newSupervisionDetail(b))
}

// supervisionNodeCell marks a frozen flow in the list, not only in the pane.
func supervisionNodeCell(t domain.SupervisionTask) string {
	if t.Frozen() {
		return "❄ " + lang.L("Frozen by appeal") + " · " + labelNode(t.Current)
	}
	return labelNode(t.Current)
}
