// Package app is the window's wiring, top to bottom: log file, Fyne app and
// settings, the service (accounts or the built-in sandbox, caches, sync,
// notifications), then the window over it. It holds no logic of its own;
// everything behind the window is in package service and runs headless.
package app

import (
	"context"
	"io"
	"log/slog"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/service"
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
}

// Console is the built window over a running service, not yet shown.
type Console struct {
	app   fyne.App
	shell *uishell.Shell
	svc   *service.Service
	log   *logSink
}

// Run opens the console and returns when its window closes or ctx ends.
func Run(ctx context.Context, opts Options) error {
	c, err := Open(opts)
	if err != nil {
		return err
	}
	return c.Run(ctx)
}

// Open builds the console: the log, the Fyne app with the saved settings,
// the service, then the window. When the service cannot start, a small
// window says why and Open returns the error once it is closed.
func Open(opts Options) (*Console, error) {
	paths, err := config.DefaultPaths()
	if err != nil {
		return nil, err
	}
	if err := paths.Ensure(); err != nil {
		return nil, err
	}
	sink, err := openLog(paths.Logs, opts.LogOutput)
	if err != nil {
		return nil, err
	}
	slog.Info("starting", "version", config.Version, "config", paths.Config, "data", paths.Data)

	a := fyneapp.NewWithID(config.AppID)
	a.SetIcon(assets.Icon)
	prefs := uiprefs.New(a.Preferences())
	applyLook(a, prefs, opts.Language)
	if dir := prefs.DataDir(); dir != "" {
		paths.Data = dir
	}

	events := &relay{}
	svc, err := service.Open(serviceOptions(a, paths, prefs, opts, events))
	if err != nil {
		slog.Error("cannot start", "err", err)
		showFatal(a, err)
		sink.Close()
		return nil, err
	}
	svc.Start()

	shell := uishell.NewShell(a, backend(svc, prefs, sink.path), prefs)
	events.attach(shell)
	return &Console{app: a, shell: shell, svc: svc, log: sink}, nil
}

// applyLook sets the language (before any window is built) and the theme.
func applyLook(a fyne.App, prefs uiprefs.Prefs, override i18n.Language) {
	language := prefs.Language()
	if override != "" {
		language = override
	}
	if err := kit.ApplyLanguage(language); err != nil {
		slog.Error("translations", "err", err)
	}
	a.Settings().SetTheme(uitheme.New(prefs.Theme()))
}

// Shell is the console's window.
func (c *Console) Shell() *uishell.Shell { return c.shell }

// Run shows the window until it is closed or ctx ends (Ctrl-C, SIGTERM),
// then shuts the service down.
func (c *Console) Run(ctx context.Context) error {
	defer c.log.Close()
	defer c.svc.Close()
	stop := context.AfterFunc(ctx, func() { fyne.Do(c.shell.Quit) })
	defer stop()
	c.shell.Window().ShowAndRun()
	slog.Info("stopped")
	return nil
}
