package orders

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// New lists orders, newest first, with the selected order's
// lines and buyer beside it.
func New(b *screens.Backend) *screens.RecordScreen[domain.Order] {
	cfg := widgets.TableConfig[domain.Order]{
		Columns: []widgets.Column[domain.Order]{
			{ID: "id", Label: lang.L("Order"), Width: 170, Text: func(o domain.Order) string { return o.ID }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(o domain.Order) string { return kit.FormatDateTime(o.CreatedAt) }},
			{ID: "type", Label: lang.L("Type"), Width: 90, Text: func(o domain.Order) string { return kit.LabelOrderType(o.Type) }},
			{ID: "status", Label: lang.L("Status"), Width: 90, Text: func(o domain.Order) string { return kit.LabelOrderStatus(o.Status) }},
			{ID: "product", Label: lang.L("Product"), Width: 180, Text: func(o domain.Order) string { return screens.SafeText(o.ProductName) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 140, Text: func(o domain.Order) string { return o.Buyer.CustomerName }},
			{ID: "amount", Label: lang.L("Amount"), Width: 120, Sortable: true, Sort: localstore.SortAmount,
				Text: func(o domain.Order) string { return kit.FormatMoney(o.Amount, o.Currency) }},
		},
		Filters: screens.StatusFilters(domain.ResOrders),
		Sort:    localstore.SortTime, Desc: true,
	}
	return screens.NewRecordScreen(b, domain.ResOrders, cfg, newOrderDetail(b))
}
