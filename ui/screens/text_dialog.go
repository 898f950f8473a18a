package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// TextField is one required text a dialog asks for.
type TextField struct {
	Prompt    string // the question, shown above the field
	MultiLine bool
}

// textDialogSize is the size of the dialogs that ask for texts: wide enough
// that a tracking number, a reason or a solution reads whole.
var textDialogSize = fyne.NewSize(560, 280)

// AskTexts asks for required texts in a dialog whose fields span its width,
// each under its question. The confirm button stays off until every field
// holds more than blanks; done gets the trimmed texts. The keyboard starts
// in the first field.
func AskTexts(win fyne.Window, title, confirm string, fields []TextField, done func([]string)) {
	entries := make([]*widgets.Entry, len(fields))
	items := make([]*widget.FormItem, len(fields))
	for i, f := range fields {
		e := widgets.NewEntry()
		if f.MultiLine {
			e = widgets.NewMultiLineEntry()
			e.SetMinRowsVisible(3)
		}
		e.Validator = kit.RequiredText
		entries[i], items[i] = e, widget.NewFormItem(f.Prompt, e)
	}
	form := widget.NewForm(items...)
	form.Orientation = widget.Vertical
	dlg := dialog.NewCustomWithoutButtons(title, form, win)
	ok := widget.NewButton(confirm, nil)
	ok.Importance = widget.HighImportance
	ok.OnTapped = func() {
		if !allFilled(entries) {
			return
		}
		texts := make([]string, len(entries))
		for i, e := range entries {
			texts[i] = strings.TrimSpace(e.Text)
		}
		dlg.Hide()
		done(texts)
	}
	cancel := widget.NewButton(lang.L("Cancel"), dlg.Hide)
	for _, e := range entries {
		e.OnChanged = func(string) { setEnabled(ok, allFilled(entries)) }
		if !e.MultiLine { // Enter confirms, as in Fyne's own form dialogs
			e.OnSubmitted = func(string) { ok.OnTapped() }
		}
	}
	setEnabled(ok, false)
	dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	dlg.Resize(textDialogSize)
	dlg.Show()
	win.Canvas().Focus(entries[0])
}

func allFilled(entries []*widgets.Entry) bool {
	for _, e := range entries {
		if kit.RequiredText(e.Text) != nil {
			return false
		}
	}
	return true
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
