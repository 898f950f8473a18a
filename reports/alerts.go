package reports

import (
	"context"
	"iter"

	"github.com/koogallery/merchant-console/domain"
)

var alertCols = []column{
	{phrase("Alert ID"), 20},
	{phrase("Order ID"), 22},
	{phrase("Order line ID"), 26},
	{phrase("export|Product"), 30},
	{phrase("export|Customer"), 24},
	{phrase("Interface"), 14},
	{phrase("License"), 8},
	{phrase("State"), 12},
	{phrase("Attempts"), 9},
	{phrase("export|Last code"), 11},
	{phrase("Code meaning"), 30},
	{phrase("Last message"), 36},
	{phrase("First failure"), 17},
	{phrase("export|Last attempt"), 17},
	{phrase("Next retry"), 17},
	{phrase("Auto-unsubscribe at"), 17},
	{phrase("Unsubscribe in (h)"), 14},
}

var alertsTable = table[domain.InterfaceAlert]{
	kind:  "alerts",
	title: phrase("Interface alerts export"),
	sheet: phrase("Alerts"),
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

// codeMeaning explains a seller-server result code in the report's language.
func codeMeaning(lang Lang, code string) string {
	m, ok := domain.SellerResultCodes[code]
	if !ok {
		return ""
	}
	return lang.Pick(m)
}

// ExportAlerts writes production-interface failure alerts to path, with the
// countdown to automatic unsubscription as of Options.Now (negative once
// overdue) and the meaning of the last result code.
func ExportAlerts(ctx context.Context, path string, alerts iter.Seq2[domain.InterfaceAlert, error], o Options) (Result, error) {
	return exportTable(ctx, path, alerts, alertsTable, o)
}
