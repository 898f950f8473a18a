package bills

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// New lists monthly bills with the selected bill's lines and
// what to do about its status.
func New(b *screens.Backend) *screens.RecordScreen[domain.Bill] {
	cfg := widgets.TableConfig[domain.Bill]{
		Columns: []widgets.Column[domain.Bill]{
			{ID: "period", Label: lang.L("Month"), Width: 90, Text: func(x domain.Bill) string { return x.Period }},
			{ID: "type", Label: lang.L("Bill type"), Width: 150, Text: func(x domain.Bill) string { return kit.LabelBillType(x.Type) }},
			{ID: "status", Label: lang.L("Status"), Width: 170, Text: func(x domain.Bill) string { return kit.LabelBillStatus(x.Status) }},
			{ID: "amount", Label: lang.L("Amount"), Width: 130, Sortable: true, Sort: localstore.SortAmount,
				Text: func(x domain.Bill) string { return kit.FormatMoney(x.Amount, x.Currency) }},
			{ID: "number", Label: lang.L("Bill number"), Width: 180, Text: func(x domain.Bill) string { return x.ID }},
			{ID: "lines", Label: lang.L("Lines"), Width: 60, Text: func(x domain.Bill) string { return kit.GroupInt(len(x.Lines)) }},
			{ID: "payapp", Label: lang.L("Payment application"), Width: 150, Text: func(x domain.Bill) string { return x.PaymentAppNo }},
			{ID: "generated", Label: lang.L("Generated"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(x domain.Bill) string { return kit.FormatDateTime(x.GeneratedAt) }},
		},
		Filters: screens.StatusFilters(domain.ResBills, widgets.FilterOption{Label: lang.L("Needs me"), Statuses: screens.BillsNeedingMe}),
		Importance: func(x domain.Bill) widget.Importance {
			if x.Status.NeedsMerchant() {
				return widget.WarningImportance
			}
			return widget.MediumImportance
		},
		Sort: localstore.SortTime, Desc: true,
	}
	return screens.NewRecordScreen(b, domain.ResBills, cfg, newBillDetail(b))
}
