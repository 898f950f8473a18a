package widgets

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

var tblBase = time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)

// tblOrders makes n orders, one minute apart; every third is cancelled.
func tblOrders(n int) []domain.Record {
	recs := make([]domain.Record, n)
	for i := range n {
		st := domain.OrderCompleted
		if i%3 == 0 {
			st = domain.OrderCancelled
		}
		recs[i] = domain.Order{
			Meta: domain.Meta{ID: fmt.Sprintf("CS%05d", i), Account: "acct-t", Version: 1, UpdatedAt: tblBase},
			Type: domain.OrderNew, Status: st, CreatedAt: tblBase.Add(time.Duration(i) * time.Minute),
			Amount: domain.Money(1000 + i), Currency: "CNY", ProductName: "云备份",
			Buyer: domain.Buyer{CustomerName: fmt.Sprintf("客户%d", i)},
		}
	}
	return recs
}

func tblStore(t testing.TB, recs []domain.Record) *localstore.Store {
	t.Helper()
	s, err := localstore.Open(filepath.Join(t.TempDir(), "cache.db"), "acct-t", localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	for start := 0; start < len(recs); start += 5000 {
		_, err := s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: recs[start:min(start+5000, len(recs))]})
		require.NoError(t, err)
	}
	return s
}

// tblHarness is a table over a real store in a small test window (only the
// first page is visible, so each change loads exactly one page).
type tblHarness struct {
	loop     *uitest.Loop
	table    *Table[domain.Order]
	win      fyne.Window
	loads    int
	selected chan domain.Order
}

func newTblHarness(t *testing.T, s *localstore.Store) *tblHarness {
	t.Helper()
	test.NewTempApp(t)
	h := &tblHarness{loop: uitest.NewLoop(t), selected: make(chan domain.Order, 4)}
	h.table = NewTable(TableConfig[domain.Order]{
		Columns: []Column[domain.Order]{
			{ID: "id", Label: "Order", Width: 120, Text: func(o domain.Order) string { return o.ID }},
			{ID: "status", Label: "Status", Width: 100, Text: func(o domain.Order) string { return string(o.Status) }},
			{ID: "created", Label: "Created", Width: 140, Sortable: true, Sort: localstore.SortTime,
				Text: func(o domain.Order) string { return kit.FormatDateTime(o.CreatedAt) }},
		},
		Filters:  []FilterOption{{Label: "Cancelled", Statuses: []string{string(domain.OrderCancelled)}}},
		Fetch:    StoreFetch[domain.Order](func() *localstore.Store { return s }),
		Key:      func(o domain.Order) string { return o.ID },
		OnSelect: func(o domain.Order) { h.selected <- o },
		OnLoaded: func() { h.loads++ },
	})
	t.Cleanup(h.table.Close)
	h.win = test.NewTempWindow(t, h.table)
	h.win.Resize(fyne.NewSize(500, 300))
	h.wait(t)
	return h
}

// wait runs the UI queue until the table applied one more load.
func (h *tblHarness) wait(t *testing.T) {
	t.Helper()
	want := h.loads + 1
	h.loop.RunUntil(t, func() bool { return h.loads >= want })
}

func (h *tblHarness) firstID(t *testing.T) string {
	t.Helper()
	o, texts, ok := h.table.Row(0)
	require.True(t, ok, "row 0 is loaded")
	assert.Equal(t, o.ID, texts[0], "the row text is the formatted record")
	return o.ID
}

func TestTableShowsNewestFirstAndCountsAll(t *testing.T) {
	// given a store with 250 orders
	s := tblStore(t, tblOrders(250))

	// when the table opens
	h := newTblHarness(t, s)

	// then it counts every match and shows the newest first
	assert.Equal(t, 250, h.table.Total())
	assert.Equal(t, "CS00249", h.firstID(t))
	assert.Equal(t, "250 records", h.table.count.Text)
}

func TestTableStatusFilter(t *testing.T) {
	// given a table over 250 orders, 84 of them cancelled
	h := newTblHarness(t, tblStore(t, tblOrders(250)))

	// when the user picks "Cancelled"
	h.table.filter.SetSelectedIndex(1)
	h.wait(t)

	// then only cancelled orders are listed
	assert.Equal(t, 84, h.table.Total())
	o, _, ok := h.table.Row(0)
	require.True(t, ok)
	assert.Equal(t, domain.OrderCancelled, o.Status)

	// and when an overview card asks for all statuses again
	h.table.SetStatuses(nil)
	h.wait(t)

	// then the filter shows "All statuses" and all orders are back
	assert.Equal(t, 250, h.table.Total())
	assert.Equal(t, 0, h.table.filter.SelectedIndex())
}

func TestTableSetStatusesWithoutMatchingEntryAddsOne(t *testing.T) {
	// given a table whose filter has only "Cancelled"
	h := newTblHarness(t, tblStore(t, tblOrders(30)))

	// when a card asks for two statuses, twice
	h.table.SetStatuses([]string{string(domain.OrderCompleted), string(domain.OrderProcessing)})
	h.wait(t)
	h.table.SetStatuses([]string{string(domain.OrderProcessing), string(domain.OrderCompleted)})
	h.wait(t)

	// then one "Selected statuses" entry shows it, and it is not added twice
	assert.Equal(t, 20, h.table.Total())
	assert.Equal(t, "Selected statuses", h.table.filter.Selected)
	assert.Len(t, h.table.filter.Options, 3)
}

func TestTableSearchWaitsThenEscClears(t *testing.T) {
	// given a table over 250 orders
	h := newTblHarness(t, tblStore(t, tblOrders(250)))

	// when the user types an order number and stops typing
	test.Type(h.table.search, "CS00042")
	h.loop.RunOne(t) // the debounced report
	h.wait(t)

	// then only that order is listed
	assert.Equal(t, 1, h.table.Total())
	assert.Equal(t, "CS00042", h.firstID(t))

	// when Esc is pressed in the search box
	h.table.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.wait(t)

	// then the search is empty and everything is back
	assert.Empty(t, h.table.search.Text)
	assert.Equal(t, 250, h.table.Total())
}

func TestSearchEntryReportsOnceWhenTypingStops(t *testing.T) {
	// given a search box
	loop := uitest.NewLoop(t)
	test.NewTempApp(t)
	var got []string
	e := NewSearchEntry("Search", searchDelay, func(s string) { got = append(got, s) })

	// when a word is typed letter by letter
	test.Type(e, " 云备份 ")
	loop.RunOne(t)

	// then one search runs, for the whole word, trimmed
	assert.Equal(t, []string{"云备份"}, got)
	assert.Zero(t, loop.Pending(), "no second report is pending")
}

func TestTableSearchWithNoMatchSaysSo(t *testing.T) {
	// given a table over a few orders
	h := newTblHarness(t, tblStore(t, tblOrders(5)))

	// when the search matches nothing
	h.table.SetSearch("no-such-order")
	h.wait(t)

	// then the empty-state message explains what to do
	assert.Equal(t, 0, h.table.Total())
	assert.True(t, h.table.empty.Visible())
	assert.Contains(t, h.table.empty.Text, "Clear the search")
}

func TestTableSelectionReportsTheRecord(t *testing.T) {
	// given a table over 10 orders
	h := newTblHarness(t, tblStore(t, tblOrders(10)))

	// when the user selects the second row
	h.table.Select(1)

	// then the screen is told which order it is
	select {
	case o := <-h.selected:
		assert.Equal(t, "CS00008", o.ID)
	case <-time.After(5 * time.Second):
		t.Fatal("no selection reported")
	}
}

func TestTableHeaderTapReversesSort(t *testing.T) {
	// given a table sorted newest first
	h := newTblHarness(t, tblStore(t, tblOrders(40)))
	require.Equal(t, "CS00039", h.firstID(t))

	// when the "Created" header (the column it is sorted by) is tapped
	h.table.sortBy(2)
	h.wait(t)

	// then the oldest order comes first
	assert.Equal(t, "CS00000", h.firstID(t))

	// and a second tap restores newest first
	h.table.sortBy(2)
	h.wait(t)
	assert.Equal(t, "CS00039", h.firstID(t))
}

func TestTableReloadKeepsRowsAndPicksUpNewRecords(t *testing.T) {
	// given a table over 10 orders
	s := tblStore(t, tblOrders(10))
	h := newTblHarness(t, s)

	// when a sync adds an order and the screen reloads
	newer := tblOrders(11)[10]
	_, err := s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: []domain.Record{newer}})
	require.NoError(t, err)
	h.table.Reload()
	_, _, stillShown := h.table.Row(0)
	h.wait(t)

	// then the old rows stayed on screen meanwhile, and the new order is on top
	assert.True(t, stillShown)
	assert.Equal(t, 11, h.table.Total())
	assert.Equal(t, "CS00010", h.firstID(t))
}

func TestTableUpdateCellDoesNotAllocate(t *testing.T) {
	// given a table with its first page loaded
	h := newTblHarness(t, tblStore(t, tblOrders(50)))
	cell := newCellLabel().(*widget.Label)
	id := widget.TableCellID{Row: 3, Col: 2}
	h.table.updateCell(id, cell)

	// when the same cell is drawn again
	allocs := testing.AllocsPerRun(100, func() { h.table.updateCell(id, cell) })

	// then drawing it costs no allocation
	assert.Zero(t, allocs)
}

func TestTableReloadDropsTheHighlightWhenTheRecordMoves(t *testing.T) {
	// given a table with the second row selected
	s := tblStore(t, tblOrders(10))
	h := newTblHarness(t, s)
	h.table.Select(1)
	<-h.selected

	// when a reload finds the same record on the same row
	h.table.Reload()
	h.wait(t)

	// then it stays selected
	assert.Equal(t, "CS00008", h.table.selKey)

	// when a newer order pushes it one row down
	_, err := s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: []domain.Record{tblOrders(11)[10]}})
	require.NoError(t, err)
	h.table.Reload()
	h.wait(t)

	// then the highlight is dropped (not moved, which would scroll the list), and nobody is told of a new selection
	assert.Empty(t, h.table.selKey)
	assert.Empty(t, h.selected)
}
