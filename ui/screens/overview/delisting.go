package overview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// delistingSection lists the products whose failed orders this month reach
// the warning (DelistWarnAt) or pass the delisting limit, most failed
// first; it hides itself when no product is near the limit, so the
// Overview only speaks of the rule when it matters.
type delistingSection struct {
	rows *fyne.Container
	root *fyne.Container
}

func newDelistingSection(open func()) *delistingSection {
	d := &delistingSection{rows: container.NewVBox()}
	head := screens.SectionTitle(lang.L("Products near delisting this month"))
	link := widget.NewButton(lang.L("Open interface failures"), open)
	link.Importance = widget.LowImportance
	d.root = container.NewVBox(container.NewBorder(nil, nil, nil, link, head), d.rows)
	d.root.Hide()
	return d
}

// set shows the products at warning or over the limit.
func (d *delistingSection) set(counts []domain.DelistingCount) {
	d.rows.Objects = d.rows.Objects[:0]
	for _, c := range counts {
		if c.Level() == domain.DelistClear {
			continue
		}
		d.rows.Add(delistingRow(c))
	}
	d.root.Hidden = len(d.rows.Objects) == 0
	d.root.Refresh()
}

// delistingRow is one product: its name, the level in words, and the count
// against the limit, orange at the warning and red over the limit.
func delistingRow(c domain.DelistingCount) fyne.CanvasObject {
	l := widget.NewLabel(screens.SafeText(c.Product) + " · " + kit.InWindowLanguage(c.Level().Label()) + " · " + kit.InWindowLanguage(c.Summary()))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	if c.Level() == domain.DelistOver {
		l.Importance = widget.DangerImportance
	}
	return l
}
