package settings

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/config"
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

// accountsSection lists the accounts with add, edit, remove, and offers to
// unlock the credentials file while accounts wait for it.
type accountsSection struct {
	s      Host
	list   *fyne.Container
	locked *fyne.Container
	root   fyne.CanvasObject
}

func newAccountsSection(s Host) *accountsSection {
	a := &accountsSection{s: s, list: container.NewVBox()}
	waiting := widget.NewLabel(lang.L("Accounts whose keys are in the encrypted file wait for its passphrase."))
	waiting.Wrapping = fyne.TextWrapWord
	waiting.Importance = widget.WarningImportance
	a.locked = container.NewBorder(nil, nil, nil, widget.NewButton(lang.L("Unlock…"), func() { Unlock(s) }), waiting)
	add := widget.NewButtonWithIcon(lang.L("Add account"), theme.ContentAddIcon(), func() { AddAccount(s) })
	add.Importance = widget.HighImportance
	a.root = container.NewVBox(a.locked, a.list, container.NewHBox(add))
	a.reload()
	return a
}

func (a *accountsSection) reload() {
	a.list.Objects = nil
	anyLocked := false
	for _, acc := range a.s.Backend().AccountList() {
		a.list.Add(a.row(acc))
		anyLocked = anyLocked || acc.Locked
	}
	if len(a.list.Objects) == 0 {
		a.list.Add(widget.NewLabel(lang.L("No account yet.")))
	}
	setVisible(a.locked, anyLocked)
	a.list.Refresh()
}

// row is one account: its name and site, then its address and where its
// keys are, with edit, remove and show.
func (a *accountsSection) row(acc backend.AccountInfo) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(acc.Title(0), fyne.TextAlignLeading, fyne.TextStyle{Bold: acc.ID == a.s.Account()})
	where := siteLabel(acc.Site)
	if acc.Sandbox {
		where = siteLabel("sandbox")
	}
	site := widget.NewLabel(where)
	site.Importance = widget.LowImportance
	var detail []string
	if acc.URL != "" {
		detail = append(detail, acc.URL)
	}
	if !acc.Sandbox {
		detail = append(detail, lang.L("keys: {{.Store}}", map[string]any{"Store": storeLabel(acc.Store)}))
	}
	if acc.Locked {
		detail = append(detail, lang.L("locked: waits for the passphrase"))
	}
	url := widget.NewLabel(strings.Join(detail, " · "))
	url.Importance = widget.LowImportance
	url.Truncation = fyne.TextTruncateEllipsis
	actions := container.NewHBox()
	if !acc.Sandbox {
		actions.Add(widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { openAccountForm(a.s, &acc) }))
		actions.Add(widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { a.remove(acc) }))
	}
	if acc.ID != a.s.Account() {
		actions.Add(widget.NewButton(lang.L("Switch to it"), func() { a.s.SwitchAccount(acc.ID) }))
	}
	return container.NewBorder(nil, nil, nil, actions, container.NewVBox(container.NewHBox(name, site), url))
}

// remove unlocks the credentials file first when the account's keys are
// in it, then asks to confirm.
func (a *accountsSection) remove(acc backend.AccountInfo) {
	b := a.s.Backend()
	if acc.Store == string(config.KeyStoreFile) && b.NeedsUnlock != nil && b.NeedsUnlock() {
		askPassphrase(a.s, lang.L("Removing {{.Name}} deletes its keys from the encrypted credentials file: enter its passphrase first.",
			map[string]any{"Name": acc.Label}), func() { a.confirmRemove(acc) })
		return
	}
	a.confirmRemove(acc)
}

func (a *accountsSection) confirmRemove(acc backend.AccountInfo) {
	ask := widget.NewLabelWithStyle(lang.L("Remove {{.Name}}?", map[string]any{"Name": acc.Label}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	keys := widget.NewLabel(lang.L("Its keys are deleted from: {{.Store}}.", map[string]any{"Store": storeLabel(acc.Store)}))
	kept := widget.NewLabel(lang.L("Its local data and unsent actions stay on disk, and are used again if you add an account of the same name:"))
	dir := widget.NewLabel(acc.CacheDir)
	for _, l := range []*widget.Label{ask, keys, kept} {
		l.Wrapping = fyne.TextWrapWord
	}
	dir.Wrapping = fyne.TextWrapBreak // a path has no spaces to wrap at
	d := dialog.NewCustomConfirm(lang.L("Remove account"), lang.L("Remove"), lang.L("Cancel"), container.NewVBox(ask, keys, kept, dir), func(ok bool) {
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
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(min(560, a.s.Window().Canvas().Size().Width-24), 0))
	d.Show()
}
