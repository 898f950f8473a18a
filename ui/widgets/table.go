package widgets

// Table is the one list widget every screen uses: orders, supervision tasks,
// tickets, alerts, bills and transactions all declare their columns as data
// and hand the table a way to fetch one page of records.
//
// How a screen uses it:
//
//	tbl := NewTable(TableConfig[domain.Ticket]{
//		Columns: []Column[domain.Ticket]{
//			{ID: "id", Label: lang.L("Ticket"), Width: 140, Text: func(t domain.Ticket) string { return t.ID }},
//			{ID: "created", Label: lang.L("Created"), Width: 140, Sortable: true, Sort: localstore.SortTime,
//				Text: func(t domain.Ticket) string { return kit.FormatDateTime(t.CreatedAt) }},
//		},
//		Filters: []FilterOption{{Label: lang.L("Pending acceptance"), Statuses: []string{"PENDING_ACCEPT"}}},
//		Fetch:   StoreFetch[domain.Ticket](backend.Store), // or your own func(localstore.Query) ([]T, int, error)
//		Key:     func(t domain.Ticket) string { return t.ID },
//		OnSelect: func(t domain.Ticket) { detail.load(t) },
//	})
//	defer tbl.Close()           // stops its loader goroutine when the screen goes away
//	content := tbl              // a widget: toolbar (search, status filter, count) above the table
//	tbl.Reload()                // after a sync: fetches again, keeps showing rows meanwhile
//	tbl.SetStatuses([]string{"PENDING_ACCEPT"}) // from an overview card
//	tbl.FocusSearch(win)        // Ctrl+F
//
// How it stays smooth at 100k rows: widget.Table only asks for visible cells.
// The table keeps pages of PageSize rows as pre-formatted strings; a cell
// whose page is loaded is filled from that slice (no allocation, no query).
// A missing page is queued for the loader goroutine, which runs
// localstore.List with Offset/Limit, formats the rows off the UI goroutine
// and applies them with one fyne.Do. The newest request is served first, so
// a fast scroll never waits behind pages it has already left. A filter,
// search or sort change bumps a generation counter and stale pages are
// dropped on arrival. Only MaxPages pages are kept; the farthest go first.
//
// Methods must be called on Fyne's goroutine, like any widget's.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Column declares one column of a Table.
type Column[T any] struct {
	ID    string  // stable name, used in tests and saved layouts
	Label string  // header text, already translated: lang.L("Created")
	Width float32 // in Fyne units; 0 means 120
	// MinWidth is kept when the list is narrower than its columns (a
	// ticket's subject); 0 lets the column shrink like the others.
	MinWidth float32
	// Sortable columns sort by Sort when their header is tapped; the store
	// sorts, so only its keys (time, updated, deadline, amount) are offered.
	Sortable bool
	Sort     localstore.SortKey
	// Text formats the cell. It runs on the loader goroutine, once per row
	// loaded, never while drawing.
	Text func(T) string
}

// FilterOption is one entry of the status filter: a label and the statuses
// it keeps. Composite entries ("waiting for me") list several statuses.
type FilterOption struct {
	Label    string
	Statuses []string
}

// Fetcher returns one page of records matching q (q.Offset, q.Limit) and the
// number of matches in all. It runs on the table's loader goroutine.
type Fetcher[T any] func(q localstore.Query) ([]T, int, error)

// TableConfig is everything a screen declares about its table.
type TableConfig[T any] struct {
	Columns []Column[T]
	// Filters are the status filter's entries after "All"; none hides it.
	Filters []FilterOption
	Fetch   Fetcher[T]
	// Key identifies a record; it keeps the selection across reloads.
	Key func(T) string
	// OnSelect is called on Fyne's goroutine when the user picks a row.
	OnSelect func(T)
	// Importance optionally colours a whole row (danger for an alert about
	// to unsubscribe an order). It runs on the loader goroutine.
	Importance func(T) widget.Importance
	// Prepare lets a screen add its own filters (dates, customer) to the
	// query; it is called on Fyne's goroutine before every load.
	Prepare func(q *localstore.Query)
	// Sort and Desc are the initial order (default: newest first by time).
	Sort localstore.SortKey
	Desc bool
	// SearchHint is the search box placeholder; default "Search".
	SearchHint string
	// Toolbar holds extra controls shown after the filter (export button...).
	Toolbar []fyne.CanvasObject
	// OnLoaded, if set, is called on Fyne's goroutine after each page or
	// count is applied; tests wait on it.
	OnLoaded func()
	// OnError reports a failed load (the table shows a message row too).
	OnError func(error)
	// OnSelectionChanged is called on Fyne's goroutine with the picked
	// records whenever the multi-selection changes (Ctrl/Shift-click, Pick).
	OnSelectionChanged func([]T)
}

// Paging sizes.
const (
	PageSize = 100
	MaxPages = 40 // 4,000 rows held at most
)

// StoreFetch is the usual Fetcher: localstore.List on the current account's
// store. store may return nil (no account open): the table is then empty.
func StoreFetch[T domain.Record](store func() *localstore.Store) Fetcher[T] {
	return func(q localstore.Query) ([]T, int, error) {
		s := store()
		if s == nil {
			return nil, 0, nil
		}
		return localstore.List[T](s, q)
	}
}
