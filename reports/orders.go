package reports

import (
	"context"
	"iter"
	"strings"

	"github.com/koogallery/merchant-console/domain"
)

var orderCols = []column{
	{Text{"订单号", "Order ID"}, 22},
	{Text{"订单类型", "Order type"}, 12},
	{Text{"订单状态", "Status"}, 10},
	{Text{"创建时间", "Created"}, 17},
	{Text{"客户名称", "Customer"}, 24},
	{Text{"客户ID", "Customer ID"}, 18},
	{Text{"用户名", "User name"}, 16},
	{Text{"手机号", "Mobile"}, 14},
	{Text{"邮箱", "E-mail"}, 24},
	{Text{"订单金额", "Order amount"}, 14},
	{Text{"币种", "Currency"}, 8},
	{Text{"订单行号", "Order line ID"}, 26},
	{Text{"计费模式", "Charging mode"}, 12},
	{Text{"周期类型", "Period type"}, 9},
	{Text{"周期数", "Periods"}, 8},
	{Text{"到期时间(预估)", "Expires (estimate)"}, 17},
	{Text{"订单行金额", "Line amount"}, 14},
	{Text{"SKU编码", "SKU code"}, 20},
	{Text{"商品ID", "Product ID"}, 20},
	{Text{"商品名称", "Product"}, 30},
	{Text{"线性值", "Linear value"}, 9},
}

var ordersTable = table[domain.Order]{
	kind:      "orders",
	title:     Text{"订单导出", "Orders export"},
	sheet:     Text{"订单", "Orders"},
	cols:      orderCols,
	hasAmount: true,
	rows:      orderRows,
	sum: func(c rowCtx, o domain.Order) (string, string, domain.Money, string) {
		return OrderStatusLabels.Get(c.lang, string(o.Status)), monthOf(o.CreatedAt, c.loc), o.Amount, o.Currency
	},
}

// ExportOrders writes orders to path, one row per order line (an order
// without lines gets one row); the summary counts orders, not lines.
func ExportOrders(ctx context.Context, path string, orders iter.Seq2[domain.Order, error], o Options) (Result, error) {
	return exportTable(ctx, path, orders, ordersTable, o)
}

func orderRows(c rowCtx, o domain.Order, emit emitFunc) error {
	head := []any{
		o.ID, OrderTypeLabels.Get(c.lang, string(o.Type)), OrderStatusLabels.Get(c.lang, string(o.Status)),
		o.CreatedAt, o.Buyer.CustomerName, o.Buyer.CustomerID, o.Buyer.UserName, o.Buyer.MobilePhone,
		o.Buyer.Email, money(o.Amount, o.Currency), o.Currency,
	}
	if len(o.Lines) == 0 {
		return emit(head...)
	}
	row := make([]any, 0, len(orderCols))
	for _, l := range o.Lines {
		row = append(row[:0], head...)
		row = append(row, l.ID, ChargingModeLabels.Get(c.lang, string(l.ChargingMode)),
			PeriodTypeLabels.Get(c.lang, string(l.PeriodType)), periods(l.PeriodNumber), l.ExpireTime,
			money(l.Amount, o.Currency))
		row = append(row, productCells(l.Products)...)
		if err := emit(row...); err != nil {
			return err
		}
	}
	return nil
}

func periods(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// productCells flattens a line's products; a line nearly always has one, and
// the rare extra ones are joined with "; " so no data is dropped.
func productCells(ps []domain.ProductInfo) []any {
	switch len(ps) {
	case 0:
		return []any{nil, nil, nil, nil}
	case 1:
		p := ps[0]
		return []any{p.SKUCode, p.ProductID, p.ProductName, periods(p.LinearValue)}
	}
	var sku, id, name, lin []string
	for _, p := range ps {
		sku, id, name = append(sku, p.SKUCode), append(id, p.ProductID), append(name, p.ProductName)
		lin = append(lin, itoa(p.LinearValue))
	}
	return []any{strings.Join(sku, "; "), strings.Join(id, "; "), strings.Join(name, "; "), strings.Join(lin, "; ")}
}
