package tickets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// askNote asks for an internal note (内部备注): kept in the ticket for the
// team and never sent to the customer, so the dialog says so before the
// agent types.
func (d *ticketDetail) askNote() {
	text := widgets.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.Validator = kit.RequiredText
	text.SetPlaceHolder(lang.L("Only your team sees this note."))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Note"), text)}
	dlg := dialog.NewForm(kit.InWindowLanguage(domain.NoteLabel), lang.L("Add note"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			d.queue(domain.ActTicketNote, domain.ActionParams{Message: strings.TrimSpace(text.Text)})
		}
	}, d.b.ParentWindow())
	dlg.Resize(fyne.NewSize(480, 260))
	dlg.Show()
}
