package orders

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// lookupTimeout bounds the open-API lookup so a dead network never leaves
// the button spinning.
const lookupTimeout = 20 * time.Second

// orderDetail shows an order with its lines, products and buyer, and can ask
// the real open API for the marketplace's own view of it.
type orderDetail struct {
	b      *screens.Backend
	f      *screens.DetailFrame
	order  domain.Order
	facts  *fyne.Container
	lines  *fyne.Container
	buyer  *fyne.Container
	lookup *widget.Button
	answer *widget.Label
	root   fyne.CanvasObject
}

func newOrderDetail(b *screens.Backend) *orderDetail {
	d := &orderDetail{b: b, f: screens.NewDetailFrame(), facts: container.NewVBox(), lines: container.NewVBox(), buyer: container.NewVBox()}
	d.lookup = widget.NewButton(lang.L("Look up on the open API"), d.lookUp)
	d.answer = widget.NewLabel("")
	d.answer.Wrapping = fyne.TextWrapWord
	if b.LookupOrder == nil {
		d.lookup.Hide()
	}
	d.root = d.f.Layout(d.facts, screens.SectionTitle(lang.L("Order lines")), d.lines,
		screens.SectionTitle(lang.L("Buyer")), d.buyer, d.lookup, d.answer)
	return d
}

// Load shows the order; orders have no actions of their own, so only the
// record itself is needed.
func (d *orderDetail) Load(o domain.Order) {
	d.f.Gen++
	d.order = o
	d.f.Reveal()
	d.f.Title.SetText(o.ID + " · " + screens.SafeText(o.ProductName))
	d.f.Status.SetText(kit.LabelOrderStatus(o.Status) + " · " + kit.LabelOrderType(o.Type) + " · " + kit.FormatMoney(o.Amount, o.Currency))
	d.facts.Objects = []fyne.CanvasObject{screens.KV(lang.L("Created"), kit.FormatDateTime(o.CreatedAt), lang.L("Extra parameters"), paramsText(o.Extend))}
	d.lines.Objects = orderLineViews(o)
	d.buyer.Objects = []fyne.CanvasObject{buyerFacts(o.Buyer)}
	d.answer.SetText("")
	d.f.Relayout()
}

func paramsText(ps []domain.Param) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name + "=" + p.Value
	}
	return kit.Dash(strings.Join(parts, ", "))
}

func orderLineViews(o domain.Order) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, 2*len(o.Lines))
	for i, l := range o.Lines {
		if i > 0 { // several lines would otherwise read as one long list
			out = append(out, widget.NewSeparator())
		}
		out = append(out, screens.KV(
			lang.L("Order line"), l.ID,
			lang.L("Charging"), chargingText(l),
			lang.L("Amount"), kit.FormatMoney(l.Amount, o.Currency),
			lang.L("Expires (estimate)"), kit.FormatDateTime(l.ExpireTime),
			lang.L("Products"), productsText(l.Products),
		))
	}
	return out
}

func chargingText(l domain.OrderLine) string {
	s := kit.LabelChargingMode(l.ChargingMode)
	if l.ChargingMode == domain.ChargePeriod && l.PeriodNumber > 0 {
		s += " · " + kit.FormatPeriod(l.PeriodNumber, l.PeriodType)
	}
	return s
}

func productsText(ps []domain.ProductInfo) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s (SKU %s, %s)", kit.Dash(p.ProductName), p.SKUCode, p.ProductID)
	}
	return kit.Dash(strings.Join(parts, "\n"))
}

func buyerFacts(b domain.Buyer) fyne.CanvasObject {
	return screens.KV(
		lang.L("Customer"), b.CustomerName+" ("+b.CustomerID+")",
		lang.L("User"), kit.Dash(b.UserName),
		lang.L("Mobile"), kit.Dash(b.MobilePhone),
		lang.L("E-mail"), kit.Dash(b.Email),
	)
}

// lookUp asks the open API about the order's first line off Fyne's goroutine.
func (d *orderDetail) lookUp() {
	o := d.order
	line := ""
	if len(o.Lines) > 0 {
		line = o.Lines[0].ID
	}
	d.lookup.Disable()
	d.answer.SetText(lang.L("Asking the marketplace…"))
	d.f.Jobs.Run(func() func() {
		ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
		defer cancel()
		resp, err := d.b.LookupOrder(ctx, o.ID, line)
		return func() {
			d.lookup.Enable()
			if d.order.ID == o.ID {
				d.answer.SetText(lookupText(resp, err))
				d.f.Relayout()
			}
		}
	})
}

// lookupText turns the open API's answer into a sentence.
func lookupText(r marketapi.OrderQueryResponse, err error) string {
	if err != nil {
		return lang.L("The lookup failed: {{.Err}}. Check the network and the account's keys, then try again.", map[string]any{"Err": err.Error()})
	}
	if !r.OK() || r.OrderInfo == nil {
		return lang.L("The marketplace answered {{.Code}}: {{.Msg}}", map[string]any{"Code": r.ResultCode, "Msg": r.ResultMsg})
	}
	info := r.OrderInfo
	typ, at := info.OrderType, info.CreateTime
	if o, err := marketapi.FromOpen(*info); err == nil { // its words, not its codes
		typ, at = kit.LabelOrderType(o.Type), kit.FormatDateTime(o.CreatedAt)
	}
	return lang.L("The marketplace knows order {{.ID}} ({{.Type}}, placed {{.At}}) with {{.Lines}} line(s), buyer {{.Buyer}}.",
		map[string]any{"ID": info.OrderID, "Type": typ, "At": at, "Lines": len(info.OrderLine), "Buyer": info.BuyerInfo.CustomerName})
}

func (d *orderDetail) Current() (domain.Order, bool) { return d.order, d.order.ID != "" }
func (d *orderDetail) Object() fyne.CanvasObject     { return d.root }
func (d *orderDetail) Close()                        { d.f.Jobs.Wait() }

func (d *orderDetail) Reset() {
	d.order = domain.Order{}
	d.f.Conceal()
}
