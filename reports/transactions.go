package reports

import (
	"context"
	"iter"
	"strconv"

	"github.com/koogallery/merchant-console/domain"
)

var txCols = []column{
	{phrase("Transaction ID"), 22},
	{phrase("Bill ID"), 20},
	{phrase("Order ID"), 22},
	{phrase("Order line ID"), 26},
	{phrase("export|Product"), 30},
	{phrase("export|Customer"), 24},
	{phrase("Trade type"), 12},
	{phrase("Trade time"), 17},
	{phrase("export transactions|Amount"), 14},
	{phrase("Seller amount"), 14},
	{phrase("export transactions|Status"), 10},
}

var txTable = table[domain.TransactionDetail]{
	kind:      "transactions",
	title:     phrase("Transaction details export"),
	sheet:     phrase("export transactions|Transactions"),
	cols:      txCols,
	hasAmount: true,
	rows: func(c rowCtx, t domain.TransactionDetail, emit emitFunc) error {
		return emit(txRow(c, t)...)
	},
	sum: func(c rowCtx, t domain.TransactionDetail) (string, string, domain.Money, string) {
		return TransactionStatusLabels.Get(c.lang, string(t.Status)), monthOf(t.TradeTime, c.loc), t.Amount, c.cur
	},
}

func txRow(c rowCtx, t domain.TransactionDetail) []any {
	return []any{
		t.ID, t.BillID, t.OrderID, t.OrderLineID, t.ProductName, t.CustomerName,
		OrderTypeLabels.Get(c.lang, string(t.TradeType)), t.TradeTime,
		money(t.Amount, c.cur), money(t.SellerAmount, c.cur),
		TransactionStatusLabels.Get(c.lang, string(t.Status)),
	}
}

// ExportTransactions writes transaction details (交易明细) to path. Amounts
// are in Options.Currency (CNY by default): the records carry no currency.
func ExportTransactions(ctx context.Context, path string, txs iter.Seq2[domain.TransactionDetail, error], o Options) (Result, error) {
	return exportTable(ctx, path, txs, txTable, o)
}

func itoa(n int) string { return strconv.Itoa(n) }
