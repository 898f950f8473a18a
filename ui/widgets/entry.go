package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field that passes the window's shortcuts (Ctrl+R, Ctrl+1…)
// and Esc on to the window. Fyne gives a shortcut to the focused widget only,
// and widget.Entry drops those it does not know, so without this the
// console's shortcuts die whenever a text field has focus.
type Entry struct {
	widget.Entry
	// Own are shortcuts the field handles itself, before the window sees
	// them (the reply box's Ctrl+K opens the quick replies).
	Own map[desktop.CustomShortcut]func()
}

// NewEntry returns a one-line text field that passes window shortcuts on.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns a multi-line text field that passes window
// shortcuts on.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut edits the text for the entry's own shortcuts (copy, paste,
// word moves…) and hands every other one to the window.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.Own[*cs] != nil {
		e.Own[*cs]()
		return
	}
	if !passShortcutOn(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey hands Esc to the window (which closes a dialog) and types the rest.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if !passKeyOn(e, k) {
		e.Entry.TypedKey(k)
	}
}

// entryKeys are the keys widget.Entry binds with a modifier itself: word
// moves and word deletes. Every other modified key belongs to the window.
var entryKeys = map[fyne.KeyName]bool{
	fyne.KeyLeft: true, fyne.KeyRight: true, fyne.KeyUp: true, fyne.KeyDown: true,
	fyne.KeyHome: true, fyne.KeyEnd: true, fyne.KeyBackspace: true, fyne.KeyDelete: true,
}

// passShortcutOn gives a window shortcut typed in obj to obj's canvas and
// says whether it did.
func passShortcutOn(obj fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || entryKeys[cs.KeyName] {
		return false
	}
	c, ok := canvasOf(obj).(fyne.Shortcutable)
	if !ok {
		return false
	}
	c.TypedShortcut(s)
	return true
}

// passKeyOn gives Esc typed in obj to its canvas's key handler and says
// whether it did.
func passKeyOn(obj fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := canvasOf(obj)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(k)
	return true
}

func canvasOf(obj fyne.CanvasObject) fyne.Canvas {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	return app.Driver().CanvasForObject(obj)
}
