package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/screens/exports"
)

// installShortcuts binds Ctrl+F search, Ctrl+R sync now, Ctrl+E export and
// Ctrl+1…8 to the screens (Cmd on macOS), and Esc to closing the dialog on
// top. Text fields are widgets.Entry, which pass these on to the canvas.
func (s *Shell) installShortcuts() {
	c := s.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	bind := func(k fyne.KeyName, do func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { s.unlessModal(do) })
	}
	bind(fyne.KeyF, s.FocusSearch)
	bind(fyne.KeyR, s.SyncNow)
	bind(fyne.KeyE, s.Export)
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8}
	for i, k := range keys {
		id := AllScreens[i]
		bind(k, func() { s.Show(id) })
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			s.CloseTopDialog()
		}
	})
}

// unlessModal runs a window shortcut only when no dialog covers the window:
// a screen switch behind a form would leave the form acting on a record the
// user no longer sees.
func (s *Shell) unlessModal(do func()) {
	if s.win.Canvas().Overlays().Top() != nil {
		return
	}
	do()
}

// CloseTopDialog closes the dialog or pop-up on top, as its Cancel would
// (Fyne's dialogs do not listen for Esc themselves). The dialog's callback is
// not called: every console dialog treats closing as "do nothing".
func (s *Shell) CloseTopDialog() {
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
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
