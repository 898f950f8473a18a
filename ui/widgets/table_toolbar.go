package widgets

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

func (t *Table[T]) buildToolbar() {
	hint := t.cfg.SearchHint
	if hint == "" {
		hint = lang.L("Search")
	}
	t.search = NewSearchEntry(hint, searchDelay, func(string) { t.applySearch() })
	t.count = widget.NewLabel("")
	left := []fyne.CanvasObject{}
	if len(t.cfg.Filters) > 0 {
		t.filter = widget.NewSelect(t.filterLabels(), t.filterChosen)
		t.filter.SetSelectedIndex(0)
		left = append(left, t.filter)
	}
	left = append(left, t.cfg.Toolbar...)
	right := container.NewHBox(append(left, t.count)...)
	bar := container.NewBorder(nil, nil, nil, right, t.search)
	t.layoutContent(container.NewPadded(bar))
}

func (t *Table[T]) applySearch() {
	text := strings.TrimSpace(t.search.Text)
	if text == t.searchText {
		return
	}
	t.searchText = text
	t.restart()
}

func (t *Table[T]) filterLabels() []string {
	labels := []string{lang.L("All statuses")}
	for _, f := range t.cfg.Filters {
		labels = append(labels, f.Label)
	}
	return labels
}

func (t *Table[T]) filterChosen(string) {
	i := t.filter.SelectedIndex()
	var statuses []string
	if i > 0 && i <= len(t.cfg.Filters) {
		statuses = t.cfg.Filters[i-1].Statuses
	}
	if slices.Equal(statuses, t.statuses) {
		return
	}
	t.statuses = append([]string(nil), statuses...)
	t.restart()
}

// syncFilterSelect shows the entry matching statuses set from outside; a
// set no entry matches is added as "Selected statuses" so the filter never lies.
func (t *Table[T]) syncFilterSelect() {
	if t.filter == nil {
		return
	}
	idx := 0
	for i, f := range t.cfg.Filters {
		if sameSet(f.Statuses, t.statuses) {
			idx = i + 1
		}
	}
	if idx == 0 && len(t.statuses) > 0 {
		if t.adhoc { // replace the previous ad-hoc entry rather than pile them up
			t.cfg.Filters = t.cfg.Filters[:len(t.cfg.Filters)-1]
		}
		t.adhoc = true
		t.cfg.Filters = append(t.cfg.Filters, FilterOption{Label: lang.L("Selected statuses"), Statuses: t.statuses})
		t.filter.SetOptions(t.filterLabels())
		idx = len(t.cfg.Filters)
	}
	cb := t.filter.OnChanged
	t.filter.OnChanged = nil // SetStatuses restarts the query itself
	t.filter.SetSelectedIndex(idx)
	t.filter.OnChanged = cb
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}
