package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/backend"
)

// ruleSelect finds, in the notifications grid as shown, the mode chooser
// on the row labelled label.
func ruleSelect(t *testing.T, root fyne.CanvasObject, label string) *widget.Select {
	t.Helper()
	var objects []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		objects = append(objects, o)
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		}
	}
	walk(root)
	for i, o := range objects {
		if l, ok := o.(*widget.Label); ok && l.Text == label && i+1 < len(objects) {
			if s, ok := objects[i+1].(*widget.Select); ok {
				return s
			}
		}
	}
	t.Fatalf("no rule row %q on the notifications screen", label)
	return nil
}

func TestMessageRulesAreShownWithTheirDefaultsAndSaved(t *testing.T) {
	// given the notifications section of a new install
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	n := newNotifySection(h)
	h.win.SetContent(n.root)
	important := ruleSelect(t, n.root, "A message on an order failing to open, an unsubscription or overdue supervision")
	plain := ruleSelect(t, n.root, "Any other message in the marketplace's message centre")

	// then the message-centre rows show the defaults: a popup for messages
	// on an order's opening, the badge for the rest
	assert.Equal(t, "Popup", important.Selected)
	assert.Equal(t, "Badge only", plain.Selected)

	// when the merchant turns ordinary messages off and makes the important ones stay
	plain.SetSelected("Off")
	important.SetSelected("Popup until dismissed")

	// then those modes are saved and applied
	saved := h.prefs.Notify()
	assert.Equal(t, notify.ModeOff, saved.Rule(notify.KindMessage).Mode())
	assert.Equal(t, notify.ModePersistent, saved.Rule(notify.KindMessageImportant).Mode())
	assert.Equal(t, 2, h.applied)

	// and the screen opened again shows them
	again := newNotifySection(h)
	require.Equal(t, "Off", ruleSelect(t, again.root, "Any other message in the marketplace's message centre").Selected)
	assert.Equal(t, "Popup until dismissed",
		ruleSelect(t, again.root, "A message on an order failing to open, an unsubscription or overdue supervision").Selected)
}
