package shell

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// pressShortcut delivers a shortcut the way Fyne's desktop driver does: to
// the focused widget when it takes shortcuts, else to the canvas.
func pressShortcut(c fyne.Canvas, k fyne.KeyName) {
	s := &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// pressKey delivers a key the way the driver does: to the focused widget,
// else to the canvas's handler.
func pressKey(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestShortcutWorksWhileTheSearchBoxHasFocus(t *testing.T) {
	// given the tickets list with the keyboard in its search box
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
	c := h.shell.Window().Canvas()
	pressShortcut(c, fyne.Key4)
	h.ticketsTable(t)
	pressShortcut(c, fyne.KeyF)
	require.IsType(t, &widgets.SearchEntry{}, c.Focused())

	// when Ctrl+R and then Ctrl+2 are pressed there
	pressShortcut(c, fyne.KeyR)
	pressShortcut(c, fyne.Key2)

	// then the window, not the text field, acted on both
	assert.Equal(t, []string{""}, h.syncs)
	assert.Equal(t, ScreenOrders, h.shell.Current())
}

func TestShortcutWorksWhileADialogEntryHasFocusButDoesNotNavigate(t *testing.T) {
	// given a form dialog with the keyboard in its text field
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
	w := h.shell.Window()
	e := widgets.NewMultiLineEntry()
	dialog.ShowForm("Ship", "Ship", "Cancel", []*widget.FormItem{widget.NewFormItem("Tracking", e)}, func(bool) {}, w)
	w.Canvas().Focus(e)
	require.Equal(t, e, w.Canvas().Focused())

	// when Ctrl+4 is pressed in it
	pressShortcut(w.Canvas(), fyne.Key4)

	// then the screen behind the modal stays put and the dialog stays open
	assert.Equal(t, ScreenOverview, h.shell.Current())
	assert.NotNil(t, w.Canvas().Overlays().Top())
}

func TestShortcutCtrlNumberDoesNothingBehindAModal(t *testing.T) {
	// given a confirmation dialog with nothing focused
	h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
	w := h.shell.Window()
	dialog.ShowConfirm("Remove?", "Sure?", func(bool) {}, w)
	require.Nil(t, w.Canvas().Focused())

	// when Ctrl+4 and Ctrl+R are pressed
	pressShortcut(w.Canvas(), fyne.Key4)
	pressShortcut(w.Canvas(), fyne.KeyR)

	// then nothing happened behind the modal
	assert.Equal(t, ScreenOverview, h.shell.Current())
	assert.Empty(t, h.syncs)
}

func TestShortcutEscClosesTheDialog(t *testing.T) {
	cases := []struct {
		name  string
		focus bool
	}{
		{"nothing focused", false},
		{"keyboard in the dialog's text field", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given an open form dialog
			h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
			w := h.shell.Window()
			e := widgets.NewEntry()
			dialog.ShowForm("Appeal", "Appeal", "Cancel", []*widget.FormItem{widget.NewFormItem("Reason", e)}, func(bool) {}, w)
			if tc.focus {
				w.Canvas().Focus(e)
			}
			require.NotNil(t, w.Canvas().Overlays().Top())

			// when Esc is pressed
			pressKey(w.Canvas(), fyne.KeyEscape)

			// then the dialog is gone
			assert.Nil(t, w.Canvas().Overlays().Top())
		})
	}
}
