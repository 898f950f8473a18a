package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// showFatal explains why the console cannot start, in a small window, and
// waits for the user to close it.
func showFatal(a fyne.App, err error) {
	p := kit.Explain(err)
	if errors.Is(err, localstore.ErrLocked) {
		p = kit.Problem{What: lang.L("Merchant Console is already running."),
			Todo: lang.L("Switch to the window that is already open. If none is open, wait a few seconds and start again.")}
	}
	w := a.NewWindow(lang.L("KooGallery Merchant Console"))
	what := widget.NewLabelWithStyle(p.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Wrapping = fyne.TextWrapWord
	todo := widget.NewLabel(p.Todo)
	todo.Wrapping = fyne.TextWrapWord
	detail := widget.NewLabel(fmt.Sprint(err))
	detail.Wrapping = fyne.TextWrapWord
	detail.Importance = widget.LowImportance
	quit := widget.NewButton(lang.L("Quit"), a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewVBox(what, todo, detail, container.NewHBox(quit))))
	w.Resize(fyne.NewSize(520, 220))
	w.ShowAndRun()
}
