package uitest

import (
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/backend"
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

const fixtureAccount = "acct-1"

// fixtureNow is the fixed clock the screen tests share.
var fixtureNow = time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)

// newFixtureStore opens a real cache file in a temporary folder and fills
// it with the given records, grouped per resource.
func newFixtureStore(t *testing.T, recs ...domain.Record) *localstore.Store {
	t.Helper()
	s, err := localstore.Open(filepath.Join(t.TempDir(), "cache.db"), fixtureAccount, localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	putRecords(t, s, recs...)
	return s
}

func putRecords(t *testing.T, s *localstore.Store, recs ...domain.Record) {
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

// newFixtureBackend wires a backend over the store with the fixed clock and
// an agent name, as the app would.
func newFixtureBackend(t *testing.T, s *localstore.Store) *screens.Backend {
	t.Helper()
	return &screens.Backend{
		Store:   func() *localstore.Store { return s },
		Agent:   func() string { return "李四" },
		Now:     func() time.Time { return fixtureNow },
		DataDir: t.TempDir(),
	}
}

// newTestWindow gives a headless app and a window to host a screen.
func newTestWindow(t *testing.T, content fyne.CanvasObject) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, content)
	w.Resize(fyne.NewSize(1200, 800))
	return w
}

func meta(id string, v int64) domain.Meta {
	return domain.Meta{ID: id, Account: fixtureAccount, Version: v, UpdatedAt: fixtureNow.Add(-time.Hour)}
}

func fixtureTicket(id, subject string, st domain.TicketStatus) domain.Ticket {
	return domain.Ticket{
		Meta: meta(id, 1), Subject: subject, CustomerName: "客户" + id, ProductID: "P1", ProductName: "云备份",
		Status: st, CreatedAt: fixtureNow.Add(-2 * time.Hour), SLADue: fixtureNow.Add(4 * time.Hour),
		Messages: []domain.TicketMessage{
			{ID: "m1", From: domain.PartyUser, Author: "客户", Body: "无法登录 😢", At: fixtureNow.Add(-2 * time.Hour)},
		},
	}
}

func fixtureAlert(id string, st domain.AlertState, unsubscribeIn time.Duration) domain.InterfaceAlert {
	return domain.InterfaceAlert{
		Meta: meta(id, 1), OrderID: "CS" + id, OrderLineID: "CS" + id + "-000001", ProductName: "SaaS 商品",
		CustomerName: "客户" + id, Kind: domain.IfaceCreateInstance, Attempts: 4, LastCode: "000005",
		LastMessage: "connection refused", FirstFailureAt: fixtureNow.Add(-time.Hour), LastAttemptAt: fixtureNow.Add(-time.Minute),
		UnsubscribeAt: fixtureNow.Add(unsubscribeIn), State: st,
	}
}

func fixtureTask(id string, kind domain.ProductKind, node domain.Node) domain.SupervisionTask {
	return domain.SupervisionTask{
		Meta: meta(id, 1), OrderID: "CS" + id, ProductID: "P2", ProductName: "人工服务 " + id, CustomerName: "客户" + id,
		Kind: kind, Current: node, CreatedAt: fixtureNow.Add(-72 * time.Hour), NodeEnteredAt: fixtureNow.Add(-24 * time.Hour),
	}
}

func fixtureBill(id string, st domain.BillStatus) domain.Bill {
	return domain.Bill{
		Meta: meta(id, 1), Period: "2026-10", GeneratedAt: fixtureNow.AddDate(0, 0, -17), Status: st,
		Amount: 12345, Currency: "CNY", PaymentAppNo: "PA-" + id,
		Lines: []domain.BillLine{{ID: "l1", OrderID: "CS1", OrderLineID: "CS1-000001", ProductName: "云备份",
			ChargingMode: domain.ChargePeriod, OrderAmount: 20000, ShareRate: 0.6, Amount: 12345}},
	}
}

func fixtureOrder(id, product string, st domain.OrderStatus, daysAgo int, amount domain.Money) domain.Order {
	return domain.Order{
		Meta: meta(id, 1), Type: domain.OrderNew, Status: st, CreatedAt: fixtureNow.AddDate(0, 0, -daysAgo),
		ProductName: product, Amount: amount, Currency: "CNY",
		Buyer: domain.Buyer{CustomerID: "c-" + id, CustomerName: "客户" + id},
		Lines: []domain.OrderLine{{ID: id + "-000001", ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodMonth,
			PeriodNumber: 1, Amount: amount, Products: []domain.ProductInfo{{SKUCode: "sku1", ProductID: "P1", ProductName: product}}}},
	}
}

// rejectAction marks an outbox entry as refused by the marketplace, the way
// the sync engine records a 409.
func rejectAction(t *testing.T, s *localstore.Store, a domain.Action, code, reason string) {
	t.Helper()
	a.State, a.ReasonCode, a.Reason = domain.ActionRejected, code, reason
	require.NoError(t, s.UpdateAction(a))
}

// walk visits o and everything drawn inside it, skipping what is hidden
// (a hidden container hides all it holds).
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, visit)
		}
	}
}

// findButton returns the first button with that text.
func findButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Text == text {
			found = b
		}
	})
	require.NotNil(t, found, "button %q", text)
	return found
}

// visibleLabels returns the text of every label shown.
func visibleLabels(root fyne.CanvasObject) []string {
	var out []string
	walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// shows reports whether some visible label contains the text.
func shows(root fyne.CanvasObject, text string) bool {
	for _, l := range visibleLabels(root) {
		if strings.Contains(l, text) {
			return true
		}
	}
	return false
}

// enqueueAction queues an action as a pane would, for tests that need one
// already in the outbox.
func (b *screens.Backend) enqueueAction(res domain.Resource, id string, name domain.ActionName, p domain.ActionParams) (domain.Action, error) {
	a, s, err := b.newAction(res, id, name, p)
	if err != nil {
		return a, err
	}
	if err := b.submit(s, a); err != nil {
		return a, err
	}
	acts, err := s.ActionsFor(res, id)
	if err != nil || len(acts) == 0 {
		return a, err
	}
	return acts[len(acts)-1], nil
}
