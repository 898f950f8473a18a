package uitest

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Account is the account every fixture record belongs to.
const Account = "acct-1"

// Now is the fixed clock the screen tests share.
var Now = time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)

// NewStore opens a real cache file in a temporary folder and fills
// it with the given records, grouped per resource.
func NewStore(t *testing.T, recs ...domain.Record) *localstore.Store {
	t.Helper()
	s, err := localstore.Open(filepath.Join(t.TempDir(), "cache.db"), Account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	PutRecords(t, s, recs...)
	return s
}

// PutRecords stores records as a sync page would.
func PutRecords(t *testing.T, s *localstore.Store, recs ...domain.Record) {
	t.Helper()
	byRes := map[domain.Resource][]domain.Record{}
	for _, r := range recs {
		byRes[r.Resource()] = append(byRes[r.Resource()], r)
	}
	for res, items := range byRes {
		_, err := s.ApplyPage(localstore.Page{Resource: res, Items: items})
		require.NoError(t, err)
	}
}

// NewWindow gives a headless app and a window to host a screen.
func NewWindow(t *testing.T, content fyne.CanvasObject) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, content)
	w.Resize(fyne.NewSize(1200, 800))
	return w
}

// Meta is a fixture record's identity at version v.
func Meta(id string, v int64) domain.Meta {
	return domain.Meta{ID: id, Account: Account, Version: v, UpdatedAt: Now.Add(-time.Hour)}
}

// Ticket is a ticket with one customer message, its SLA four hours away.
func Ticket(id, subject string, st domain.TicketStatus) domain.Ticket {
	return domain.Ticket{
		Meta: Meta(id, 1), Subject: subject, CustomerName: "客户" + id, ProductID: "P1", ProductName: "云备份",
		Status: st, CreatedAt: Now.Add(-2 * time.Hour), SLADue: Now.Add(4 * time.Hour),
		Messages: []domain.TicketMessage{
			{ID: "m1", From: domain.PartyUser, Author: "客户", Body: "无法登录 😢", At: Now.Add(-2 * time.Hour)},
		},
	}
}

// Alert is a failed interface call, unsubscribeIn before automatic unsubscription.
func Alert(id string, st domain.AlertState, unsubscribeIn time.Duration) domain.InterfaceAlert {
	return domain.InterfaceAlert{
		Meta: Meta(id, 1), OrderID: "CS" + id, OrderLineID: "CS" + id + "-000001", ProductName: "SaaS 商品",
		CustomerName: "客户" + id, Kind: domain.IfaceCreateInstance, Attempts: 4, LastCode: "000005",
		LastMessage: "connection refused", FirstFailureAt: Now.Add(-time.Hour), LastAttemptAt: Now.Add(-time.Minute),
		UnsubscribeAt: Now.Add(unsubscribeIn), State: st,
	}
}

// Task is a supervision task of a product kind at a node.
func Task(id string, kind domain.ProductKind, node domain.Node) domain.SupervisionTask {
	return domain.SupervisionTask{
		Meta: Meta(id, 1), OrderID: "CS" + id, ProductID: "P2", ProductName: "人工服务 " + id, CustomerName: "客户" + id,
		Kind: kind, Current: node, CreatedAt: Now.Add(-72 * time.Hour), NodeEnteredAt: Now.Add(-24 * time.Hour),
	}
}

// Bill is October's bill with one line.
func Bill(id string, st domain.BillStatus) domain.Bill {
	return domain.Bill{
		Meta: Meta(id, 1), Period: "2026-10", GeneratedAt: Now.AddDate(0, 0, -17), Status: st,
		Amount: 12345, Currency: "CNY", PaymentAppNo: "PA-" + id,
		Lines: []domain.BillLine{{ID: "l1", OrderID: "CS1", OrderLineID: "CS1-000001", ProductName: "云备份",
			ChargingMode: domain.ChargePeriod, OrderAmount: 20000, ShareRate: 0.6, Amount: 12345}},
	}
}

// Order is a one-line monthly order created daysAgo before Now.
func Order(id, product string, st domain.OrderStatus, daysAgo int, amount domain.Money) domain.Order {
	return domain.Order{
		Meta: Meta(id, 1), Type: domain.OrderNew, Status: st, CreatedAt: Now.AddDate(0, 0, -daysAgo),
		ProductName: product, Amount: amount, Currency: "CNY",
		Buyer: domain.Buyer{CustomerID: "c-" + id, CustomerName: "客户" + id},
		Lines: []domain.OrderLine{{ID: id + "-000001", ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodMonth,
			PeriodNumber: 1, Amount: amount, Products: []domain.ProductInfo{{SKUCode: "sku1", ProductID: "P1", ProductName: product}}}},
	}
}

// RejectAction marks an outbox entry as refused by the marketplace, the way
// the sync engine records a 409.
func RejectAction(t *testing.T, s *localstore.Store, a domain.Action, code, reason string) {
	t.Helper()
	a.State, a.ReasonCode, a.Reason = domain.ActionRejected, code, reason
	require.NoError(t, s.UpdateAction(a))
}

// Walk visits o and everything drawn inside it, skipping what is hidden
// (a hidden container hides all it holds).
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			Walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			Walk(c, visit)
		}
	}
}

// FindButton returns the first button with that text.
func FindButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	Walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Text == text {
			found = b
		}
	})
	require.NotNil(t, found, "button %q", text)
	return found
}

// VisibleLabels returns the text of every label shown.
func VisibleLabels(root fyne.CanvasObject) []string {
	var out []string
	Walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// Shows reports whether some visible label contains the text.
func Shows(root fyne.CanvasObject, text string) bool {
	for _, l := range VisibleLabels(root) {
		if strings.Contains(l, text) {
			return true
		}
	}
	return false
}
