package reports

import (
	"context"
	"iter"

	"github.com/koogallery/merchant-console/domain"
)

var supervisionCols = []column{
	{phrase("Task ID"), 20},
	{phrase("Order ID"), 22},
	{phrase("export|Product"), 30},
	{phrase("export|Customer"), 24},
	{phrase("Product kind"), 14},
	{phrase("Current node"), 18},
	{phrase("export|Next to act"), 10},
	{phrase("Rejections"), 9},
	{phrase("export|Appeal"), 10},
	{phrase("Appeal by"), 10},
	{phrase("Appeal reason"), 30},
	{phrase("Created"), 17},
	{phrase("Node entered"), 17},
	{phrase("Auto-accept at"), 17},
	{phrase("User may appeal at"), 17},
	{phrase("180-day warning at"), 17},
	{phrase("export|Next deadline"), 17},
	{phrase("Delivery report"), 24},
}

var supervisionTable = table[domain.SupervisionTask]{
	kind:  "supervision",
	title: phrase("Service supervision export"),
	sheet: phrase("Supervision"),
	cols:  supervisionCols,
	rows: func(c rowCtx, t domain.SupervisionTask, emit emitFunc) error {
		appeal, by, reason := any(phrase("export|none").In(c.lang)), any(nil), any(nil)
		if t.Appeal != nil {
			appeal = AppealStatusLabels.Get(c.lang, string(t.Appeal.Status))
			by, reason = PartyLabels.Get(c.lang, string(t.Appeal.By)), t.Appeal.Reason
		}
		return emit(t.ID, t.OrderID, t.ProductName, t.CustomerName,
			ProductKindLabels.Get(c.lang, string(t.Kind)), NodeLabels.Get(c.lang, string(t.Current)),
			PartyLabels.Get(c.lang, string(t.NextActor())), t.Rejections, appeal, by, reason,
			t.CreatedAt, t.NodeEnteredAt, t.AutoAcceptAt(), t.StallAppealAt(), t.WarningAt(),
			t.NextDeadline(), t.ReportName)
	},
	sum: func(c rowCtx, t domain.SupervisionTask) (string, string, domain.Money, string) {
		return NodeLabels.Get(c.lang, string(t.Current)), monthOf(t.CreatedAt, c.loc), 0, ""
	},
}

// ExportSupervision writes service-supervision tasks to path: the current
// node, who acts next, the appeal and every pending deadline.
func ExportSupervision(ctx context.Context, path string, tasks iter.Seq2[domain.SupervisionTask, error], o Options) (Result, error) {
	return exportTable(ctx, path, tasks, supervisionTable, o)
}
