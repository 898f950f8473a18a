package settings

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
)

// siteChoices are the marketplace sites an account can be on.
var siteChoices = []string{"cn", "intl", "eu", "custom"}

func siteLabel(site string) string {
	switch site {
	case "cn":
		return lang.L("China (mkt.myhuaweicloud.com)")
	case "intl":
		return lang.L("International (mkt-intl.myhuaweicloud.com)")
	case "eu":
		return lang.L("Europe (mkt.myhuaweicloud.eu)")
	case "custom":
		return lang.L("Other address")
	case "sandbox":
		return lang.L("Built-in sandbox")
	}
	return site
}

// accountsSection lists the accounts with add, test, remove, and says
// plainly when the OS keyring is missing.
type accountsSection struct {
	s       Host
	list    *fyne.Container
	keyring *widget.Label
	root    fyne.CanvasObject
}

func newAccountsSection(s Host) *accountsSection {
	a := &accountsSection{s: s, list: container.NewVBox(), keyring: widget.NewLabel("")}
	a.keyring.Wrapping = fyne.TextWrapWord
	a.keyring.Importance = widget.WarningImportance
	add := widget.NewButtonWithIcon(lang.L("Add account"), theme.ContentAddIcon(), func() { AddAccount(s) })
	add.Importance = widget.HighImportance
	a.root = container.NewVBox(a.keyring, a.list, container.NewHBox(add))
	a.reload()
	return a
}

func (a *accountsSection) reload() {
	a.keyring.Hide()
	if a.s.Backend().KeyringProblem != nil {
		if err := a.s.Backend().KeyringProblem(); err != nil {
			a.keyring.SetText(kit.ErrorText(err))
			a.keyring.Show()
		}
	}
	a.list.Objects = nil
	for _, acc := range a.s.Backend().AccountList() {
		a.list.Add(a.row(acc))
	}
	if len(a.list.Objects) == 0 {
		a.list.Add(widget.NewLabel(lang.L("No account yet.")))
	}
	a.list.Refresh()
}

func (a *accountsSection) row(acc backend.AccountInfo) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(acc.Title(0), fyne.TextAlignLeading, fyne.TextStyle{Bold: acc.ID == a.s.Account()})
	where := siteLabel(acc.Site)
	if acc.Sandbox {
		where = siteLabel("sandbox") + " · " + where
	}
	site := widget.NewLabel(where)
	site.Importance = widget.LowImportance
	actions := container.NewHBox()
	if !acc.Sandbox {
		remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { a.confirmRemove(acc) })
		actions.Add(remove)
	}
	if acc.ID != a.s.Account() {
		actions.Add(widget.NewButton(lang.L("Show"), func() { a.s.SwitchAccount(acc.ID) }))
	}
	return container.NewBorder(nil, nil, nil, actions, container.NewHBox(name, site))
}

func (a *accountsSection) confirmRemove(acc backend.AccountInfo) {
	msg := lang.L("Remove {{.Name}}? Its keys are deleted from the keyring; its local data stays on disk.", map[string]any{"Name": acc.Label})
	dialog.ShowConfirm(lang.L("Remove account"), msg, func(ok bool) {
		if !ok || a.s.Backend().RemoveAccount == nil {
			return
		}
		remove := a.s.Backend().RemoveAccount
		runWithProgress(a.s.Window(), lang.L("Removing account…"), func() error { return remove(acc.ID) }, func(err error) {
			if err != nil {
				kit.ShowError(err, a.s.Window())
			}
			a.s.AccountsChanged()
		})
	}, a.s.Window())
}

// accountForm is the dialog to add an account: site, name, AK/SK, a
// connection test, and saving the keys to the keyring.
type accountForm struct {
	s             Host
	name, baseURL *widget.Entry
	ak, sk        *widget.Entry
	site          *widget.Select
	result        *widget.Label
	test          *widget.Button
	dlg           *dialog.FormDialog
}

func newAccountForm(s Host) *accountForm {
	f := &accountForm{s: s, name: widget.NewEntry(), baseURL: widget.NewEntry(),
		ak: widget.NewEntry(), sk: widget.NewPasswordEntry(), result: widget.NewLabel("")}
	labels := make([]string, len(siteChoices))
	for i, c := range siteChoices {
		labels[i] = siteLabel(c)
	}
	f.site = widget.NewSelect(labels, nil)
	f.site.SetSelectedIndex(0)
	f.name.SetPlaceHolder(lang.L("e.g. flagship-cn"))
	f.baseURL.SetPlaceHolder("https://…")
	f.name.Validator = kit.RequiredText
	f.ak.Validator = kit.RequiredText
	f.sk.Validator = kit.RequiredText
	f.result.Wrapping = fyne.TextWrapWord
	f.test = widget.NewButton(lang.L("Test connection"), f.runTest)
	return f
}

func (f *accountForm) show() {
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Site"), f.site),
		widget.NewFormItem(lang.L("Address (only for other)"), f.baseURL),
		widget.NewFormItem("AK", f.ak),
		widget.NewFormItem("SK", f.sk),
		widget.NewFormItem("", container.NewVBox(f.test, f.result)),
	}
	f.dlg = dialog.NewForm(lang.L("Add account"), lang.L("Save"), lang.L("Cancel"), items, f.save, f.s.Window())
	f.dlg.Resize(fyne.NewSize(560, 0))
	f.dlg.Show()
}

func (f *accountForm) form() backend.AccountForm {
	return backend.AccountForm{
		Name: strings.TrimSpace(f.name.Text), Site: siteChoices[max(f.site.SelectedIndex(), 0)],
		BaseURL: strings.TrimSpace(f.baseURL.Text), AK: strings.TrimSpace(f.ak.Text), SK: strings.TrimSpace(f.sk.Text),
	}
}

// runTest signs a whoami call with the typed keys, off Fyne's goroutine.
func (f *accountForm) runTest() {
	if f.s.Backend().TestConnection == nil {
		f.result.SetText(lang.L("Testing is not available."))
		return
	}
	form := f.form()
	f.test.Disable()
	f.result.SetText(lang.L("Connecting…"))
	do := kit.Do
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		who, err := f.s.Backend().TestConnection(ctx, form)
		do(func() {
			f.test.Enable()
			if err != nil {
				f.result.Importance = widget.DangerImportance
				f.result.SetText(kit.ErrorText(err))
				return
			}
			f.result.Importance = widget.SuccessImportance
			f.result.SetText(lang.L("Connected as {{.Name}} ({{.ID}}).", map[string]any{"Name": who.AccountName, "ID": who.AccountID}))
		})
	}()
}

func (f *accountForm) save(ok bool) {
	if !ok || f.s.Backend().SaveAccount == nil {
		return
	}
	form, saveAccount := f.form(), f.s.Backend().SaveAccount
	runWithProgress(f.s.Window(), lang.L("Saving account…"), func() error { return saveAccount(form) }, func(err error) {
		if err != nil {
			kit.ShowError(err, f.s.Window())
			return
		}
		f.s.AccountsChanged()
		f.s.SwitchAccount(form.Name)
	})
}
