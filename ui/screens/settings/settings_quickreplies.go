package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/screens"
)

// quickRepliesSection opens the same quick-reply manager as the reply box's
// picker, so the agent can prepare replies without opening a ticket; nil
// when the backend has no library.
func quickRepliesSection(h Host) fyne.CanvasObject {
	b := h.Backend()
	if b == nil || b.QuickReplies == nil {
		return nil
	}
	hint := widget.NewLabel(lang.L("Inserted from the reply box with Ctrl+K. Shared sets are read from {{.Folder}}.",
		map[string]any{"Folder": b.QuickReplies().SharedFolder()}))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	manage := widget.NewButton(lang.L("Manage personal replies…"), func() {
		screens.OpenQuickReplyManager(b.QuickReplies(), h.Window(), nil)
	})
	return container.NewVBox(container.NewHBox(manage), hint)
}
