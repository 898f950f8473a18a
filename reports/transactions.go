package reports

import (
	"context"
	"iter"
	"strconv"

	"github.com/koogallery/merchant-console/domain"
)

var txCols = []column{
	{Text{"流水号", "Transaction ID"}, 22},
	{Text{"账单号", "Bill ID"}, 20},
	{Text{"订单号", "Order ID"}, 22},
	{Text{"订单行号", "Order line ID"}, 26},
	{Text{"商品名称", "Product"}, 30},
	{Text{"客户名称", "Customer"}, 24},
	{Text{"交易类型", "Trade type"}, 12},
	{Text{"交易时间", "Trade time"}, 17},
	{Text{"交易金额", "Amount"}, 14},
	{Text{"商家结算金额", "Seller amount"}, 14},
	{Text{"出账状态", "Status"}, 10},
}

var txTable = table[domain.TransactionDetail]{
	kind:      "transactions",
	title:     Text{"交易明细导出", "Transaction details export"},
	sheet:     Text{"交易明细", "Transactions"},
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
