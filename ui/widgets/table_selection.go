package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// PickMode is how a row joins the multi-selection (the picks): on its own,
// toggled in or out (Ctrl-click), or with every row from the last pick
// (Shift-click), as in a desktop file list.
type PickMode int

// Pick modes.
const (
	PickOnly   PickMode = iota // a plain click: just this row
	PickToggle                 // Ctrl / Cmd click: add or remove this row
	PickRange                  // Shift click: every row from the anchor to this one
)

// picks is the table's multi-selection: the picked records by Key, in the
// order picked, so a batch acts on what the user saw even after a reload
// moved the rows.
type picks[T any] struct {
	keys   []string
	items  map[string]T
	anchor int // the row of the last plain or toggled pick
}

// Pick changes the picks at a row (a plain click picks it alone) and
// tells OnSelectionChanged. Rows not loaded yet are skipped. Call it on
// Fyne's goroutine.
func (t *Table[T]) Pick(row int, mode PickMode) {
	if t.cfg.Key == nil {
		return
	}
	from, to := row, row
	switch mode {
	case PickOnly:
		t.clearPicks()
	case PickRange:
		from, to = min(t.picks.anchor, row), max(t.picks.anchor, row)
	}
	for r := from; r <= to; r++ {
		item, _, ok := t.pager.row(r)
		if !ok {
			continue
		}
		k := t.cfg.Key(item)
		_, in := t.picks.items[k]
		switch {
		case mode == PickToggle && in:
			t.unpick(k)
		case !in:
			t.pick(k, item)
		}
	}
	if mode != PickRange {
		t.picks.anchor = row
	}
	t.picksChanged()
}

// Picked is the picked records, in the order picked.
func (t *Table[T]) Picked() []T {
	out := make([]T, 0, len(t.picks.keys))
	for _, k := range t.picks.keys {
		out = append(out, t.picks.items[k])
	}
	return out
}

// PickedKeys is the picked records' keys, in the order picked.
func (t *Table[T]) PickedKeys() []string { return append([]string(nil), t.picks.keys...) }

// ClearPicks empties the multi-selection.
func (t *Table[T]) ClearPicks() {
	if len(t.picks.keys) == 0 {
		return
	}
	t.clearPicks()
	t.picksChanged()
}

func (t *Table[T]) pick(k string, item T) {
	if t.picks.items == nil {
		t.picks.items = map[string]T{}
	}
	t.picks.items[k] = item
	t.picks.keys = append(t.picks.keys, k)
}

func (t *Table[T]) unpick(k string) {
	delete(t.picks.items, k)
	for i, have := range t.picks.keys {
		if have == k {
			t.picks.keys = append(t.picks.keys[:i], t.picks.keys[i+1:]...)
			return
		}
	}
}

func (t *Table[T]) clearPicks() {
	t.picks.keys, t.picks.items = nil, nil
}

func (t *Table[T]) picksChanged() {
	t.table.Refresh() // picked rows are drawn bold
	if t.cfg.OnSelectionChanged != nil {
		t.cfg.OnSelectionChanged(t.Picked())
	}
}

// isPicked reports whether a loaded row is picked; no allocation, so
// drawing a cell stays free.
func (t *Table[T]) isPicked(row int) bool {
	if len(t.picks.keys) < 2 || t.cfg.Key == nil { // one pick is the plain selection, already highlighted
		return false
	}
	item, _, ok := t.pager.row(row)
	if !ok {
		return false
	}
	_, in := t.picks.items[t.cfg.Key(item)]
	return in
}

// pickOnTap picks the tapped row the way the held keys ask: Ctrl (Cmd on
// macOS) toggles, Shift extends, nothing picks it alone.
func (t *Table[T]) pickOnTap(row int) {
	t.Pick(row, pickModeOf(heldModifiers()))
}

func pickModeOf(m fyne.KeyModifier) PickMode {
	switch {
	case m&fyne.KeyModifierShift != 0:
		return PickRange
	case m&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		return PickToggle
	}
	return PickOnly
}

// heldModifiers are the keys held now; none without a desktop driver.
func heldModifiers() fyne.KeyModifier {
	if a := fyne.CurrentApp(); a != nil {
		if d, ok := a.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()
		}
	}
	return 0
}
