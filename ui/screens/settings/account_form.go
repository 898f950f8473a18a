package settings

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
)

// accountForm is the dialog to add or edit an account: name, site,
// address, where the keys are kept (chosen before any key is typed), the
// keys and the credentials file's passphrase as that store needs them, a
// connection test, and Save. A failed save keeps the dialog and
// everything typed.
type accountForm struct {
	s       Host
	editing *backend.AccountInfo // nil when adding
	choice  credentials.StoreChoice
	stores  *storePicker

	name, baseURL, ak, sk, pass, pass2 *widget.Entry
	site                               *widget.Select
	fields                             *widget.Form // what the chosen store asks, aligned in one form
	envDetail, passErr, result         *widget.Label
	test, saveBtn                      *widget.Button
	dlg                                dialog.Dialog
}

// openAccountForm asks the backend which key stores work (it probes the
// keyring, which can take seconds) behind progress, then shows the form.
func openAccountForm(h Host, editing *backend.AccountInfo) {
	stores := h.Backend().KeyStores
	if stores == nil {
		stores = keyringOnly
	}
	var choice credentials.StoreChoice
	runWithProgress(h.Window(), lang.L("Checking where the keys can be kept…"),
		func() error { choice = stores(); return nil },
		func(error) { newAccountForm(h, choice, editing).show() })
}

// keyringOnly is the choice of a backend that cannot say more.
func keyringOnly() credentials.StoreChoice {
	return credentials.StoreChoice{Default: config.KeyStoreKeyring, Reason: credentials.ReasonDefaultKeyring,
		Options: []credentials.StoreOption{{Store: config.KeyStoreKeyring, Available: true, Reason: credentials.ReasonKeyringWorks}}}
}

func newAccountForm(h Host, choice credentials.StoreChoice, editing *backend.AccountInfo) *accountForm {
	f := &accountForm{s: h, editing: editing, choice: choice,
		name: widget.NewEntry(), baseURL: widget.NewEntry(), ak: widget.NewEntry(), sk: widget.NewPasswordEntry(),
		pass: widget.NewPasswordEntry(), pass2: widget.NewPasswordEntry(),
		envDetail: widget.NewLabel(""), passErr: widget.NewLabel(""), result: widget.NewLabel("")}
	labels := make([]string, len(siteChoices))
	for i, c := range siteChoices {
		labels[i] = siteLabel(c)
	}
	f.site = widget.NewSelect(labels, func(string) { f.validate() })
	f.site.SetSelectedIndex(0)
	f.name.SetPlaceHolder(lang.L("e.g. flagship-cn"))
	f.baseURL.SetPlaceHolder("https://…")
	f.name.Validator = kit.RequiredText
	for _, e := range []*widget.Entry{f.name, f.baseURL, f.ak, f.sk, f.pass, f.pass2} {
		e.OnChanged = func(string) { f.validate() }
	}
	for _, l := range []*widget.Label{f.envDetail, f.passErr, f.result} {
		l.Wrapping = fyne.TextWrapWord
	}
	f.passErr.Importance = widget.DangerImportance
	f.test = widget.NewButton(lang.L("Test connection"), f.runTest)
	f.saveBtn = widget.NewButton(lang.L("Save"), f.save)
	f.saveBtn.Importance = widget.HighImportance
	why := lang.L(choice.Reason)
	if editing != nil {
		why = lang.L("The account's keys are kept in the store chosen below; choose another to move them there.")
	}
	f.stores = newStorePicker(choice, why, func(config.KeyStore) { f.storeChanged() })
	f.fields = widget.NewForm()
	f.prefill()
	return f
}

// prefill selects the default store, or the edited account's settings.
func (f *accountForm) prefill() {
	if f.editing == nil {
		f.stores.choose(f.choice.Default)
		f.storeChanged()
		return
	}
	acc := f.editing
	f.name.SetText(acc.ID)
	f.site.SetSelectedIndex(max(indexOf(siteChoices, acc.Site), 0))
	if acc.Site == string(config.SiteCustom) || acc.URL != config.Site(acc.Site).BaseURL() {
		f.baseURL.SetText(acc.URL)
	}
	f.ak.SetPlaceHolder(lang.L("empty: keep the current keys"))
	f.sk.SetPlaceHolder(lang.L("empty: keep the current keys"))
	if acc.Store != "" {
		f.stores.choose(config.KeyStore(acc.Store))
	}
	f.storeChanged()
}

func (f *accountForm) show() {
	title := lang.L("Add account")
	if f.editing != nil {
		title = lang.L("Edit account")
	}
	storeTitle := widget.NewLabelWithStyle(lang.L("Where the keys are kept"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	stores := container.NewVBox(storeTitle, f.stores.root)
	keys := container.NewVBox(f.envDetail, f.passErr, container.NewBorder(nil, nil, f.test, nil, f.result))
	win := f.s.Window().Canvas().Size()
	// Side by side when the window is wide enough, so that the whole form
	// fits a 1024x640 window without scrolling; else one column, the store
	// still above the keys.
	var body fyne.CanvasObject = container.NewVBox(stores, f.fields, keys)
	if win.Width >= 900 {
		body = container.NewGridWithColumns(2, stores, container.NewVBox(f.fields, keys))
	}
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.saveBtn)
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(body)), f.s.Window())
	f.dlg.Resize(fyne.NewSize(min(980, win.Width-24), min(620, win.Height-24)))
	f.dlg.Show()
	f.s.Window().Canvas().Focus(f.name)
}

// store is the chosen store: legacy (keep) for an edit of an old account.
func (f *accountForm) store() config.KeyStore { return f.stores.selected }

// passNeeded says how often the passphrase is asked: 0, 1, or 2 (a new file).
func (f *accountForm) passNeeded() int {
	if f.store() != config.KeyStoreFile && (f.editing == nil || f.editing.Store != string(config.KeyStoreFile)) {
		return 0
	}
	switch {
	case f.choice.FileUnlocked:
		return 0
	case f.choice.NewFile:
		return 2
	}
	return 1
}

// storeChanged shows the fields the chosen store needs.
func (f *accountForm) storeChanged() {
	env := f.store() == config.KeyStoreEnv
	f.envDetail.Hide()
	if o, ok := f.choice.Option(config.KeyStoreEnv); ok && env {
		f.envDetail.SetText(optionText(o))
		f.envDetail.Show()
	}
	f.layoutFields(!env, f.passNeeded())
	f.validate()
}

// layoutFields puts in the form the fields the store asks: the keys
// unless they come from the environment, the passphrase once or twice.
func (f *accountForm) layoutFields(keys bool, passes int) {
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Site"), f.site),
		widget.NewFormItem(lang.L("Address (only for other)"), f.baseURL),
	}
	if keys {
		items = append(items, widget.NewFormItem("AK", f.ak), widget.NewFormItem("SK", f.sk))
	}
	if passes > 0 {
		items = append(items, widget.NewFormItem(lang.L("Passphrase"), f.pass))
	}
	if passes > 1 {
		items = append(items, widget.NewFormItem(lang.L("Passphrase again"), f.pass2))
	}
	f.fields.Items = items
	f.fields.Refresh()
}

// asks reports whether the form shows field.
func (f *accountForm) asks(field fyne.CanvasObject) bool {
	for _, it := range f.fields.Items {
		if it.Widget == field {
			return true
		}
	}
	return false
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

func (f *accountForm) form() backend.AccountForm {
	form := backend.AccountForm{
		Name: strings.TrimSpace(f.name.Text), Site: siteChoices[max(f.site.SelectedIndex(), 0)],
		BaseURL: strings.TrimSpace(f.baseURL.Text), Store: string(f.store()),
		AK: strings.TrimSpace(f.ak.Text), SK: strings.TrimSpace(f.sk.Text),
	}
	if f.store() == config.KeyStoreEnv {
		form.AK, form.SK = "", ""
	}
	if f.passNeeded() > 0 {
		form.Passphrase = f.pass.Text
	}
	if f.editing != nil {
		form.Editing = f.editing.ID
	}
	return form
}

// save adds or edits the account behind progress; the dialog closes only
// when that worked.
func (f *accountForm) save() {
	if f.problem() != "" {
		return
	}
	form, save := f.form(), f.s.Backend().SaveAccount
	if f.editing != nil {
		save = f.s.Backend().EditAccount
	}
	if save == nil {
		return
	}
	f.result.SetText("")
	runWithProgress(f.s.Window(), lang.L("Saving account…"), func() error { return save(form) }, func(err error) {
		if err != nil {
			f.showSaveError(err)
			return
		}
		f.dlg.Hide()
		f.s.AccountsChanged()
		f.s.SwitchAccount(form.Name)
	})
}

// showSaveError puts a wrong passphrase at its field, anything else under
// the buttons; nothing typed is cleared.
func (f *accountForm) showSaveError(err error) {
	if errors.Is(err, credentials.ErrWrongPassphrase) {
		f.passErr.SetText(lang.L("This passphrase does not open the credentials file. Type it again."))
		f.s.Window().Canvas().Focus(f.pass)
		return
	}
	f.result.Importance = widget.DangerImportance
	f.result.SetText(kit.ErrorText(err))
}
