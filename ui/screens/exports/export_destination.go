package exports

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// destination is the folder the user chose for export files; empty keeps
// them where the backend writes them (the console's exports folder).
type destination struct {
	dir    string
	label  *widget.Label
	change *widget.Button
	clear  *widget.Button
	row    fyne.CanvasObject
}

func newDestination(win func() fyne.Window) *destination {
	d := &destination{label: widget.NewLabel("")}
	d.label.Truncation = fyne.TextTruncateEllipsis
	d.change = widget.NewButton(lang.L("Change…"), func() { d.pick(win()) })
	d.clear = widget.NewButton(lang.L("Default folder"), func() { d.set("") })
	d.row = container.NewBorder(nil, nil, nil, container.NewHBox(d.change, d.clear), d.label)
	d.set("")
	return d
}

// set shows dir as the destination ("" is the console's own folder).
func (d *destination) set(dir string) {
	d.dir = dir
	if dir == "" {
		d.label.SetText(lang.L("The console's exports folder"))
		d.clear.Disable()
		return
	}
	d.label.SetText(dir)
	d.clear.Enable()
}

func (d *destination) pick(w fyne.Window) {
	if w == nil {
		return
	}
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			d.set(u.Path())
		}
	}, w)
}

// moveInto moves the exported file into dir, keeping its name, and returns
// its new path. A rename across file systems fails, so it copies then. The
// file keeps owner-only permissions: it holds customer data.
func moveInto(path, dir string) (string, error) {
	if dir == "" || filepath.Dir(path) == filepath.Clean(dir) {
		return path, nil
	}
	dst := filepath.Join(dir, filepath.Base(path))
	if _, err := os.Stat(dst); err == nil {
		return path, errors.New(lang.L("{{.File}} already exists in {{.Dir}}: the export stays in the console's folder; rename or move the old file and export again.",
			map[string]any{"File": filepath.Base(path), "Dir": dir}))
	}
	if err := os.Rename(path, dst); err == nil {
		return dst, nil
	}
	if err := copyFile(path, dst); err != nil {
		return path, errors.New(lang.L("The file could not be saved in {{.Dir}} ({{.Err}}): it stays in the console's folder; choose a folder you can write to.",
			map[string]any{"Dir": dir, "Err": err.Error()}))
	}
	if err := os.Remove(path); err != nil {
		fyne.LogError("remove exported file after copying it", err)
	}
	return dst, nil
}

func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(dst)
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	return nil
}
