package widgets

import "fyne.io/fyne/v2"

// The widgets are Fyne widgets; the compiler checks it here.
var (
	_ fyne.Widget    = (*Table[struct{}])(nil)
	_ fyne.Widget    = (*TrendChart)(nil)
	_ fyne.Widget    = (*Countdown)(nil)
	_ fyne.Widget    = (*SearchEntry)(nil)
	_ fyne.Focusable = (*SearchEntry)(nil)
)
