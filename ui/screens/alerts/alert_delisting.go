package alerts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

func newDelistingLine() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// delistingWork reads the alert's product's delisting counter (off Fyne's
// goroutine, in the pane's load) and returns how to show it.
func (d *alertDetail) delistingWork(a domain.InterfaceAlert) func() func() {
	return func() func() {
		counts, err := d.b.DelistingCounts()
		return func() {
			if err != nil {
				fyne.LogError("delisting counter", err)
				d.delisting.Hide()
				return
			}
			showDelisting(d.delisting, screens.DelistingOf(counts, a.ProductName))
		}
	}
}

// showDelisting says "product X: 3 of 5 this month", coloured by how close
// the product is to the delisting limit.
func showDelisting(l *widget.Label, c domain.DelistingCount) {
	l.SetText(lang.L("{{.Product}}: {{.Summary}}", map[string]any{
		"Product": screens.SafeText(c.Product), "Summary": kit.InWindowLanguage(c.Summary())}))
	switch c.Level() {
	case domain.DelistOver:
		l.Importance = widget.DangerImportance
	case domain.DelistWarning:
		l.Importance = widget.WarningImportance
	default:
		l.Importance = widget.MediumImportance
	}
	l.Show()
	l.Refresh()
}
