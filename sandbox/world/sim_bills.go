package world

import (
	"sort"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// stepBills generates, on the 3rd, the bills of every closed month not yet
// billed: one per settlement category with unbilled transaction details in
// that month. A month with no sales gets no bill.
func (b *book) stepBills(now time.Time) {
	last := lastBillable(now)
	if last <= b.billed {
		return
	}
	catOf := categoryOf(b.acct.catalog)
	byGroup := map[string]*settleGroup{}
	b.tables[domain.ResTransactions].eachLive(func(_ string, rec domain.Record) {
		tx := rec.(domain.TransactionDetail)
		m := monthOf(tx.TradeTime)
		if tx.Status != domain.TxUnbilled || m <= b.billed || m > last {
			return
		}
		c := catOf(tx.ProductName)
		gr, ok := byGroup[m+c.code]
		if !ok {
			gr = &settleGroup{period: m, cat: c}
			byGroup[m+c.code] = gr
		}
		gr.rows = append(gr.rows, &tx)
	})
	keys := make([]string, 0, len(byGroup))
	for k := range byGroup {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.bill(byGroup[k], now)
	}
	b.billed = last
}

// bill settles one month's rows of one category into a new bill.
func (b *book) bill(gr *settleGroup, now time.Time) {
	rows := gr.rows
	sort.Slice(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID })
	shares := map[string]float64{}
	for _, p := range b.acct.catalog {
		shares[p.name] = p.share
	}
	bill := b.gen.billFor(gr.period, gr.cat, 1, rows, shares, billDay(monthStart(gr.period, 0)), b.chargingMode)
	for _, tx := range rows {
		b.touch(&tx.Meta, now)
		b.put(*tx)
	}
	b.touch(&bill.Meta, now)
	b.put(bill)
	b.notify(b.gen.billNotice(bill), now)
}

// chargingMode looks up the charging mode of an order line.
func (b *book) chargingMode(orderID, lineID string) domain.ChargingMode {
	o, _ := get[domain.Order](b, domain.ResOrders, orderID)
	for _, l := range o.Lines {
		if l.ID == lineID {
			return l.ChargingMode
		}
	}
	return ""
}
