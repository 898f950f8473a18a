package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// shrinkFloor is as narrow as a column gets before the table scrolls
// sideways instead: enough for a month, an amount or an SLA countdown, so at
// 1024 px the tickets list keeps its SLA column and no short column is cut.
// Narrower declared columns keep their width; wide text columns (subject,
// customer) give up their extra first.
const shrinkFloor = 110

// defaultColumnWidth is the width of a column that declares none.
const defaultColumnWidth = 120

// Resize lays the table out and shares its width among the columns in
// proportion to their declared widths, so a wider window widens the columns
// instead of leaving "Pending acc…" cut off beside empty space.
func (t *Table[T]) Resize(size fyne.Size) {
	t.BaseWidget.Resize(size)
	avail := size.Width - theme.ScrollBarSize() - 2*theme.Padding()
	for i, w := range columnWidths(t.declaredWidths(), t.floors(), avail) {
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

// floors is how narrow each column may get: its MinWidth, else shrinkFloor.
func (t *Table[T]) floors() []float32 {
	out := make([]float32, len(t.cfg.Columns))
	for i, c := range t.cfg.Columns {
		out[i] = max(c.MinWidth, shrinkFloor)
	}
	return out
}

// columnWidths scales declared widths up in proportion to fill avail; when
// avail is short, the columns wider than their floor (shrinkFloor where
// floors is nil) give up their width beyond it, in proportion, and never more.
func columnWidths(declared, floors []float32, avail float32) []float32 {
	out := append([]float32(nil), declared...)
	floor := func(i int) float32 {
		if i < len(floors) {
			return min(declared[i], floors[i])
		}
		return min(declared[i], shrinkFloor)
	}
	var sum, spare float32
	for i, w := range declared {
		sum += w
		spare += w - floor(i)
	}
	switch {
	case sum <= 0 || avail <= 0:
	case avail >= sum:
		for i := range out {
			out[i] *= avail / sum
		}
	case spare > 0:
		k := min(1, (sum-avail)/spare)
		for i, w := range declared {
			out[i] = w - k*(w-floor(i))
		}
	}
	return out
}
