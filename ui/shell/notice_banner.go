package shell

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
	root    fyne.CanvasObject
	dismiss *widget.Button
	shown   bool // it has been shown this run
}

func newUnavailableBanner() *unavailableBanner {
	b := &unavailableBanner{}
	text := widget.NewLabel(lang.L("System notifications are not available on this desktop. Notifications still appear in the bell at the top right."))
	text.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(bannerColor())
	bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.InfoIcon()))
	b.dismiss = widget.NewButtonWithIcon(lang.L("Dismiss"), theme.CancelIcon(), func() { b.root.Hide() })
	b.dismiss.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, icon, b.dismiss, text)
	b.root = container.NewPadded(container.NewStack(bg, container.NewPadded(row)))
	b.root.Hide()
	return b
}

// report shows the banner the first time a problem is reported; later
// reports change nothing. The error itself went to the log: beeep's words
// ("dbus: no such name") would mean nothing to a merchant.
func (b *unavailableBanner) report(err error) {
	if err == nil || b.shown {
		return
	}
	b.shown = true
	b.root.Show()
}
