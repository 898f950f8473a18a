package supervision

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// New lists supervised orders with the selected flow beside it, ordered by
// the deadline that binds the merchant (a stall the user may appeal, the
// 180-day warning, hardware auto-acceptance), soonest or most passed first;
// a passed one is red.
func New(b *screens.Backend) *screens.RecordScreen[domain.SupervisionTask] {
	cfg := widgets.TableConfig[domain.SupervisionTask]{
		Columns: []widgets.Column[domain.SupervisionTask]{
			{ID: "order", Label: lang.L("Order"), Width: 150, Text: func(t domain.SupervisionTask) string { return t.OrderID }},
			// The binding deadline comes second so a narrow window still shows it.
			{ID: "deadline", Label: lang.L("Next deadline"), Width: 240, Sortable: true, Sort: localstore.SortDeadline,
				Text: deadlineCell},
			{ID: "product", Label: lang.L("Product"), Width: 170, Text: func(t domain.SupervisionTask) string { return screens.SafeText(t.ProductName) }},
			{ID: "node", Label: lang.L("Current step"), Width: 180, Text: supervisionNodeCell},
			{ID: "next", Label: lang.L("Next to act"), Width: 110, Text: func(t domain.SupervisionTask) string { return kit.LabelParty(t.NextActor()) }},
			{ID: "customer", Label: lang.L("Customer"), Width: 120, Text: func(t domain.SupervisionTask) string { return t.CustomerName }},
			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(t domain.SupervisionTask) string { return kit.FormatDateTime(t.CreatedAt) }},
		},
		Filters: screens.StatusFilters(domain.ResSupervision, widgets.FilterOption{Label: lang.L("Waiting on me"), Statuses: screens.SupervisionMerchantNodes}),
		Importance: func(t domain.SupervisionTask) widget.Importance {
			if t.DeadlinePassed(b.Time()) {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		},
		Sort: localstore.SortDeadline,
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

// deadlineCell is the binding deadline's time and name, so the list says
// which clock the merchant races; the time comes first so a narrow column
// still shows it.
func deadlineCell(t domain.SupervisionTask) string {
	which, at := t.BindingDeadline()
	if at.IsZero() {
		return "—"
	}
	return kit.FormatDateTime(at) + " · " + kit.LabelDeadline(which)
}
