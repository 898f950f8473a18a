package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// unavailableBanner says, once per run, that the desktop shows no system
// notifications and that the bell lists them instead. Once shown (and
// however often the backend repeats it) it never comes back after the user
// dismisses it: a warning that keeps returning is one people learn to hate.
type unavailableBanner struct {
	root   fyne.CanvasObject
	shown  bool // it has been shown this run
	detail *widget.Label
}

func newUnavailableBanner() *unavailableBanner {
	b := &unavailableBanner{detail: widget.NewLabel("")}
	text := widget.NewLabel(lang.L("System notifications are not available on this desktop. Notifications still appear in the bell at the top right."))
	text.Wrapping = fyne.TextWrapWord
	b.detail.Importance = widget.LowImportance
	b.detail.Truncation = fyne.TextTruncateEllipsis
	bg := canvas.NewRectangle(bannerColor())
	bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.InfoIcon()))
	var dismiss *widget.Button
	dismiss = widget.NewButtonWithIcon(lang.L("Dismiss"), theme.CancelIcon(), func() { b.root.Hide() })
	dismiss.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, icon, dismiss, container.NewVBox(text, b.detail))
	b.root = container.NewPadded(container.NewStack(bg, container.NewPadded(row)))
	b.root.Hide()
	return b
}

// report shows the banner the first time a problem is reported; later
// reports change nothing.
func (b *unavailableBanner) report(err error) {
	if err == nil || b.shown {
		return
	}
	b.shown = true
	b.detail.SetText(ErrorText(err))
	b.root.Show()
}
