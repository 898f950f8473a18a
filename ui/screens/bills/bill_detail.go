package bills

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// maxBillLines bounds the lines drawn in the pane: each is a few wrapped
// labels, and a bill of thousands of lines belongs in an export.
const maxBillLines = 100

// billDetail shows a monthly bill: what to do about its status, its totals
// and its settled lines.
type billDetail struct {
	b        *screens.Backend
	f        *screens.DetailFrame
	bill     domain.Bill
	guidance *widget.Label
	facts    *fyne.Container
	rows     []string // one text per line, as shown
	lines    *fyne.Container
	root     fyne.CanvasObject
}

func newBillDetail(b *screens.Backend) *billDetail {
	d := &billDetail{b: b, f: screens.NewDetailFrame(), facts: container.NewVBox(), lines: container.NewVBox()}
	d.guidance = widget.NewLabel("")
	d.guidance.Wrapping = fyne.TextWrapWord
	d.guidance.Importance = widget.WarningImportance
	d.root = d.f.Layout(d.guidance, d.facts, screens.SectionTitle(lang.L("Bill lines")), d.lines)
	return d
}

// Load shows a bill; bills carry their lines, so nothing more is fetched.
func (d *billDetail) Load(b domain.Bill) {
	d.f.Gen++
	d.bill = b
	d.f.Reveal()
	d.f.Title.SetText(lang.L("Bill {{.Period}}", map[string]any{"Period": b.Period}) + " · " + b.ID)
	d.f.Status.SetText(kit.LabelBillStatus(b.Status))
	d.guidance.SetText(billGuidance(b))
	d.guidance.Hidden = d.guidance.Text == ""
	d.facts.Objects = []fyne.CanvasObject{billFacts(b)}
	d.facts.Refresh()
	d.rows = billLineRows(b)
	d.lines.Objects = billLineViews(b)
	d.lines.Refresh()
	d.f.Relayout()
}

func billFacts(b domain.Bill) fyne.CanvasObject {
	total := kit.FormatMoney(b.LinesTotal(), b.Currency)
	if b.LinesTotal() != b.Amount {
		total += " ⚠ " + lang.L("differs from the bill amount")
	}
	shares := lang.L("Every line settles at its share")
	if n := len(b.ShareMismatches()); n > 0 {
		shares = "⚠ " + lang.L("{{.N}} lines do not settle at amount × share", map[string]any{"N": n})
	}
	return screens.KV(
		lang.L("Bill type"), kit.LabelBillType(b.Type),
		lang.L("Amount"), kit.FormatMoney(b.Amount, b.Currency),
		lang.L("Lines total"), total,
		lang.L("Share check"), shares,
		lang.L("Generated"), kit.FormatDateTime(b.GeneratedAt),
		lang.L("Payment application number"), kit.Dash(b.PaymentAppNo),
		lang.L("Marketplace note"), kit.Dash(b.StatusMessage),
	)
}

// billLineText is one settled line in three short parts, each wrapped on
// its own, so nothing runs past the pane's edge however narrow it is.
type billLineText struct {
	Product string // the product's name
	Ref     string // order/line and charging mode
	Money   string // order amount × share = settled amount
	Wrong   bool   // settled differs from amount × share (domain.Bill.ShareMismatches)
}

func billLineTexts(b domain.Bill) []billLineText {
	out := make([]billLineText, 0, min(len(b.Lines), maxBillLines))
	expected := map[string]domain.Money{}
	for _, m := range b.ShareMismatches() {
		expected[m.Line.ID] = m.Expected
	}
	for _, l := range b.Lines[:min(len(b.Lines), maxBillLines)] {
		want, wrong := expected[l.ID]
		text := billLineText{
			Product: kit.Dash(screens.SafeText(l.ProductName)),
			Ref:     l.OrderID + "/" + l.OrderLineID + " · " + kit.LabelChargingMode(l.ChargingMode),
			Money: lang.L("Order amount {{.Order}} × share {{.Share}} = settled {{.Settled}}", map[string]any{
				"Order": kit.FormatMoney(l.OrderAmount, b.Currency), "Share": fmt.Sprintf("%.0f%%", l.ShareRate*100),
				"Settled": kit.FormatMoney(l.Amount, b.Currency)}),
			Wrong: wrong,
		}
		if wrong {
			text.Money += " ⚠ " + lang.L("should be {{.Expected}}", map[string]any{"Expected": kit.FormatMoney(want, b.Currency)})
		}
		out = append(out, text)
	}
	return out
}

// billLineRows is each line's whole text, for search in tests and a11y.
func billLineRows(b domain.Bill) []string {
	texts := billLineTexts(b)
	rows := make([]string, len(texts))
	for i, t := range texts {
		rows[i] = t.Ref + " · " + t.Product + " · " + t.Money
	}
	return rows
}

// billLineViews draws each line as a small block: product in bold, then
// the order reference, then the money.
func billLineViews(b domain.Bill) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i, t := range billLineTexts(b) {
		if i > 0 {
			out = append(out, widget.NewSeparator())
		}
		product := screens.WrapLabel(t.Product)
		product.TextStyle = fyne.TextStyle{Bold: true}
		money := screens.WrapLabel(t.Money)
		if t.Wrong {
			money.Importance = widget.DangerImportance
		}
		out = append(out, container.NewVBox(product, screens.WrapLabel(t.Ref), money))
	}
	if more := len(b.Lines) - maxBillLines; more > 0 {
		out = append(out, screens.WrapLabel(lang.L("… and {{.N}} more lines: export the bill to see them all.", map[string]any{"N": more})))
	}
	return out
}

// billGuidance says what the merchant should do next for the bill's status,
// following the marketplace's settlement help pages.
func billGuidance(b domain.Bill) string {
	switch b.Status {
	case domain.BillPendingInvoice:
		return lang.L("Issue the invoice to Huawei Cloud against the invoicing list (开票清单). Bills come out on the 3rd of each month; invoice after that.")
	case domain.BillInvoiceError:
		return lang.L("The invoice information is wrong: correct the invoice and submit it again.")
	case domain.BillPaymentRejected:
		return rejectedPaymentGuidance(b)
	case domain.BillPaymentInfoError:
		return lang.L("The payment information is wrong: correct your bank details in the seller center, then resubmit.")
	case domain.BillPaymentAppFailed:
		return lang.L("The payment application could not be created: check your invoice and bank details, then submit a ticket if it persists.")
	case domain.BillInvoiceReview:
		return lang.L("The invoice is under review, which takes about two working days. Nothing to do yet.")
	}
	return ""
}

// rejectedPaymentGuidance follows the marketplace's advice for 申请被驳回,
// which depends on the bill type: support handles general-goods bills from a
// ticket; for joint-operation and Huawei-goods bills the usual cause is an
// invoice to Huawei Cloud that was never issued.
func rejectedPaymentGuidance(b domain.Bill) string {
	no := map[string]any{"No": kit.Dash(b.PaymentAppNo)}
	switch b.Type {
	case domain.BillGeneral:
		return lang.L("The payment application was rejected: submit a ticket quoting payment application number {{.No}}; Huawei Cloud support will take it up.", no)
	case domain.BillJoint, domain.BillHuawei:
		return lang.L("The payment application was rejected: check that this bill was invoiced to Huawei Cloud. If not, issue the invoice first; if it was, submit a ticket quoting payment application number {{.No}}.", no)
	}
	return lang.L("The payment application was rejected: submit a ticket quoting payment application number {{.No}}, or check that your invoice was issued.", no)
}

func (d *billDetail) Current() (domain.Bill, bool) { return d.bill, d.bill.ID != "" }
func (d *billDetail) Object() fyne.CanvasObject    { return d.root }
func (d *billDetail) Close()                       { d.f.Jobs.Wait() }

func (d *billDetail) Reset() {
	d.bill = domain.Bill{}
	d.f.Conceal()
}
