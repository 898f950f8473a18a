package reports

import (
	"context"
	"iter"
	"strings"

	"github.com/koogallery/merchant-console/domain"
)

var alertCols = []column{
	{Text{"告警ID", "Alert ID"}, 20},
	{Text{"订单号", "Order ID"}, 22},
	{Text{"订单行号", "Order line ID"}, 26},
	{Text{"商品名称", "Product"}, 30},
	{Text{"客户名称", "Customer"}, 24},
	{Text{"接口", "Interface"}, 14},
	{Text{"License", "License"}, 8},
	{Text{"状态", "State"}, 12},
	{Text{"调用次数", "Attempts"}, 9},
	{Text{"最近返回码", "Last code"}, 11},
	{Text{"返回码含义", "Code meaning"}, 30},
	{Text{"最近返回信息", "Last message"}, 36},
	{Text{"首次失败", "First failure"}, 17},
	{Text{"最近调用", "Last attempt"}, 17},
	{Text{"下次重试", "Next retry"}, 17},
	{Text{"自动退订时间", "Auto-unsubscribe at"}, 17},
	{Text{"退订倒计时(小时)", "Unsubscribe in (h)"}, 14},
}

var alertsTable = table[domain.InterfaceAlert]{
	kind:  "alerts",
	title: Text{"生产接口异常导出", "Interface alerts export"},
	sheet: Text{"接口异常", "Alerts"},
	cols:  alertCols,
	rows: func(c rowCtx, a domain.InterfaceAlert, emit emitFunc) error {
		left, ok := a.Countdown(c.now)
		return emit(a.ID, a.OrderID, a.OrderLineID, a.ProductName, a.CustomerName,
			InterfaceKindLabels.Get(c.lang, string(a.Kind)), yesNo(c.lang, a.License),
			AlertStateLabels.Get(c.lang, string(a.State)), a.Attempts, a.LastCode, codeMeaning(c.lang, a.LastCode),
			a.LastMessage, a.FirstFailureAt, a.LastAttemptAt, a.NextRetryAt, a.UnsubscribeAt, hours(left, ok))
	},
	sum: func(c rowCtx, a domain.InterfaceAlert) (string, string, domain.Money, string) {
		return AlertStateLabels.Get(c.lang, string(a.State)), monthOf(a.FirstFailureAt, c.loc), 0, ""
	},
}

// codeMeaning explains a seller-server result code; domain.SellerResultCodes
// holds "中文 / English", and the user's language half is shown.
func codeMeaning(lang Lang, code string) string {
	m, ok := domain.SellerResultCodes[code]
	if !ok {
		return ""
	}
	zh, en, found := strings.Cut(m, " / ")
	if !found {
		return m
	}
	return Text{zh, en}.In(lang)
}

// ExportAlerts writes production-interface failure alerts to path, with the
// countdown to automatic unsubscription as of Options.Now (negative once
// overdue) and the meaning of the last result code.
func ExportAlerts(ctx context.Context, path string, alerts iter.Seq2[domain.InterfaceAlert, error], o Options) (Result, error) {
	return exportTable(ctx, path, alerts, alertsTable, o)
}
