package widgets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// searchDelay is how long the search waits after the last keystroke, so a
// query runs once per word rather than once per letter.
const searchDelay = 200 * time.Millisecond

// Table is the generic paged list, a Fyne widget; see the top of table.go.
type Table[T any] struct {
	widget.BaseWidget
	cfg     TableConfig[T]
	table   *widget.Table
	search  *SearchEntry
	filter  *widget.Select
	count   *widget.Label
	empty   *widget.Label
	content fyne.CanvasObject
	taps    []func() // one header tap handler per column, built once

	// Query state, owned by Fyne's goroutine.
	searchText string
	statuses   []string
	sortCol    int
	sort       localstore.SortKey
	desc       bool
	quiet      bool // selection changes made by the table itself
	adhoc      bool // the last filter entry was added by SetStatuses
	selKey     string
	selRow     int
	pending    *reveal        // a record to highlight once its row exists
	reveals    sync.WaitGroup // Reveal's look-ups, waited for by Close
	picks      picks[T]       // the multi-selection (table_selection.go)

	pager[T]
}

// NewTable builds a table and starts its loader goroutine; call Close when
// the screen is discarded.
func NewTable[T any](cfg TableConfig[T]) *Table[T] {
	t := &Table[T]{cfg: cfg, sortCol: -1, sort: cfg.Sort, desc: cfg.Desc}
	if cfg.Sort == 0 && !cfg.Desc {
		t.desc = true // newest first unless a screen says otherwise
	}
	for i, c := range cfg.Columns { // show the initial order on its column
		if c.Sortable && c.Sort == t.sort && t.sortCol < 0 {
			t.sortCol = i
		}
	}
	t.pager.init(cfg.Fetch, t.format)
	t.buildTable()
	t.buildToolbar()
	t.restart()
	t.ExtendBaseWidget(t)
	go t.loop(t.apply, kit.Do)
	return t
}

// CreateRenderer draws the toolbar (search, status filter, count) above
// the table.
func (t *Table[T]) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.content)
}

// Close stops the loader goroutine and waits for Reveal's look-ups; the
// table shows what it has.
func (t *Table[T]) Close() {
	t.pager.close()
	t.reveals.Wait()
}

// Reload fetches the current query again (after a sync) while the old rows
// stay on screen, so nothing flickers; the selection is kept by Key.
func (t *Table[T]) Reload() {
	t.pager.hold()
	defer t.pager.release()
	t.pager.reset(t.query(), true)
	t.table.Refresh()
	t.pager.want(0)
}

// SetStatuses filters by these statuses (nil: all), as an overview card does.
func (t *Table[T]) SetStatuses(statuses []string) {
	t.statuses = append([]string(nil), statuses...)
	t.syncFilterSelect()
	t.restart()
}

// Statuses is the status filter in force (nil: all).
func (t *Table[T]) Statuses() []string { return append([]string(nil), t.statuses...) }

// SetSearch replaces the search text and searches at once.
func (t *Table[T]) SetSearch(text string) {
	t.search.SetText(text)
	t.applySearch()
}

// FocusSearch puts the keyboard in the search box (Ctrl+F).
func (t *Table[T]) FocusSearch(w fyne.Window) {
	if w != nil {
		w.Canvas().Focus(t.search)
	}
}

// Total is the number of records matching the current query.
func (t *Table[T]) Total() int {
	n, _ := t.pager.size()
	return n
}

// Query is the current query without paging, e.g. to export what is shown.
func (t *Table[T]) Query() localstore.Query {
	q := t.query()
	q.Offset, q.Limit = 0, 0
	return q
}

// Row returns the record and texts at row, if its page is loaded.
func (t *Table[T]) Row(row int) (T, []string, bool) { return t.pager.row(row) }

// Select selects a row as if the user tapped it.
func (t *Table[T]) Select(row int) {
	t.table.Select(widget.TableCellID{Row: row, Col: 0})
}

func (t *Table[T]) query() localstore.Query {
	q := localstore.Query{Statuses: t.statuses, Search: t.searchText, Sort: t.sort, Desc: t.desc}
	if t.cfg.Prepare != nil {
		t.cfg.Prepare(&q)
	}
	return q
}

// restart runs a new query from the top: different rows, so old ones go.
func (t *Table[T]) restart() {
	t.pager.hold()
	defer t.pager.release()
	t.pager.reset(t.query(), false)
	t.unselectQuietly()
	t.selKey = ""
	t.table.ScrollToTop()
	t.table.Refresh()
	t.pager.want(0)
}

func (t *Table[T]) buildTable() {
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { n, _ := t.pager.size(); return n, len(t.cfg.Columns) },
		newCellLabel,
		t.updateCell,
	)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = newHeaderButton
	t.table.UpdateHeader = t.updateHeader
	t.table.OnSelected = t.selected
	t.taps = make([]func(), len(t.cfg.Columns))
	for i, w := range t.declaredWidths() {
		t.table.SetColumnWidth(i, w)
		t.taps[i] = func() { t.sortBy(i) }
	}
}

func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func newHeaderButton() fyne.CanvasObject {
	b := widget.NewButton("", nil)
	b.Alignment = widget.ButtonAlignLeading
	b.IconPlacement = widget.ButtonIconTrailingText
	b.Importance = widget.LowImportance
	return b
}

// updateCell fills a cell from the loaded page: no query, no allocation.
func (t *Table[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	text, imp := t.pager.cell(id.Row, id.Col)
	l := o.(*widget.Label)
	bold := t.isPicked(id.Row)
	if l.Text != text || l.Importance != imp || l.TextStyle.Bold != bold {
		l.Text, l.Importance, l.TextStyle.Bold = text, imp, bold
		l.Refresh()
	}
}

func (t *Table[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(t.cfg.Columns) {
		return
	}
	c := t.cfg.Columns[id.Col]
	var icon fyne.Resource
	switch {
	case id.Col == t.sortCol && t.desc:
		icon = theme.MenuDropDownIcon()
	case id.Col == t.sortCol:
		icon = theme.MenuDropUpIcon()
	}
	if b.Text != c.Label || b.Icon != icon {
		b.Text, b.Icon = c.Label, icon
		b.Refresh()
	}
	if c.Sortable {
		b.OnTapped = t.taps[id.Col]
	} else {
		b.OnTapped = nil
	}
}

// sortBy sorts by a column: a second tap reverses the order. The first tap
// puts what matters most on top: the nearest deadline (most urgent) for a
// deadline column, the newest or largest for the others.
func (t *Table[T]) sortBy(col int) {
	c := t.cfg.Columns[col]
	if !c.Sortable {
		return
	}
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.sort, t.desc = col, c.Sort, c.Sort != localstore.SortDeadline
	}
	t.restart()
}

// SortByColumn sorts by the column with id as a tap on its header does.
func (t *Table[T]) SortByColumn(id string) {
	for i, c := range t.cfg.Columns {
		if c.ID == id {
			t.sortBy(i)
			return
		}
	}
}

func (t *Table[T]) selected(id widget.TableCellID) {
	item, _, ok := t.pager.row(id.Row)
	if !ok || t.quiet {
		return
	}
	if t.cfg.Key != nil {
		t.selKey, t.selRow = t.cfg.Key(item), id.Row
	}
	t.pickOnTap(id.Row)
	if t.cfg.OnSelect != nil {
		t.cfg.OnSelect(item)
	}
}

func (t *Table[T]) unselectQuietly() {
	t.quiet = true
	t.table.UnselectAll()
	t.quiet = false
}

// apply runs on Fyne's goroutine when the loader has a page or a failure.
func (t *Table[T]) apply(res loadResult) {
	if !t.pager.store(res) {
		return
	}
	t.showCount(res.err)
	t.keepSelection(res.page)
	if t.pending != nil {
		t.selectRevealed(*t.pending)
	}
	t.table.Refresh()
	if t.cfg.OnLoaded != nil {
		t.cfg.OnLoaded()
	}
}

func (t *Table[T]) showCount(err error) {
	n, known := t.pager.size()
	switch {
	case err != nil:
		t.empty.SetText(kit.ErrorText(err))
		t.empty.Show()
		if t.cfg.OnError != nil {
			t.cfg.OnError(err)
		}
		return
	case !known:
		return
	case n == 0:
		t.empty.SetText(lang.L("Nothing matches. Clear the search or the filter to see more."))
		t.empty.Show()
	default:
		t.empty.Hide()
	}
	t.count.SetText(lang.L("{{.N}} records", map[string]any{"N": kit.GroupInt(n)}))
}

// keepSelection keeps the highlight honest after a reload: if the chosen
// record moved to another row, the highlight is dropped rather than moved,
// because Table.Select would scroll and yank the list from under the user.
// The detail pane keeps showing the record either way.
func (t *Table[T]) keepSelection(page int) {
	if t.selKey == "" || t.cfg.Key == nil || t.selRow/PageSize != page {
		return
	}
	item, _, ok := t.pager.row(t.selRow)
	if ok && t.cfg.Key(item) == t.selKey {
		return
	}
	t.unselectQuietly()
	t.selKey = ""
}

// layoutContent stacks the empty-state message over the table.
func (t *Table[T]) layoutContent(toolbar fyne.CanvasObject) {
	t.empty = widget.NewLabel("")
	t.empty.Alignment = fyne.TextAlignCenter
	t.empty.Hide()
	body := container.NewStack(t.table, container.NewCenter(t.empty))
	t.content = container.NewBorder(toolbar, nil, nil, nil, body)
}
