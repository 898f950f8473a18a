package reports

import (
	"context"
	"iter"
	"strings"

	"github.com/koogallery/merchant-console/domain"
)

var orderCols = []column{
	{phrase("Order ID"), 22},
	{phrase("Order type"), 12},
	{phrase("export orders|Status"), 10},
	{phrase("Created"), 17},
	{phrase("export|Customer"), 24},
	{phrase("Customer ID"), 18},
	{phrase("User name"), 16},
	{phrase("Mobile"), 14},
	{phrase("E-mail"), 24},
	{phrase("Order amount"), 14},
	{phrase("Currency"), 8},
	{phrase("Order line ID"), 26},
	{phrase("Charging mode"), 12},
	{phrase("Period type"), 9},
	{phrase("Periods"), 8},
	{phrase("export|Expires (estimate)"), 17},
	{phrase("Line amount"), 14},
	{phrase("SKU code"), 20},
	{phrase("Product ID"), 20},
	{phrase("export|Product"), 30},
	{phrase("Linear value"), 9},
}

var ordersTable = table[domain.Order]{
	kind:      "orders",
	title:     phrase("Orders export"),
	sheet:     phrase("Orders"),
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
