package settings

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
)

// problem is the first thing that keeps the form from being saved, "" when none.
func (f *accountForm) problem() string {
	form := f.form()
	switch {
	case form.Name == "":
		return lang.L("Enter a name.")
	case form.Site == string(config.SiteCustom) && form.BaseURL == "":
		return lang.L("Enter the address of the other site.")
	case f.editing == nil && f.store() == config.KeyStoreLegacy:
		return lang.L("Choose where the keys are kept.")
	case f.store() == config.KeyStoreEnv:
	case f.editing == nil && (form.AK == "" || form.SK == ""), (form.AK == "") != (form.SK == ""):
		return lang.L("Enter both AK and SK.")
	}
	return f.passProblem()
}

func (f *accountForm) passProblem() string {
	n := f.passNeeded()
	switch {
	case n == 0:
		return ""
	case f.pass.Text == "":
		return lang.L("Enter the passphrase of the credentials file.")
	case n == 2 && len(f.pass.Text) < credentials.MinPassphraseLen:
		return lang.L("The passphrase needs at least {{.N}} characters.", map[string]any{"N": credentials.MinPassphraseLen})
	case n == 2 && f.pass.Text != f.pass2.Text:
		return lang.L("The two passphrases differ.")
	}
	return ""
}

// validate enables Save only for a complete form and explains a passphrase problem.
func (f *accountForm) validate() {
	if f.saveBtn == nil {
		return // still being built
	}
	f.passErr.SetText("")
	if f.pass.Text != "" || f.pass2.Text != "" {
		f.passErr.SetText(f.passProblem())
	}
	if f.problem() == "" {
		f.saveBtn.Enable()
	} else {
		f.saveBtn.Disable()
	}
}
