package reports

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// Number formats of the workbook.
const (
	dateTimeFormat = "yyyy-mm-dd hh:mm"
	hoursFormat    = "0.00"
	redFill        = "FFC7CE" // Excel's own "bad" fill
)

// currencySymbols gives the symbol used in the money number format; other
// currencies get their ISO code after the amount.
var currencySymbols = map[string]string{"CNY": "¥", "USD": "$", "EUR": "€"}

// moneyFormat is the custom number format for amounts in cur.
func moneyFormat(cur string) string {
	if sym, ok := currencySymbols[cur]; ok {
		return fmt.Sprintf(`"%s"#,##0.00;-"%s"#,##0.00`, sym, sym)
	}
	return fmt.Sprintf(`#,##0.00 "%s";-#,##0.00 "%s"`, cur, cur)
}

// styles creates the workbook's cell styles once and caches them.
type styles struct {
	f      *excelize.File
	header int
	bold   int
	date   int
	hours  int
	pct    int
	red    int
	cache  map[moneyKey]int // money styles by currency and highlight
	// cutCells counts text cells cut at maxCellChars, for the summary.
	cutCells int
}

// moneyKey names one money style; a struct key avoids formatting a string
// for every money cell of a 100k-row export.
type moneyKey struct {
	cur  string
	flag bool
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{f: f, cache: map[moneyKey]int{}}
	var err error
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.bold, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.date, excelize.Style{CustomNumFmt: strPtr(dateTimeFormat)}},
		{&st.hours, excelize.Style{CustomNumFmt: strPtr(hoursFormat)}},
		{&st.pct, excelize.Style{NumFmt: 10}}, // 0.00%
		{&st.red, excelize.Style{Fill: redPattern()}},
	}
	for _, d := range defs {
		if *d.dst, err = f.NewStyle(&d.s); err != nil {
			return nil, fmt.Errorf("create cell style: %w", err)
		}
	}
	return st, nil
}

func strPtr(s string) *string { return &s }

func redPattern() excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{redFill}}
}

// money returns the style for amounts in cur, red-filled when flagged.
func (st *styles) money(cur string, flag bool) (int, error) {
	key := moneyKey{cur, flag}
	if id, ok := st.cache[key]; ok {
		return id, nil
	}
	s := excelize.Style{CustomNumFmt: strPtr(moneyFormat(cur))}
	if flag {
		s.Fill = redPattern()
	}
	id, err := st.f.NewStyle(&s)
	if err != nil {
		return 0, fmt.Errorf("create money style: %w", err)
	}
	st.cache[key] = id
	return id, nil
}

// cell converts one row value to an excelize cell. Strings become inline
// strings: Cell.Formula is never set, so no text can turn into a formula.
func (st *styles) cell(v any, loc *time.Location) (excelize.Cell, error) {
	switch x := v.(type) {
	case nil:
		return excelize.Cell{}, nil
	case string:
		if x == "" { // an empty inline string would still be a cell; leave it blank
			return excelize.Cell{}, nil
		}
		x, cut := cutCell(cleanText(x))
		if cut {
			st.cutCells++
		}
		return excelize.Cell{Value: x}, nil
	case int:
		return excelize.Cell{Value: x}, nil
	case moneyVal:
		id, err := st.money(x.Currency, false)
		return excelize.Cell{StyleID: id, Value: x.Amount.Float()}, err
	case hoursVal:
		return excelize.Cell{StyleID: st.hours, Value: float64(x)}, nil
	case percentVal:
		return excelize.Cell{StyleID: st.pct, Value: float64(x)}, nil
	case time.Time:
		if x.IsZero() {
			return excelize.Cell{}, nil
		}
		return excelize.Cell{StyleID: st.date, Value: excelSerial(x, loc)}, nil
	case flagged:
		return st.flaggedCell(x.V, loc)
	}
	return excelize.Cell{}, fmt.Errorf("unsupported cell value %T", v)
}

func (st *styles) flaggedCell(v any, loc *time.Location) (excelize.Cell, error) {
	if m, ok := v.(moneyVal); ok {
		id, err := st.money(m.Currency, true)
		return excelize.Cell{StyleID: id, Value: m.Amount.Float()}, err
	}
	c, err := st.cell(v, loc)
	c.StyleID = st.red
	return c, err
}

// streamSheet is one data sheet written row by row with a StreamWriter:
// header frozen, autofilter over the data, fixed column widths.
type streamSheet struct {
	f     *excelize.File
	st    *styles
	sw    *excelize.StreamWriter
	name  string
	ncols int
	rows  int // data rows written
	loc   *time.Location
	buf   []any
}

func newStreamSheet(f *excelize.File, st *styles, name string, cols []column, lang Lang, loc *time.Location) (*streamSheet, error) {
	if _, err := f.NewSheet(name); err != nil {
		return nil, fmt.Errorf("add sheet %s: %w", name, err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("stream sheet %s: %w", name, err)
	}
	s := &streamSheet{f: f, st: st, sw: sw, name: name, ncols: len(cols), loc: loc, buf: make([]any, len(cols))}
	// Widths and panes must be set before the first row.
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, fmt.Errorf("sheet %s width: %w", name, err)
		}
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if err := sw.SetPanes(panes); err != nil {
		return nil, fmt.Errorf("sheet %s panes: %w", name, err)
	}
	head := make([]any, len(cols))
	for i, h := range heads(cols, lang) {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 20}); err != nil {
		return nil, fmt.Errorf("sheet %s header: %w", name, err)
	}
	return s, nil
}

// write appends one data row.
func (s *streamSheet) write(vals []any) error {
	for i := range s.buf {
		var v any
		if i < len(vals) {
			v = vals[i]
		}
		c, err := s.st.cell(v, s.loc)
		if err != nil {
			return fmt.Errorf("sheet %s row %d: %w", s.name, s.rows+2, err)
		}
		s.buf[i] = c
	}
	s.rows++
	ref, _ := excelize.CoordinatesToCellName(1, s.rows+1)
	if err := s.sw.SetRow(ref, s.buf); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", s.name, s.rows+1, err)
	}
	return nil
}

// finish adds the autofilter over header and data and ends the stream. The
// autofilter goes on the StreamWriter's own worksheet before Flush, which
// writes it after the sheet data.
func (s *streamSheet) finish() error {
	last, _ := excelize.CoordinatesToCellName(s.ncols, s.rows+1)
	if err := s.f.AutoFilter(s.name, "A1:"+last, nil); err != nil {
		return fmt.Errorf("sheet %s autofilter: %w", s.name, err)
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	return nil
}
