// Package app wires the console together, top to bottom: log file, Fyne
// app and settings, accounts (or the built-in sandbox), caches, sync,
// notifications, then the window. It holds no logic of its own beyond the
// wiring; the parts live in their packages and can run headless.
package app

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/ui/kit"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
	uishell "github.com/koogallery/merchant-console/ui/shell"
	uitheme "github.com/koogallery/merchant-console/ui/theme"
)

// Options adjust a run; the zero value is the normal desktop app.
type Options struct {
	// LogOutput receives a copy of the (redacted) log, e.g. os.Stderr.
	LogOutput io.Writer
	// Sandbox overrides the built-in sandbox's options (a fast clock).
	Sandbox *sandbox.Options
	// Language, when set, overrides the saved language (screenshots in
	// both languages).
	Language i18n.Language
	// Drive, when set, runs on its own goroutine once the window exists;
	// the smoke test steps through the app with it.
	Drive func(Driver)
}

// Driver is what Options.Drive gets: the window and whether sync has run.
type Driver struct {
	Shell *uishell.Shell
	rt    *runtime
}

// Synced reports whether every account finished a first sync.
func (d Driver) Synced() bool {
	for _, a := range d.rt.snapshot() {
		if st := a.state.Load(); st == nil || st.LastSync.IsZero() {
			return false
		}
	}
	return true
}

// Run starts the console and returns when its window closes.
func Run(opts Options) error {
	paths, err := config.DefaultPaths()
	if err != nil {
		return err
	}
	if err := paths.Ensure(); err != nil {
		return err
	}
	sink, err := openLog(paths.Logs, opts.LogOutput)
	if err != nil {
		return err
	}
	defer sink.Close()
	slog.Info("starting", "version", config.Version, "config", paths.Config, "data", paths.Data)

	a := fyneapp.NewWithID(config.AppID)
	a.SetIcon(assets.Icon)
	prefs := uiprefs.New(a.Preferences())
	language := prefs.Language()
	if opts.Language != "" {
		language = opts.Language
	}
	if err := kit.ApplyLanguage(language); err != nil {
		slog.Error("translations", "err", err)
	}
	a.Settings().SetTheme(uitheme.New(prefs.Theme()))
	if dir := prefs.DataDir(); dir != "" {
		paths.Data = dir
	}

	rt := newRuntime(paths, prefs, opts)
	defer rt.close()
	if err := start(rt, a); err != nil {
		slog.Error("cannot start", "err", err)
		showFatal(a, err)
		return err
	}
	go rt.probeKeyring()

	shell := uishell.NewShell(a, rt.backend(rt.close), prefs)
	onData := shell.DataChanged
	rt.onData.Store(&onData)
	onNotice := shell.Notified
	rt.onNotice.Store(&onNotice)
	if opts.Drive != nil {
		go opts.Drive(Driver{Shell: shell, rt: rt})
	}
	shell.Window().ShowAndRun()
	slog.Info("stopped")
	return nil
}

// start loads the accounts, opens their caches, then starts notifications
// and sync, in that order: sync hands its changes to notifications.
func start(rt *runtime, a fyne.App) error {
	if err := rt.loadAccounts(); err != nil {
		return err
	}
	if err := rt.openStores(); err != nil {
		return err
	}
	if err := rt.startNotify(a); err != nil {
		slog.Warn("notifications off", "err", err) // the console still works without them
	}
	rt.startSync()
	return nil
}

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
