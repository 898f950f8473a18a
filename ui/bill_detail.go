package ui

import (
	"image/color"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
)

// billLinesHeight keeps the lines list visible inside the scrolling pane
// (a list in a scroller would otherwise shrink to one row).
const billLinesHeight = 260

// billDetail shows a monthly bill: what to do about its status, its totals
// and its settled lines.
type billDetail struct {
	b        *ScreenBackend
	f        *detailFrame
	bill     domain.Bill
	guidance *widget.Label
	facts    *fyne.Container
	rows     []string // pre-formatted so the list's update never formats
	lines    *widget.List
	root     fyne.CanvasObject
}

func newBillDetail(b *ScreenBackend) *billDetail {
	d := &billDetail{b: b, f: newDetailFrame(), facts: container.NewVBox()}
	d.guidance = widget.NewLabel("")
	d.guidance.Wrapping = fyne.TextWrapWord
	d.guidance.Importance = widget.WarningImportance
	d.lines = widget.NewList(func() int { return len(d.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(d.rows[i]) })
	minH := canvas.NewRectangle(color.Transparent)
	minH.SetMinSize(fyne.NewSize(0, billLinesHeight))
	d.root = d.f.layout(d.guidance, d.facts, sectionTitle(lang.L("Bill lines")), container.NewStack(minH, d.lines))
	return d
}

// load shows a bill; bills carry their lines, so nothing more is fetched.
func (d *billDetail) load(b domain.Bill) {
	d.f.gen++
	d.bill = b
	d.f.reveal()
	d.f.title.SetText(lang.L("Bill {{.Period}}", map[string]any{"Period": b.Period}))
	d.f.status.SetText(labelBillStatus(b.Status))
	d.guidance.SetText(billGuidance(b))
	d.guidance.Hidden = d.guidance.Text == ""
	d.facts.Objects = []fyne.CanvasObject{billFacts(b)}
	d.facts.Refresh()
	d.rows = billLineRows(b)
	d.lines.Refresh()
	d.lines.ScrollToTop()
	d.f.relayout()
}

func billFacts(b domain.Bill) fyne.CanvasObject {
	total := FormatMoney(b.LinesTotal(), b.Currency)
	if b.LinesTotal() != b.Amount {
		total += " ⚠ " + lang.L("differs from the bill amount")
	}
	return kv(
		lang.L("Amount"), FormatMoney(b.Amount, b.Currency),
		lang.L("Lines total"), total,
		lang.L("Generated"), FormatDateTime(b.GeneratedAt),
		lang.L("Payment application number"), dash(b.PaymentAppNo),
		lang.L("Marketplace note"), dash(b.StatusMessage),
	)
}

func billLineRows(b domain.Bill) []string {
	rows := make([]string, len(b.Lines))
	for i, l := range b.Lines {
		rows[i] = fmt.Sprintf("%s/%s · %s · %s · %s × %.0f%% = %s", l.OrderID, l.OrderLineID, safeText(l.ProductName),
			labelChargingMode(l.ChargingMode), FormatMoney(l.OrderAmount, b.Currency), l.ShareRate*100, FormatMoney(l.Amount, b.Currency))
	}
	return rows
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
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
		return lang.L("The payment application was rejected: submit a ticket quoting payment application number {{.No}}, or check that your invoice was issued.",
			map[string]any{"No": dash(b.PaymentAppNo)})
	case domain.BillPaymentInfoError:
		return lang.L("The payment information is wrong: correct your bank details in the seller center, then resubmit.")
	case domain.BillPaymentAppFailed:
		return lang.L("The payment application could not be created: check your invoice and bank details, then submit a ticket if it persists.")
	case domain.BillInvoiceReview:
		return lang.L("The invoice is under review, which takes about two working days. Nothing to do yet.")
	}
	return ""
}

func (d *billDetail) current() (domain.Bill, bool) { return d.bill, d.bill.ID != "" }
func (d *billDetail) object() fyne.CanvasObject    { return d.root }
func (d *billDetail) close()                       { d.f.jobs.wait() }

func (d *billDetail) reset() {
	d.bill = domain.Bill{}
	d.f.conceal()
}
