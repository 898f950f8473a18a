//go:build smoke

package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/sandbox"
	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// smokeAccounts adds an account through the dialog like a person on a
// machine without keyring (runSmoke points D-Bus nowhere): at 1024x640,
// the encrypted file preselected, a new passphrase typed twice, the
// connection tested against a second loopback marketplace, saved, synced;
// then edited (renamed) and removed. Each dialog is captured.
func smokeAccounts(d driver, lng string, n int, report func(string, ...any)) {
	market, err := sandbox.Start(context.Background(), sandbox.Options{Seed: 11, Orders: 30, Tickets: 5, Supervision: 5, Alerts: 5, Bills: 2, NoArrivals: true})
	if err != nil {
		report("start a marketplace to add: %v", err)
		return
	}
	defer market.Close()
	cred := market.Accounts()[0]
	win := d.Shell.Window()
	fyne.DoAndWait(func() {
		for top := win.Canvas().Overlays().Top(); top != nil; top = win.Canvas().Overlays().Top() {
			win.Canvas().Overlays().Remove(top)
		}
		win.Resize(fyne.NewSize(1024, 640))
		d.Shell.Show(uishell.ScreenSettings)
		d.Shell.AddAccount()
	})
	shot := func(name string) {
		time.Sleep(600 * time.Millisecond) // let the dialog draw
		file := fmt.Sprintf("%s-%d-%s.png", lng, n, name)
		if err := capture(win, filepath.Join(shotDir, file)); err != nil {
			report("screenshot %s: %v", file, err)
		}
	}
	if !waitTop(win, func(top fyne.CanvasObject) bool { return len(radioGroups(top)) == 3 }) {
		report("the add-account dialog did not show the three key stores")
		return
	}
	fyne.DoAndWait(func() { fillAccount(win.Canvas().Overlays().Top(), market.URL(), cred, report) })
	shot("account-add")
	tapIn(win.Canvas().Overlays().Top, lang.L("Test connection"), report)
	if !waitTop(win, func(top fyne.CanvasObject) bool { return showsText(top, cred.ID) }) {
		report("testing the connection did not name the account %s", cred.ID)
	}
	shot("account-tested")
	tapIn(win.Canvas().Overlays().Top, lang.L("Save"), report)
	if !waitFor(30*time.Second, func() bool { return accountSynced(d, "shop") }) {
		report("the account added through the dialog did not sync within 30 s")
		return
	}
	fyne.DoAndWait(func() { d.Shell.Show(uishell.ScreenSettings) })
	shot("account-list")
	smokeEditRemove(d, shot, report)
}

// smokeEditRemove renames the account through Edit, then removes it.
func smokeEditRemove(d driver, shot func(string), report func(string, ...any)) {
	win := d.Shell.Window()
	settings := func() fyne.CanvasObject { // on Fyne's goroutine
		if s, ok := d.Shell.ScreenFor(uishell.ScreenSettings); ok {
			return s.Object()
		}
		return nil
	}
	tapIn(settings, lang.L("Edit"), report)
	if !waitTop(win, func(top fyne.CanvasObject) bool { return len(radioGroups(top)) == 3 }) {
		report("the edit dialog did not open")
		return
	}
	fyne.DoAndWait(func() { entries(win.Canvas().Overlays().Top())[0].SetText("shop-renamed") })
	shot("account-edit")
	tapIn(win.Canvas().Overlays().Top, lang.L("Save"), report)
	if !waitFor(30*time.Second, func() bool { return accountSynced(d, "shop-renamed") }) {
		report("the renamed account did not sync again within 30 s")
		return
	}
	listsRenamed := false
	waitFor(10*time.Second, func() bool {
		fyne.DoAndWait(func() {
			listsRenamed = win.Canvas().Overlays().Top() == nil && showsText(settings(), "shop-renamed")
		})
		return listsRenamed
	})
	if !listsRenamed {
		report("Settings does not list the renamed account")
		return
	}
	shot("account-renamed")
	tapIn(settings, lang.L("Remove"), report)
	if !waitTop(win, func(top fyne.CanvasObject) bool { return showsText(top, "shop-renamed") }) {
		var shown []string
		fyne.DoAndWait(func() {
			if top := win.Canvas().Overlays().Top(); top != nil {
				walkObjects(top, func(o fyne.CanvasObject) {
					if l, ok := o.(*widget.Label); ok {
						shown = append(shown, l.Text)
					}
				})
			}
		})
		report("the remove dialog did not open; the top overlay shows %q", shown)
		return
	}
	shot("account-remove")
	tapIn(win.Canvas().Overlays().Top, lang.L("Remove"), report)
	if !waitFor(10*time.Second, func() bool { return !listed(d, "shop-renamed") }) {
		report("the account was not removed")
	}
}

// fillAccount types a new account on another address into the dialog.
func fillAccount(top fyne.CanvasObject, url string, cred sandbox.AccountCred, report func(string, ...any)) {
	walkObjects(top, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			s.SetSelectedIndex(len(s.Options) - 1) // other address
		}
	})
	radios := radioGroups(top)
	if radios[0].Disabled() == false || radios[1].Selected == "" {
		report("without keyring the encrypted file should be preselected and the keyring greyed")
	}
	e := entries(top)
	if len(e) != 6 {
		report("the dialog shows %d fields, want name, address, AK, SK and the passphrase twice", len(e))
		return
	}
	for i, v := range []string{"shop", url, cred.AK, cred.SK, "smoke passphrase", "smoke passphrase"} {
		e[i].SetText(v)
	}
}

func radioGroups(top fyne.CanvasObject) []*widget.RadioGroup {
	var out []*widget.RadioGroup
	walkObjects(top, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok {
			out = append(out, r)
		}
	})
	return out
}

func entries(top fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	walkObjects(top, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

func showsText(top fyne.CanvasObject, text string) bool {
	found := false
	walkObjects(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
			found = true
		}
	})
	return found
}

// tapIn taps the first enabled button labelled text under root().
func tapIn(root func() fyne.CanvasObject, text string, report func(string, ...any)) {
	var b *widget.Button
	fyne.DoAndWait(func() {
		r := root()
		if r == nil {
			return
		}
		walkObjects(r, func(o fyne.CanvasObject) {
			if x, ok := o.(*widget.Button); ok && b == nil && x.Text == text && !x.Disabled() {
				b = x
			}
		})
		if b != nil {
			b.OnTapped()
		}
	})
	if b == nil {
		report("no enabled button %q", text)
	}
}

// waitTop waits for the window's top overlay to satisfy cond.
func waitTop(win fyne.Window, cond func(fyne.CanvasObject) bool) bool {
	return waitFor(15*time.Second, func() bool {
		ok := false
		fyne.DoAndWait(func() {
			top := win.Canvas().Overlays().Top()
			ok = top != nil && cond(top)
		})
		return ok
	})
}

func listed(d driver, name string) bool {
	for _, a := range d.console.svc.Accounts() {
		if a.Name == name {
			return true
		}
	}
	return false
}

func accountSynced(d driver, name string) bool {
	return listed(d, name) && !d.console.svc.State(name).LastSync.IsZero()
}
