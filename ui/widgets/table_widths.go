package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// minColumnScale is how far columns shrink below their declared widths
// before the table scrolls sideways instead: at 1024 px the tickets list
// keeps its SLA column on screen, and a column never gets too narrow to read.
const minColumnScale = 0.7

// defaultColumnWidth is the width of a column that declares none.
const defaultColumnWidth = 120

// Resize lays the table out and shares its width among the columns in
// proportion to their declared widths, so a wider window widens the columns
// instead of leaving "Pending acc…" cut off beside empty space.
func (t *Table[T]) Resize(size fyne.Size) {
	t.BaseWidget.Resize(size)
	avail := size.Width - theme.ScrollBarSize() - 2*theme.Padding()
	for i, w := range columnWidths(t.declaredWidths(), avail) {
		t.table.SetColumnWidth(i, w)
	}
}

func (t *Table[T]) declaredWidths() []float32 {
	out := make([]float32, len(t.cfg.Columns))
	for i, c := range t.cfg.Columns {
		out[i] = c.Width
		if out[i] <= 0 {
			out[i] = defaultColumnWidth
		}
	}
	return out
}

// columnWidths scales declared widths to fill avail, but never below
// minColumnScale of what was declared.
func columnWidths(declared []float32, avail float32) []float32 {
	var sum float32
	for _, w := range declared {
		sum += w
	}
	scale := float32(1)
	if sum > 0 && avail > 0 {
		scale = max(avail/sum, minColumnScale)
	}
	out := make([]float32, len(declared))
	for i, w := range declared {
		out[i] = w * scale
	}
	return out
}
