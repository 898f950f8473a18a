package kit

import (
	"errors"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// OpenFile hands a file or folder to the desktop's handler for its type.
// Fyne's OpenURL starts xdg-open and returns before xdg-open finds out
// that no program handles the type, so on a freedesktop system the console
// runs xdg-open itself and waits for its verdict off Fyne's goroutine;
// failed (on Fyne's goroutine) gets a sentence saying what to do.
func OpenFile(a fyne.App, path string, failed func(error)) {
	if runtime.GOOS == "linux" || strings.HasSuffix(runtime.GOOS, "bsd") {
		openWithXDG(path, failed)
		return
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = a.OpenURL(u)
	}
	if err != nil {
		failed(noHandler(path, err))
	}
}

// xdgOpen is the freedesktop opener; tests point it at a program that fails.
var xdgOpen = "xdg-open"

func openWithXDG(path string, failed func(error)) {
	bin, err := exec.LookPath(xdgOpen)
	if err != nil {
		failed(errors.New(lang.L("This computer has no program to open files with (xdg-open is missing): install xdg-utils, or open {{.Path}} yourself.",
			map[string]any{"Path": path})))
		return
	}
	cmd := exec.Command(bin, path)
	if err := cmd.Start(); err != nil {
		failed(noHandler(path, err))
		return
	}
	go func() {
		if err := cmd.Wait(); err != nil {
			Do(func() { failed(noHandler(path, err)) })
		}
	}()
}

// noHandler explains that nothing opened the file and what to do instead;
// the opener's own error ("exit status 3") goes to the log, not the window.
func noHandler(path string, err error) error {
	fyne.LogError("open "+path, err)
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	if ext == "" {
		return errors.New(lang.L("No program opened {{.Path}}: choose one for it in your desktop's settings, or use Open folder.",
			map[string]any{"Path": path}))
	}
	return errors.New(lang.L("No program on this computer opens .{{.Ext}} files: install one (for spreadsheets, LibreOffice Calc), or use Open folder.",
		map[string]any{"Ext": ext}))
}
