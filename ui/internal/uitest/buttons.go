package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// EnabledButtons lists the texts of the enabled buttons among objs.
func EnabledButtons(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && !b.Disabled() {
			out = append(out, b.Text)
		}
	}
	return out
}
