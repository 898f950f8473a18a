package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/screens/exports"
)

// installShortcuts binds Ctrl+F search, Ctrl+R sync now, Ctrl+E export and
// Ctrl+1…8 to the screens (Cmd on macOS).
func (s *Shell) installShortcuts() {
	c := s.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod}, func(fyne.Shortcut) { s.FocusSearch() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: mod}, func(fyne.Shortcut) { s.SyncNow() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: mod}, func(fyne.Shortcut) { s.Export() })
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8}
	for i, k := range keys {
		id := AllScreens[i]
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { s.Show(id) })
	}
}

// FocusSearch puts the keyboard in the current screen's search box.
func (s *Shell) FocusSearch() {
	if f, ok := s.screens[s.current].(screens.Searcher); ok {
		f.FocusSearch(s.win)
	}
}

// Export exports what the current screen shows, or opens the Exports
// screen; from a list, the form comes pre-filled with the list's kind and
// its status filter, so Ctrl+E means "export what I am looking at".
func (s *Shell) Export() {
	cur := s.screens[s.current]
	if e, ok := cur.(screens.Exporter); ok {
		e.Export()
		return
	}
	src, fromList := cur.(screens.ExportSource)
	s.Show(ScreenExports)
	if ex, ok := s.screens[ScreenExports].(*exports.Screen); ok && fromList {
		ex.Prefill(src.ExportFilter())
	}
}
