package widgets

import (
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// revealPages bounds the search for a record to reveal: a record further
// down than MaxPages pages is shown in the detail pane only.
const revealPages = MaxPages

// reveal is a found record waiting for its row to exist (the count of the
// new query had not arrived when it was found).
type reveal struct {
	gen uint64
	row int
	key string
}

// Reveal selects the record with key in the list and scrolls to it, as
// opening a record from a notification or a card should show where it is.
// OnSelect is not called: the caller shows the record already. The row is
// looked up off Fyne's goroutine in the current query's order; when the
// query changes meanwhile, or the record is not among the first
// revealPages pages, nothing is selected.
func (t *Table[T]) Reveal(key string) {
	if t.cfg.Key == nil || key == "" {
		return
	}
	q := t.query()
	t.pager.mu.Lock()
	gen := t.pager.gen
	t.pager.mu.Unlock()
	t.reveals.Add(1)
	go func() {
		defer t.reveals.Done()
		if row, ok := t.findRow(q, key); ok {
			kit.Do(func() { t.selectRevealed(reveal{gen: gen, row: row, key: key}) })
		}
	}()
}

// findRow pages through q until the record with key turns up.
func (t *Table[T]) findRow(q localstore.Query, key string) (int, bool) {
	for page := range revealPages {
		if t.pager.isStopped() {
			return 0, false
		}
		q.Offset, q.Limit = page*PageSize, PageSize
		items, _, err := t.pager.fetch(q)
		if err != nil {
			return 0, false
		}
		for i, it := range items {
			if t.cfg.Key(it) == key {
				return page*PageSize + i, true
			}
		}
		if len(items) < PageSize {
			return 0, false
		}
	}
	return 0, false
}

// selectRevealed highlights the found row if the query is still the one it
// was found in; before the row count is known it waits for apply.
func (t *Table[T]) selectRevealed(r reveal) {
	t.pager.mu.Lock()
	gen, total, known := t.pager.gen, t.pager.total, t.pager.known
	t.pager.mu.Unlock()
	t.pending = nil
	if gen != r.gen {
		return
	}
	if !known || r.row >= total {
		t.pending = &r
		return
	}
	t.selKey, t.selRow = r.key, r.row
	t.quiet = true
	t.table.Select(widget.TableCellID{Row: r.row, Col: 0})
	t.quiet = false
}

// Selected is the key of the highlighted record, "" when none.
func (t *Table[T]) Selected() string { return t.selKey }
