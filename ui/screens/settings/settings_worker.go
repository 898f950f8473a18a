package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/kit"
)

// runWithProgress runs work on its own goroutine behind a modal progress
// dialog, then calls done with its error on Fyne's goroutine. Keyring and
// cache-file calls can block for seconds (a keyring prompt, a locked file),
// which must not freeze the window they were started from.
func runWithProgress(win fyne.Window, message string, work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons(message, container.NewPadded(bar), win)
	busy.Show()
	do := kit.Do
	go func() {
		err := work()
		do(func() {
			bar.Stop()
			busy.Hide()
			done(err)
		})
	}()
}
