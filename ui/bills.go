package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// billsNeedingMe are the statuses in which the merchant must act.
var billsNeedingMe = func() []string {
	var out []string
	for _, s := range domain.BillStatuses {
		if s.NeedsMerchant() {
			out = append(out, string(s))
		}
	}
	return out
}()

// NewBillsScreen lists monthly bills with the selected bill's lines and
// what to do about its status.
func NewBillsScreen(b *ScreenBackend) *RecordScreen[domain.Bill] {
	cfg := TableConfig[domain.Bill]{
		Columns: []Column[domain.Bill]{
			{ID: "period", Label: lang.L("Month"), Width: 90, Text: func(x domain.Bill) string { return x.Period }},
			{ID: "type", Label: lang.L("Bill type"), Width: 150, Text: func(x domain.Bill) string { return labelBillType(x.Type) }},
			{ID: "status", Label: lang.L("Status"), Width: 170, Text: func(x domain.Bill) string { return labelBillStatus(x.Status) }},
			{ID: "amount", Label: lang.L("Amount"), Width: 130, Sortable: true, Sort: localstore.SortAmount,
				Text: func(x domain.Bill) string { return FormatMoney(x.Amount, x.Currency) }},
			{ID: "lines", Label: lang.L("Lines"), Width: 60, Text: func(x domain.Bill) string { return groupInt(len(x.Lines)) }},
			{ID: "payapp", Label: lang.L("Payment application"), Width: 150, Text: func(x domain.Bill) string { return x.PaymentAppNo }},
			{ID: "generated", Label: lang.L("Generated"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(x domain.Bill) string { return FormatDateTime(x.GeneratedAt) }},
		},
		Filters: statusFilters(domain.ResBills, FilterOption{Label: lang.L("Needs me"), Statuses: billsNeedingMe}),
		Importance: func(x domain.Bill) widget.Importance {
			if x.Status.NeedsMerchant() {
				return widget.WarningImportance
			}
			return widget.MediumImportance
		},
		Sort: localstore.SortTime, Desc: true,
	}
	return newRecordScreen(b, domain.ResBills, cfg, newBillDetail(b))
}
