package world

import (
	"math"
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// cst is China Standard Time, the marketplace's business clock (bills on
// the 3rd, transaction days). A fixed zone needs no tzdata on the machine.
var cst = time.FixedZone("CST", 8*3600)

// monthOf is the billing month of a time, "2006-01".
func monthOf(t time.Time) string { return t.In(cst).Format("2006-01") }

// billDay is when the bill of the month containing t is generated: on the
// 3rd of the following month at 20:00 CST (12:00 UTC), so that the date a
// bill shows is the 3rd in every zone from UTC-12 to UTC+11, the
// marketplace's own CST included, as the window's hint says. At 02:00 CST
// a bill read 18:00 on the 2nd anywhere west of China.
func billDay(t time.Time) time.Time {
	c := t.In(cst)
	return time.Date(c.Year(), c.Month()+1, 3, billHourCST, 0, 0, 0, cst).UTC()
}

// billHourCST is the hour (CST) bills are generated on the 3rd.
const billHourCST = 20

// lastBillable is the latest month whose bill is due at now.
func lastBillable(now time.Time) string {
	c := now.In(cst)
	prev := time.Date(c.Year(), c.Month()-1, 1, 0, 0, 0, 0, cst)
	if now.Before(billDay(prev)) {
		prev = prev.AddDate(0, -1, 0)
	}
	return monthOf(prev)
}

// transactions makes the 交易明细 rows of a paid order, one per line.
func (g *generator) transactions(o domain.Order, share float64) []domain.TransactionDetail {
	if o.Status == domain.OrderCancelled && !isUnsubscribed(o) || o.Amount == 0 {
		return nil
	}
	txs := make([]domain.TransactionDetail, 0, len(o.Lines))
	for _, l := range o.Lines {
		if l.Amount == 0 {
			continue
		}
		txs = append(txs, domain.TransactionDetail{
			Meta: domain.Meta{ID: "TX" + l.ID}, OrderID: o.ID, OrderLineID: l.ID, ProductName: l.Products[0].ProductName,
			CustomerName: o.Buyer.CustomerName, TradeType: o.Type, TradeTime: o.CreatedAt, Amount: l.Amount,
			SellerAmount: sellerShare(l.Amount, share), Status: domain.TxUnbilled,
		})
	}
	if isUnsubscribed(o) {
		txs = append(txs, refunds(txs, o.CreatedAt.Add(3*time.Hour))...)
	}
	return txs
}

// refunds are the rows that pay back an order the marketplace unsubscribed,
// so the month's bill nets it out.
func refunds(paid []domain.TransactionDetail, at time.Time) []domain.TransactionDetail {
	out := make([]domain.TransactionDetail, 0, len(paid))
	for _, tx := range paid {
		if tx.TradeType == domain.OrderUnsubscribe || tx.Amount <= 0 {
			continue
		}
		r := tx
		r.ID, r.TradeType, r.TradeTime = "TXR"+tx.OrderLineID, domain.OrderUnsubscribe, at
		r.Amount, r.SellerAmount, r.Status, r.BillID = -tx.Amount, -tx.SellerAmount, domain.TxUnbilled, ""
		out = append(out, r)
	}
	return out
}

func isUnsubscribed(o domain.Order) bool {
	for _, p := range o.Extend {
		if p.Name == "cancelReason" {
			return true
		}
	}
	return false
}

// sellerShare rounds the seller's part to the fen.
func sellerShare(amount domain.Money, share float64) domain.Money {
	return domain.Money(math.Round(float64(amount) * share))
}

// billFor settles rows of one month and category into the nth bill of that
// category: each row becomes a line and is marked 已出账 with the bill's ID,
// so lines sum to the bill and match the transaction details one to one.
func (g *generator) billFor(period string, c settleCat, n int, rows []*domain.TransactionDetail, shares map[string]float64, at time.Time, modeOf func(orderID, lineID string) domain.ChargingMode) domain.Bill {
	b := domain.Bill{
		Meta:   domain.Meta{ID: g.billID(period, c, n)},
		Period: period, Type: c.kind, GeneratedAt: at, Status: domain.BillPendingInvoice, Currency: g.a.currency,
		Lines: make([]domain.BillLine, 0, len(rows)),
	}
	for i, tx := range rows {
		tx.Status, tx.BillID = domain.TxBilled, b.ID
		b.Lines = append(b.Lines, domain.BillLine{
			ID: b.ID + "-" + strconv.Itoa(i+1), OrderID: tx.OrderID, OrderLineID: tx.OrderLineID,
			ProductName: tx.ProductName, ChargingMode: modeOf(tx.OrderID, tx.OrderLineID), OrderAmount: tx.Amount,
			ShareRate: shares[tx.ProductName], Amount: tx.SellerAmount,
		})
		b.Amount += tx.SellerAmount
	}
	return b
}

// billStatus gives a bill a status fitting its age in months (0: the
// latest month billed), with the payment number and message it implies.
func (g *generator) billStatus(b *domain.Bill, age int) {
	b.Status = g.statusFor(age)
	switch b.Status {
	case domain.BillPaid, domain.BillInvoiceApproved:
		b.PaymentAppNo = "PA" + b.ID[2:]
	case domain.BillInvoiceError:
		b.StatusMessage = g.text([]string{"发票抬头与开票清单不一致"}, []string{"invoice title does not match the invoicing list"})
	case domain.BillPaymentRejected:
		b.PaymentAppNo = "PA" + b.ID[2:]
		b.StatusMessage = g.text([]string{"申请被驳回：请提交工单并附申付单号"}, []string{"rejected: open a ticket with the payment application number"})
	case domain.BillPaymentInfoError:
		b.StatusMessage = g.text([]string{"收款账户信息错误"}, []string{"payee account details are wrong"})
	case domain.BillPaymentAppFailed:
		b.StatusMessage = g.text([]string{"申付单创建失败，请稍后重试"}, []string{"the payment application could not be created, retry later"})
	}
}

func (g *generator) notification(cat domain.MessageCategory, title, body string, res domain.Resource, id string, at time.Time) domain.Message {
	return domain.Message{
		Meta: domain.Meta{ID: g.id("NT")}, Category: cat, Code: cat.Code(), Title: title, Body: body,
		RecordKind: res, RecordID: id, CreatedAt: at,
	}
}

func (g *generator) alertNotice(a domain.InterfaceAlert, at time.Time) domain.Message {
	title := g.text([]string{"生产接口调用失败：" + string(a.Kind)}, []string{"Production interface failed: " + string(a.Kind)})
	body := a.OrderID + " " + a.LastCode + " " + a.LastMessage
	return g.notification(domain.MsgOperations, title, body, domain.ResAlerts, a.ID, at)
}

func (g *generator) ticketNotice(t domain.Ticket) domain.Message {
	title := g.text([]string{"您有新的客户工单"}, []string{"A customer opened a ticket"})
	return g.notification(domain.MsgTicket, title, t.CustomerName+": "+t.Subject, domain.ResTickets, t.ID, t.CreatedAt)
}

func (g *generator) taskNotice(t domain.SupervisionTask, at time.Time) domain.Message {
	title := g.text([]string{"服务监管待处理：" + string(t.Current)}, []string{"Supervision waiting: " + string(t.Current)})
	return g.notification(domain.MsgOther, title, t.OrderID+" "+t.ProductName, domain.ResSupervision, t.ID, at)
}

func (g *generator) billNotice(b domain.Bill) domain.Message {
	c := categoryOfBill(b.ID)
	title := g.text([]string{b.Period + " " + c.cn + "账单已生成"}, []string{c.en + " bill for " + b.Period + " is ready"})
	return g.notification(domain.MsgOther, title, b.Amount.String()+" "+b.Currency, domain.ResBills, b.ID, b.GeneratedAt)
}
