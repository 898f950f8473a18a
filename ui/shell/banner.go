package shell

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sandboxBanner tells a first-run user the data is a simulation and offers
// to add a real account. It shows whenever the current account is the
// sandbox, so nobody mistakes sample orders for real ones.
type sandboxBanner struct {
	root fyne.CanvasObject
}

func newSandboxBanner(s *Shell) *sandboxBanner {
	text := widget.NewLabel(lang.L("You are looking at the sandbox: a simulated marketplace with sample data, not your shop."))
	text.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(lang.L("Add my account"), theme.ContentAddIcon(), func() { s.AddAccount() })
	add.Importance = widget.HighImportance
	bg := canvas.NewRectangle(bannerColor())
	bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.InfoIcon()))
	row := container.NewBorder(nil, nil, icon, add, text)
	return &sandboxBanner{root: container.NewPadded(container.NewStack(bg, container.NewPadded(row)))}
}

// bannerColor is a soft amber that reads on light and dark themes.
func bannerColor() color.Color { return color.NRGBA{R: 0xF5, G: 0xA6, B: 0x23, A: 0x33} }

func (b *sandboxBanner) show(on bool) {
	if on {
		b.root.Show()
	} else {
		b.root.Hide()
	}
}
