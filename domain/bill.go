package domain

import (
	"math"
	"time"
)

// BillStatus is a monthly bill's settlement status.
type BillStatus string

// Bill statuses as the seller center shows them.
const (
	BillPendingInvoice   BillStatus = "PENDING_INVOICE"    // 待开票: invoice Huawei Cloud against the 开票清单
	BillInvoiceReview    BillStatus = "INVOICE_REVIEW"     // 发票待审核
	BillInvoiceError     BillStatus = "INVOICE_ERROR"      // 发票信息错误
	BillInvoiceApproved  BillStatus = "INVOICE_APPROVED"   // 发票审核通过
	BillPaymentInfoError BillStatus = "PAYMENT_INFO_ERROR" // 支付信息错误
	BillPaymentAppFailed BillStatus = "PAYMENT_APP_FAILED" // 申付单创建失败
	BillPaymentRejected  BillStatus = "PAYMENT_REJECTED"   // 申请被驳回
	BillPaid             BillStatus = "PAID"               // 已付款
)

// BillStatuses lists every bill status, for filters and counts (from kinds.go).
var BillStatuses []BillStatus

// NeedsMerchant reports whether the merchant must do something about the bill.
func (s BillStatus) NeedsMerchant() bool {
	return KindOf(ResBills).Status(string(s)).Actor == PartyMerchant
}

// BillType is the kind of goods a bill settles. The marketplace's advice for
// a problem depends on it: a rejected payment application on a general-goods
// bill is taken up through a ticket with the 申付单号, on a joint-operation or
// Huawei-goods bill by checking the invoice to Huawei Cloud was issued.
type BillType string

// Bill types as the seller center names them.
const (
	BillGeneral BillType = "GENERAL" // 通用商品账单
	BillJoint   BillType = "JOINT"   // 联营商品账单
	BillHuawei  BillType = "HUAWEI"  // 华为商品账单
)

// BillTypes lists every bill type, for filters and labels.
var BillTypes = []BillType{BillGeneral, BillJoint, BillHuawei}

// Bill is a monthly settlement bill.
type Bill struct {
	Meta
	Period        string     `json:"period"` // "2026-10": the month it settles
	Type          BillType   `json:"billType,omitempty"`
	GeneratedAt   time.Time  `json:"generatedAt"`
	Status        BillStatus `json:"status"`
	Amount        Money      `json:"amount"`
	Currency      string     `json:"currency"`
	PaymentAppNo  string     `json:"paymentAppNo,omitempty"` // 申付单号
	StatusMessage string     `json:"statusMessage,omitempty"`
	Lines         []BillLine `json:"lines"`
}

// Resource implements Record.
func (Bill) Resource() Resource { return ResBills }

// LinesTotal is the sum of the bill's lines.
func (b Bill) LinesTotal() Money {
	var sum Money
	for _, l := range b.Lines {
		sum += l.Amount
	}
	return sum
}

// BillLine is one settled order line on a bill.
type BillLine struct {
	ID           string       `json:"id"`
	OrderID      string       `json:"orderId"`
	OrderLineID  string       `json:"orderLineId"`
	ProductName  string       `json:"productName"`
	ChargingMode ChargingMode `json:"chargingMode"`
	OrderAmount  Money        `json:"orderAmount"` // what the customer paid
	ShareRate    float64      `json:"shareRate"`   // the seller's share, 0..1
	Amount       Money        `json:"amount"`      // settled to the seller
}

// TransactionStatus says whether a transaction is on a bill yet.
type TransactionStatus string

// Transaction statuses.
const (
	TxUnbilled TransactionStatus = "UNBILLED" // 未出账
	TxBilled   TransactionStatus = "BILLED"   // 已出账
)

// TransactionDetail is one row of 交易明细.
type TransactionDetail struct {
	Meta
	BillID       string            `json:"billId,omitempty"` // set once 已出账
	OrderID      string            `json:"orderId"`
	OrderLineID  string            `json:"orderLineId"`
	ProductName  string            `json:"productName"`
	CustomerName string            `json:"customerName"`
	TradeType    OrderType         `json:"tradeType"`
	TradeTime    time.Time         `json:"tradeTime"`
	Amount       Money             `json:"amount"`       // what the customer paid
	SellerAmount Money             `json:"sellerAmount"` // the seller's settled share
	Status       TransactionStatus `json:"status"`
}

// Resource implements Record.
func (TransactionDetail) Resource() Resource { return ResTransactions }

// shareTolerance is how far a line's settled amount may stray from order
// amount × share and still be right: the marketplace rounds each line to
// the fen, and a rate such as 70% of ¥1.99 lands between two fen.
const shareTolerance Money = 1

// ShareAmount is what the line should settle to the seller: its order
// amount times its share rate, rounded to the fen (half away from zero, so
// a refund line mirrors the line it pays back).
func (l BillLine) ShareAmount() Money {
	return Money(math.Round(float64(l.OrderAmount) * l.ShareRate))
}

// ShareDifference is how much the settled amount exceeds (positive) or
// falls short of (negative) order amount × share; zero when the two agree
// within a fen.
func (l BillLine) ShareDifference() Money {
	d := l.Amount - l.ShareAmount()
	if d >= -shareTolerance && d <= shareTolerance {
		return 0
	}
	return d
}

// ShareMismatch is one bill line whose settled amount is not its order
// amount times its share rate ("¥20,000.00 × 75% = ¥16,000.00").
type ShareMismatch struct {
	Line     BillLine
	Expected Money // Line.ShareAmount()
	Diff     Money // Line.ShareDifference(): settled minus expected
}

// ShareMismatches lists, in line order, the lines whose settlement does not
// match amount × share. A bill can add up (lines sum to its amount) and
// still settle a line at the wrong rate: this is the check a reviewer makes
// line by line.
func (b Bill) ShareMismatches() []ShareMismatch {
	var out []ShareMismatch
	for _, l := range b.Lines {
		if d := l.ShareDifference(); d != 0 {
			out = append(out, ShareMismatch{Line: l, Expected: l.ShareAmount(), Diff: d})
		}
	}
	return out
}
