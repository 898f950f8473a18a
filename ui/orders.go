package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// NewOrdersScreen lists orders, newest first, with the selected order's
// lines and buyer beside it.
func NewOrdersScreen(b *ScreenBackend) *RecordScreen[domain.Order] {
	cfg := TableConfig[domain.Order]{
		Columns: []Column[domain.Order]{
			{ID: "id", Label: lang.L("Order"), Width: 170, Text: func(o domain.Order) string { return o.ID }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(o domain.Order) string { return FormatDateTime(o.CreatedAt) }},
			{ID: "type", Label: lang.L("Type"), Width: 90, Text: func(o domain.Order) string { return labelOrderType(o.Type) }},
			{ID: "status", Label: lang.L("Status"), Width: 90, Text: func(o domain.Order) string { return labelOrderStatus(o.Status) }},
			{ID: "product", Label: lang.L("Product"), Width: 180, Text: func(o domain.Order) string { return safeText(o.ProductName) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 140, Text: func(o domain.Order) string { return o.Buyer.CustomerName }},
			{ID: "amount", Label: lang.L("Amount"), Width: 120, Sortable: true, Sort: localstore.SortAmount,
				Text: func(o domain.Order) string { return FormatMoney(o.Amount, o.Currency) }},
		},
		Filters: statusFilters(domain.ResOrders),
		Sort:    localstore.SortTime, Desc: true,
	}
	return newRecordScreen(b, domain.ResOrders, cfg, newOrderDetail(b))
}
