package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// BenchmarkTableLoadPage100k measures what a scroll into an unloaded part
// of a 100k-order list costs the loader goroutine: one localstore page at a
// deep offset, formatted into cell strings.
func BenchmarkTableLoadPage100k(b *testing.B) {
	s := tblStore(b, tblOrders(100_000))
	tbl := &Table[domain.Order]{cfg: TableConfig[domain.Order]{Columns: []Column[domain.Order]{
		{ID: "id", Text: func(o domain.Order) string { return o.ID }},
		{ID: "status", Text: func(o domain.Order) string { return string(o.Status) }},
		{ID: "created", Text: func(o domain.Order) string { return kit.FormatDateTime(o.CreatedAt) }},
		{ID: "amount", Text: func(o domain.Order) string { return kit.FormatMoney(o.Amount, o.Currency) }},
	}}}
	tbl.pager.init(StoreFetch[domain.Order](func() *localstore.Store { return s }), tbl.format)
	q := localstore.Query{Sort: localstore.SortTime, Desc: true}
	b.ResetTimer()
	for b.Loop() {
		res := tbl.pager.load(500, 1, q) // rows 50,000–50,099
		if res.err != nil {
			b.Fatal(res.err)
		}
	}
}

// BenchmarkTableUpdateCell is the per-cell cost while scrolling loaded rows.
func BenchmarkTableUpdateCell(b *testing.B) {
	test.NewTempApp(b)
	tbl := &Table[domain.Order]{cfg: TableConfig[domain.Order]{Columns: []Column[domain.Order]{
		{ID: "id", Text: func(o domain.Order) string { return o.ID }},
	}}}
	tbl.pager.init(nil, tbl.format)
	rows, imp := tbl.format(orderValues(tblOrders(PageSize)))
	tbl.pager.pages[0] = &tablePage[domain.Order]{gen: 0, rows: rows, imp: imp}
	cell := newCellLabel().(*widget.Label)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		tbl.updateCell(widget.TableCellID{Row: i % PageSize, Col: 0}, cell)
	}
}

func orderValues(recs []domain.Record) []domain.Order {
	out := make([]domain.Order, len(recs))
	for i, r := range recs {
		out[i] = r.(domain.Order)
	}
	return out
}
