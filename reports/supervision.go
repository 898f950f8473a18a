package reports

import (
	"context"
	"iter"

	"github.com/koogallery/merchant-console/domain"
)

var supervisionCols = []column{
	{Text{"任务ID", "Task ID"}, 20},
	{Text{"订单号", "Order ID"}, 22},
	{Text{"商品名称", "Product"}, 30},
	{Text{"客户名称", "Customer"}, 24},
	{Text{"商品类型", "Product kind"}, 14},
	{Text{"当前节点", "Current node"}, 18},
	{Text{"待处理方", "Next to act"}, 10},
	{Text{"驳回次数", "Rejections"}, 9},
	{Text{"申诉状态", "Appeal"}, 10},
	{Text{"申诉方", "Appeal by"}, 10},
	{Text{"申诉原因", "Appeal reason"}, 30},
	{Text{"创建时间", "Created"}, 17},
	{Text{"进入节点时间", "Node entered"}, 17},
	{Text{"自动验收时间", "Auto-accept at"}, 17},
	{Text{"用户可申诉时间", "User may appeal at"}, 17},
	{Text{"180天预警时间", "180-day warning at"}, 17},
	{Text{"最近截止时间", "Next deadline"}, 17},
	{Text{"交付报告", "Delivery report"}, 24},
}

var supervisionTable = table[domain.SupervisionTask]{
	kind:  "supervision",
	title: Text{"服务监管导出", "Service supervision export"},
	sheet: Text{"服务监管", "Supervision"},
	cols:  supervisionCols,
	rows: func(c rowCtx, t domain.SupervisionTask, emit emitFunc) error {
		appeal, by, reason := any(textNone.In(c.lang)), any(nil), any(nil)
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
