package widgets

import (
	"github.com/koogallery/merchant-console/ui/kit"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SearchEntry is a search box that waits until typing stops before it
// reports, and clears itself on Esc.
type SearchEntry struct {
	widget.Entry
	delay   time.Duration
	kick    chan struct{}     // restarts the running wait
	done    chan struct{}     // closed when that wait has fired
	OnQuery func(text string) // called on Fyne's goroutine
}

// NewSearchEntry returns a search box reporting after delay of quiet.
func NewSearchEntry(placeholder string, delay time.Duration, onQuery func(string)) *SearchEntry {
	e := &SearchEntry{delay: delay, OnQuery: onQuery}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	e.OnChanged = func(string) { e.schedule() }
	return e
}

// TypedKey clears the box on Esc and reports at once; other keys type.
func (e *SearchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.OnChanged = nil // no debounced report for this change
		e.SetText("")
		e.OnChanged = func(string) { e.schedule() }
		e.report()
		return
	}
	e.Entry.TypedKey(k)
}

// schedule restarts the quiet period. A goroutine per burst of typing
// waits it out; channels rather than time.AfterFunc hand it the keystrokes
// so what the entry holds is visible to it when it reports.
func (e *SearchEntry) schedule() {
	if e.kick != nil {
		select {
		case e.kick <- struct{}{}:
			return
		case <-e.done: // that wait already fired; start another
		}
	}
	e.kick, e.done = make(chan struct{}), make(chan struct{})
	go e.wait(e.kick, e.done, kit.Do)
}

func (e *SearchEntry) wait(kick, done chan struct{}, do func(func())) {
	t := time.NewTimer(e.delay)
	defer t.Stop()
	for {
		select {
		case <-kick:
			t.Reset(e.delay)
		case <-t.C:
			close(done)
			do(e.report)
			return
		}
	}
}

func (e *SearchEntry) report() {
	if e.OnQuery != nil {
		e.OnQuery(strings.TrimSpace(e.Text))
	}
}

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
