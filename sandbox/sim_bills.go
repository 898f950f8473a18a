package sandbox

import (
	"sort"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// stepBills generates, on the 3rd, the bill of every closed month not yet
// billed, from that month's unbilled transaction details.
func (b *book) stepBills(now time.Time) {
	last := lastBillable(now)
	if last <= b.billed {
		return
	}
	byMonth := map[string][]*domain.TransactionDetail{}
	for _, rec := range b.tables[domain.ResTransactions].live {
		tx := rec.(domain.TransactionDetail)
		if m := monthOf(tx.TradeTime); tx.Status == domain.TxUnbilled && m > b.billed && m <= last {
			byMonth[m] = append(byMonth[m], &tx)
		}
	}
	if _, ok := byMonth[last]; !ok {
		byMonth[last] = nil // the month is billed even when nothing was sold
	}
	months := make([]string, 0, len(byMonth))
	for m := range byMonth {
		months = append(months, m)
	}
	sort.Strings(months)
	for _, m := range months {
		b.bill(m, byMonth[m], now)
	}
	b.billed = last
}

func (b *book) bill(month string, rows []*domain.TransactionDetail, now time.Time) {
	sort.Slice(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID })
	shares := map[string]float64{}
	for _, p := range b.acct.catalog {
		shares[p.name] = p.share
	}
	at, _ := time.ParseInLocation("2006-01", month, cst)
	bill := b.gen.billFor(month, rows, shares, billDay(at), b.chargingMode)
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
