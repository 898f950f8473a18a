package settings

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

const goodPassphrase = "correct horse battery"

// keylessHome is a fresh home on a machine where no keyring answers and
// the SDK variables are unset, with the credentials calls as the backend.
func keylessHome(t *testing.T, h *testHost) config.Paths {
	t.Helper()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")
	t.Setenv(credentials.EnvPassphrase, "")
	home := t.TempDir()
	paths := config.Paths{Config: filepath.Join(home, "config"), Data: filepath.Join(home, "data"), Logs: filepath.Join(home, "logs")}
	require.NoError(t, paths.Ensure())
	t.Cleanup(func() { credentials.Lock(paths.CredentialsFile()) })
	h.b.KeyStores = func() credentials.StoreChoice { return credentials.Stores(paths) }
	h.b.SaveAccount = func(f backend.AccountForm) error {
		if f.Passphrase != "" {
			if err := credentials.Unlock(paths.CredentialsFile(), f.Passphrase); err != nil {
				return err
			}
		}
		acc := config.Account{Name: f.Name, Site: config.Site(f.Site), BaseURL: f.BaseURL, Store: config.KeyStore(f.Store)}
		return credentials.AddAccount(paths, acc, credentials.Keys{AK: f.AK, SK: f.SK})
	}
	return paths
}

// formOpen reports whether the account dialog is the window's top overlay.
func formOpen(h *testHost) bool {
	top := h.win.Canvas().Overlays().Top()
	return top != nil && uitest.Shows(top, "Where the keys are kept")
}

// radios are the store choices shown under root, by label.
func radios(root fyne.CanvasObject) map[string]*widget.RadioGroup {
	out := map[string]*widget.RadioGroup{}
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && len(r.Options) == 1 {
			out[r.Options[0]] = r
		}
	})
	return out
}

func visibleEntries(root fyne.CanvasObject) (plain, password int) {
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			if e.Password {
				password++
			} else {
				plain++
			}
		}
	})
	return plain, password
}

func TestTheKeyStoreIsChosenBeforeAnythingIsTyped(t *testing.T) {
	// given a machine with no keyring and no SDK variables
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	keylessHome(t, h)

	// when the user opens Add account
	AddAccount(h)
	h.loop.RunUntil(t, func() bool { return uitest.Shows(h.win.Canvas().Overlays().Top(), "Where the keys are kept") })
	top := h.win.Canvas().Overlays().Top()

	// then every store is offered, the keyring and environment greyed with
	// their reasons, and the encrypted file preselected with why
	r := radios(top)
	require.Len(t, r, 3)
	assert.True(t, r["System keyring"].Disabled())
	assert.True(t, r["Environment variables"].Disabled())
	assert.False(t, r["Encrypted file"].Disabled())
	assert.Equal(t, "Encrypted file", r["Encrypted file"].Selected)
	assert.True(t, uitest.Shows(top, credentials.ReasonNoKeyring))
	assert.True(t, uitest.Shows(top, credentials.ReasonEnvUnset))
	assert.True(t, uitest.Shows(top, credentials.ReasonFileNew))
	assert.True(t, uitest.Shows(top, credentials.ReasonDefaultFile))
	// and the fields are those of a new file: AK, SK, the passphrase twice
	plain, password := visibleEntries(top)
	assert.Equal(t, 3, plain, "name, address, AK")
	assert.Equal(t, 3, password, "SK and the passphrase twice")
}

func TestANewPassphraseIsAskedTwiceAndLongEnough(t *testing.T) {
	// given the form on a machine without keyring, filled in but the passphrase
	h := newTestHost(t)
	paths := keylessHome(t, h)
	f := newAccountForm(h, credentials.Stores(paths), nil)
	f.name.SetText("shop")
	f.ak.SetText("AKEXAMPLE")
	f.sk.SetText("SKEXAMPLE")
	require.True(t, f.saveBtn.Disabled(), "no passphrase yet")

	// when the passphrase is too short, then typed differently, then right
	f.pass.SetText("short")
	f.pass2.SetText("short")
	short, shortSave := f.passErr.Text, f.saveBtn.Disabled()
	f.pass.SetText(goodPassphrase)
	f.pass2.SetText(goodPassphrase + "x")
	differ, differSave := f.passErr.Text, f.saveBtn.Disabled()
	f.pass2.SetText(goodPassphrase)

	// then each problem is said at the field and only the last can be saved
	assert.Equal(t, "The passphrase needs at least 8 characters.", short)
	assert.True(t, shortSave)
	assert.Equal(t, "The two passphrases differ.", differ)
	assert.True(t, differSave)
	assert.Empty(t, f.passErr.Text)
	assert.False(t, f.saveBtn.Disabled())
}

func TestAWrongPassphraseKeepsEverythingTyped(t *testing.T) {
	// given a credentials file made in an earlier session, locked now
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	paths := keylessHome(t, h)
	require.NoError(t, credentials.Unlock(paths.CredentialsFile(), goodPassphrase))
	require.NoError(t, credentials.AddAccount(paths, config.Account{Name: "first", Site: config.SiteChina, Store: config.KeyStoreFile},
		credentials.Keys{AK: "AKFIRST", SK: "SKFIRST"}))
	credentials.Lock(paths.CredentialsFile())
	f := newAccountForm(h, credentials.Stores(paths), nil)
	f.show()
	require.True(t, f.asks(f.pass))
	require.False(t, f.asks(f.pass2), "an existing file asks its passphrase once")
	f.name.SetText("second")
	f.ak.SetText("AKSECOND")
	f.sk.SetText("SKSECOND")
	f.pass.SetText("not the passphrase")

	// when it is saved
	test.Tap(f.saveBtn)
	h.loop.RunUntil(t, func() bool { return f.passErr.Text != "" })

	// then the dialog stays with the error at the passphrase and nothing typed lost
	assert.Equal(t, "This passphrase does not open the credentials file. Type it again.", f.passErr.Text)
	assert.True(t, formOpen(h), "the dialog closed")
	assert.Equal(t, []string{"second", "AKSECOND", "SKSECOND", "not the passphrase"}, []string{f.name.Text, f.ak.Text, f.sk.Text, f.pass.Text})
	assert.Zero(t, h.changed)

	// and with the right passphrase it is saved, in the file
	f.pass.SetText(goodPassphrase)
	test.Tap(f.saveBtn)
	h.loop.RunUntil(t, func() bool { return h.changed == 1 })
	assert.Nil(t, h.win.Canvas().Overlays().Top(), "the dialog closes once saved")
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Equal(t, config.KeyStoreFile, list[1].Store)
	assert.Equal(t, "second", h.account)
}

func TestAFailedSaveKeepsTheDialogOpen(t *testing.T) {
	// given the form filled in for the keyring, which then fails
	h := newTestHost(t)
	h.b.SaveAccount = func(backend.AccountForm) error { return credentials.ErrNoKeyring }
	f := newAccountForm(h, keyringOnly(), nil)
	f.show()
	f.name.SetText("shop")
	f.ak.SetText("AKEXAMPLE")
	f.sk.SetText("SKEXAMPLE")

	// when it is saved
	test.Tap(f.saveBtn)
	h.loop.RunUntil(t, func() bool { return f.result.Text != "" })

	// then the dialog is still there, with the keys and the reason
	assert.True(t, formOpen(h), "the dialog closed")
	assert.Equal(t, "SKEXAMPLE", f.sk.Text)
	assert.Contains(t, f.result.Text, "keyring")
}

func TestTheEnvStoreAsksNoKeysAndShowsWhichAreUsed(t *testing.T) {
	// given the SDK variables set on a machine without keyring
	h := newTestHost(t)
	paths := keylessHome(t, h)
	t.Setenv(credentials.EnvAK, "AKFROMENVIRONMENT")
	t.Setenv(credentials.EnvSK, "SKFROMENVIRONMENT")
	f := newAccountForm(h, credentials.Stores(paths), nil)
	f.show()
	f.name.SetText("shop")
	f.ak.SetText("TYPEDBEFORE")

	// when the environment is chosen
	f.stores.choose(config.KeyStoreEnv)

	// then no key field shows, the variables' masked AK does, and the form sends no keys
	assert.False(t, f.asks(f.ak))
	assert.False(t, f.asks(f.sk))
	assert.False(t, f.asks(f.pass))
	assert.Contains(t, f.envDetail.Text, credentials.EnvAK+"=")
	assert.NotContains(t, f.envDetail.Text, "SKFROMENVIRONMENT")
	assert.False(t, f.saveBtn.Disabled())
	form := f.form()
	assert.Equal(t, backend.AccountForm{Name: "shop", Site: "cn", Store: "env"}, form)
}

func TestEditShowsTheAccountAsItIs(t *testing.T) {
	// given an account on another address whose keys are in the unlocked file
	h := newTestHost(t)
	paths := keylessHome(t, h)
	require.NoError(t, credentials.Unlock(paths.CredentialsFile(), goodPassphrase))
	acc := backend.AccountInfo{ID: "gateway", Site: "custom", URL: "https://gw.example.com", Store: "file"}

	// when it is edited
	f := newAccountForm(h, credentials.Stores(paths), &acc)
	f.show()

	// then the form holds its settings, no passphrase is asked, and empty keys keep the current ones
	assert.Equal(t, "gateway", f.name.Text)
	assert.Equal(t, siteLabel("custom"), f.site.Selected)
	assert.Equal(t, "https://gw.example.com", f.baseURL.Text)
	assert.Equal(t, config.KeyStoreFile, f.store())
	assert.False(t, f.asks(f.pass))
	assert.Empty(t, f.ak.Text)
	assert.False(t, f.saveBtn.Disabled(), "keys may stay empty in an edit")
	assert.Equal(t, backend.AccountForm{Name: "gateway", Site: "custom", BaseURL: "https://gw.example.com", Store: "file", Editing: "gateway"}, f.form())
	// and half a pair is not accepted
	f.ak.SetText("AKONLY")
	assert.True(t, f.saveBtn.Disabled())
}

func TestEveryStoreReasonIsTranslated(t *testing.T) {
	// given the reasons credentials gives, which the dialog shows as they are
	reasons := []string{credentials.ReasonKeyringWorks, credentials.ReasonNoKeyring, credentials.ReasonFileNew,
		credentials.ReasonFileExisting, credentials.ReasonFileUnlocked, credentials.ReasonEnvSet,
		credentials.ReasonEnvUnset, credentials.ReasonDefaultKeyring, credentials.ReasonDefaultFile}
	for _, r := range reasons {
		// then each reads in Chinese
		assert.NotEqual(t, r, i18n.In(i18n.Chinese, r), "no Chinese for %q", r)
	}
}

func TestStartUpAsksThePassphraseOnceAndKeepsAWrongOne(t *testing.T) {
	// given an account whose keys are in a credentials file locked in this session
	h := newTestHost(t, backend.AccountInfo{ID: "first", Site: "cn", Store: "file", Locked: true})
	paths := keylessHome(t, h)
	require.NoError(t, credentials.Unlock(paths.CredentialsFile(), goodPassphrase))
	acc := config.Account{Name: "first", Site: config.SiteChina, Store: config.KeyStoreFile}
	require.NoError(t, credentials.AddAccount(paths, acc, credentials.Keys{AK: "AKFIRST", SK: "SKFIRST"}))
	credentials.Lock(paths.CredentialsFile())
	h.b.NeedsUnlock = func() bool { return credentials.NeedsUnlock(paths, []config.Account{acc}) }
	h.b.Unlock = func(p string) error { return credentials.Unlock(paths.CredentialsFile(), p) }

	// when the window starts and a wrong passphrase is typed
	Unlock(h)
	top := h.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "no passphrase asked")
	pass := passwordEntry(t, top)
	pass.SetText("not the passphrase")
	test.Tap(uitest.FindButton(t, top, "Unlock"))
	h.loop.RunUntil(t, func() bool { return uitest.Shows(h.win.Canvas().Overlays().Top(), "does not open") })

	// then the prompt stays, with what was typed
	assert.Equal(t, "not the passphrase", pass.Text)
	assert.Zero(t, h.changed)

	// and the right passphrase unlocks the file and refreshes the accounts
	pass.SetText(goodPassphrase)
	test.Tap(uitest.FindButton(t, h.win.Canvas().Overlays().Top(), "Unlock"))
	h.loop.RunUntil(t, func() bool { return h.changed == 1 })
	assert.Nil(t, h.win.Canvas().Overlays().Top())
	assert.False(t, h.b.NeedsUnlock())
}

func passwordEntry(t *testing.T, root fyne.CanvasObject) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Password && found == nil {
			found = e
		}
	})
	require.NotNil(t, found, "no passphrase field")
	return found
}
