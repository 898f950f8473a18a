package settings

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/ui/kit"
)

// Unlock asks once for the credentials file's passphrase when an account
// waits for it (at start-up), unlocks it and refreshes the accounts.
func Unlock(h Host) {
	if b := h.Backend(); b.NeedsUnlock != nil && b.NeedsUnlock() {
		askPassphrase(h, lang.L("Some accounts keep their keys in the encrypted credentials file. Enter its passphrase to start syncing them."), func() {})
	}
}

// unlockPrompt is the passphrase dialog: a wrong passphrase is said at
// the field and the dialog stays.
type unlockPrompt struct {
	pass    *widget.Entry
	problem *widget.Label
	ok      *widget.Button
	dlg     dialog.Dialog
}

// askPassphrase shows the prompt; done runs once the file is unlocked
// (not when the user cancels).
func askPassphrase(h Host, why string, done func()) {
	if h.Backend().Unlock == nil {
		return
	}
	p := &unlockPrompt{pass: widget.NewPasswordEntry(), problem: widget.NewLabel("")}
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(why)
	text.Wrapping = fyne.TextWrapWord
	p.ok = widget.NewButton(lang.L("Unlock"), func() { p.submit(h, done) })
	p.ok.Importance = widget.HighImportance
	p.pass.OnSubmitted = func(string) { p.submit(h, done) }
	later := widget.NewButton(lang.L("Not now"), func() { p.dlg.Hide() })
	body := container.NewVBox(text, widget.NewForm(widget.NewFormItem(lang.L("Passphrase"), p.pass)), p.problem)
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Unlock the credentials file"),
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), later, p.ok), nil, nil, body), h.Window())
	p.dlg.Resize(fyne.NewSize(min(520, h.Window().Canvas().Size().Width-24), 0))
	p.dlg.Show()
	h.Window().Canvas().Focus(p.pass)
}

func (p *unlockPrompt) submit(h Host, done func()) {
	if p.pass.Text == "" {
		return
	}
	pass, unlock := p.pass.Text, h.Backend().Unlock
	runWithProgress(h.Window(), lang.L("Unlocking…"), func() error { return unlock(pass) }, func(err error) {
		switch {
		case errors.Is(err, credentials.ErrWrongPassphrase):
			p.problem.SetText(lang.L("This passphrase does not open the credentials file. Type it again."))
			h.Window().Canvas().Focus(p.pass)
			return
		case err != nil:
			p.problem.SetText(kit.ErrorText(err))
			return
		}
		p.dlg.Hide()
		h.AccountsChanged()
		done()
	})
}
