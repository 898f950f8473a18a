package recordenc

import (
	"fmt"

	"github.com/koogallery/merchant-console/domain"
)

// Orders and transaction details are the bulk of a cache (100k+ of them),
// so they get a binary encoding: about a third of JSON's size and several
// times faster to write and read (see bench_test.go).

const orderLayout = 1

func putMeta(b []byte, m *domain.Meta) []byte {
	b = putStr(b, m.ID)
	b = putStr(b, m.Account)
	b = putInt(b, m.Version)
	return putTime(b, m.UpdatedAt)
}

func (r *reader) meta(m *domain.Meta) {
	m.ID, m.Account, m.Version, m.UpdatedAt = r.str(), r.str(), r.int(), r.time()
}

// EncodeOrder appends an order in its current binary layout to b.
func EncodeOrder(b []byte, o *domain.Order) []byte {
	b = append(b, orderLayout)
	b = putMeta(b, &o.Meta)
	b = putStr(b, string(o.Type))
	b = putStr(b, string(o.Status))
	b = putTime(b, o.CreatedAt)
	b = putStr(b, o.ProductName)
	b = putInt(b, int64(o.Amount))
	b = putStr(b, o.Currency)
	for _, s := range []string{o.Buyer.CustomerID, o.Buyer.CustomerName, o.Buyer.UserID,
		o.Buyer.UserName, o.Buyer.MobilePhone, o.Buyer.Email} {
		b = putStr(b, s)
	}
	b = putLen(b, len(o.Lines))
	for i := range o.Lines {
		b = putOrderLine(b, &o.Lines[i])
	}
	b = putLen(b, len(o.Extend))
	for _, p := range o.Extend {
		b = putStr(putStr(b, p.Name), p.Value)
	}
	return b
}

func putOrderLine(b []byte, l *domain.OrderLine) []byte {
	b = putStr(b, l.ID)
	b = putStr(b, string(l.ChargingMode))
	b = putStr(b, string(l.PeriodType))
	b = putInt(b, int64(l.PeriodNumber))
	b = putTime(b, l.ExpireTime)
	b = putInt(b, int64(l.Amount))
	b = putLen(b, len(l.Products))
	for _, p := range l.Products {
		b = putStr(b, p.SKUCode)
		b = putStr(b, p.ProductID)
		b = putStr(b, p.ProductName)
		b = putInt(b, int64(p.LinearValue))
	}
	return b
}

// DecodeOrder reads an order written by any layout EncodeOrder has used into the
// value given; a truncated or unknown layout is an error.
func DecodeOrder(data []byte, o *domain.Order) error {
	r := &reader{b: data}
	if v := r.byte(); v != orderLayout {
		return fmt.Errorf("order layout %d not known", v)
	}
	r.meta(&o.Meta)
	o.Type, o.Status = domain.OrderType(r.str()), domain.OrderStatus(r.str())
	o.CreatedAt, o.ProductName = r.time(), r.str()
	o.Amount, o.Currency = domain.Money(r.int()), r.str()
	o.Buyer = domain.Buyer{CustomerID: r.str(), CustomerName: r.str(), UserID: r.str(),
		UserName: r.str(), MobilePhone: r.str(), Email: r.str()}
	if n := r.count(); n > 0 {
		o.Lines = make([]domain.OrderLine, n)
		for i := range o.Lines {
			r.orderLine(&o.Lines[i])
		}
	}
	if n := r.count(); n > 0 {
		o.Extend = make([]domain.Param, n)
		for i := range o.Extend {
			o.Extend[i] = domain.Param{Name: r.str(), Value: r.str()}
		}
	}
	return r.err
}

func (r *reader) orderLine(l *domain.OrderLine) {
	l.ID, l.ChargingMode, l.PeriodType = r.str(), domain.ChargingMode(r.str()), domain.PeriodType(r.str())
	l.PeriodNumber, l.ExpireTime, l.Amount = int(r.int()), r.time(), domain.Money(r.int())
	if n := r.count(); n > 0 {
		l.Products = make([]domain.ProductInfo, n)
		for i := range l.Products {
			l.Products[i] = domain.ProductInfo{SKUCode: r.str(), ProductID: r.str(),
				ProductName: r.str(), LinearValue: int(r.int())}
		}
	}
}

const txLayout = 1

// EncodeTransaction appends a transaction detail in its current binary layout to b.
func EncodeTransaction(b []byte, t *domain.TransactionDetail) []byte {
	b = append(b, txLayout)
	b = putMeta(b, &t.Meta)
	for _, s := range []string{t.BillID, t.OrderID, t.OrderLineID, t.ProductName, t.CustomerName, string(t.TradeType)} {
		b = putStr(b, s)
	}
	b = putTime(b, t.TradeTime)
	b = putInt(b, int64(t.Amount))
	b = putInt(b, int64(t.SellerAmount))
	return putStr(b, string(t.Status))
}

// DecodeTransaction reads a transaction detail written by any layout EncodeTransaction has used into the
// value given; a truncated or unknown layout is an error.
func DecodeTransaction(data []byte, t *domain.TransactionDetail) error {
	r := &reader{b: data}
	if v := r.byte(); v != txLayout {
		return fmt.Errorf("transaction layout %d not known", v)
	}
	r.meta(&t.Meta)
	t.BillID, t.OrderID, t.OrderLineID = r.str(), r.str(), r.str()
	t.ProductName, t.CustomerName, t.TradeType = r.str(), r.str(), domain.OrderType(r.str())
	t.TradeTime, t.Amount, t.SellerAmount = r.time(), domain.Money(r.int()), domain.Money(r.int())
	t.Status = domain.TransactionStatus(r.str())
	return r.err
}
