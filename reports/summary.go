package reports

import (
	"fmt"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/koogallery/merchant-console/domain"
)

// agg is a count and per-currency amounts.
type agg struct {
	count   int
	amounts map[string]domain.Money
}

func (a *agg) add(amount domain.Money, cur string) {
	a.count++
	if cur == "" {
		return
	}
	if a.amounts == nil {
		a.amounts = map[string]domain.Money{}
	}
	a.amounts[cur] += amount
}

// summary accumulates totals per status and per month while rows stream by;
// it holds one entry per distinct status and month, never the records.
type summary struct {
	title      phrase
	hasAmount  bool
	currencies []string
	byStatus   map[string]*agg
	byMonth    map[string]*agg
	total      agg
}

func newSummary(title phrase, hasAmount bool) *summary {
	return &summary{title: title, hasAmount: hasAmount, byStatus: map[string]*agg{}, byMonth: map[string]*agg{}}
}

// add counts one record. cur is empty for records without an amount.
func (s *summary) add(status, month string, amount domain.Money, cur string) {
	if !s.hasAmount {
		cur = ""
	}
	if cur != "" && !slices.Contains(s.currencies, cur) {
		s.currencies = append(s.currencies, cur)
	}
	for _, m := range []struct {
		tbl map[string]*agg
		key string
	}{{s.byStatus, status}, {s.byMonth, month}} {
		a := m.tbl[m.key]
		if a == nil {
			a = &agg{}
			m.tbl[m.key] = a
		}
		a.add(amount, cur)
	}
	s.total.add(amount, cur)
}

// monthOf is the calendar month of t in loc, as "2006-01".
func monthOf(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(loc).Format("2006-01")
}

// Words of the summary sheet.
var (
	sumSheet    = phrase("Summary")
	sumAccount  = phrase("export|Account")
	sumExported = phrase("Exported at")
	sumZone     = phrase("Time zone")
	sumFilter   = phrase("Filter")
	sumRecords  = phrase("Records")
	sumCutCells = phrase("Cells cut at the length limit")
	sumByStatus = phrase("By status")
	sumByMonth  = phrase("By month")
	sumStatus   = phrase("Status")
	sumMonth    = phrase("Month")
	sumCount    = phrase("Count")
	sumAmount   = phrase("Amount")
	sumTotal    = phrase("Total")
	sumAll      = phrase("all")
	sumChart    = phrase("Amount per month")
	sumChartCnt = phrase("Count per month")
)

// summaryWriter lays the summary sheet out top to bottom with the ordinary
// (non-streaming) API: it is small, and the chart needs it.
type summaryWriter struct {
	f    *excelize.File
	st   *styles
	name string
	lang Lang
	row  int
}

func (w *summaryWriter) put(vals ...any) error {
	w.row++
	for i, v := range vals {
		ref, _ := excelize.CoordinatesToCellName(i+1, w.row)
		c, err := w.st.cell(v, time.UTC)
		if err != nil {
			return err
		}
		if c.Value == nil {
			continue
		}
		// SetCellStr for text keeps it text; SetCellValue would still not
		// make a formula, but there is no reason to let it guess.
		if s, ok := c.Value.(string); ok {
			err = w.f.SetCellStr(w.name, ref, s)
		} else {
			err = w.f.SetCellValue(w.name, ref, c.Value)
		}
		if err == nil && c.StyleID != 0 {
			err = w.f.SetCellStyle(w.name, ref, ref, c.StyleID)
		}
		if err != nil {
			return fmt.Errorf("summary %s: %w", ref, err)
		}
	}
	return nil
}

func (w *summaryWriter) bold(from, to int) error {
	a, _ := excelize.CoordinatesToCellName(from, w.row)
	b, _ := excelize.CoordinatesToCellName(to, w.row)
	return w.f.SetCellStyle(w.name, a, b, w.st.header)
}

// writeSummary fills the first sheet: export facts, totals per status and
// per month, and a column chart of the monthly amounts (or counts).
func writeSummary(f *excelize.File, st *styles, s *summary, o Options) error {
	w := &summaryWriter{f: f, st: st, name: sumSheet.In(o.Lang), lang: o.Lang}
	filter := o.Filter
	if filter == "" {
		filter = sumAll.In(o.Lang)
	}
	facts := [][2]any{
		{sumAccount.In(o.Lang), o.Account},
		{sumExported.In(o.Lang), o.Now},
		{sumZone.In(o.Lang), o.Location.String()},
		{sumFilter.In(o.Lang), filter},
		{sumRecords.In(o.Lang), s.total.count},
	}
	if st.cutCells > 0 { // counted while the data sheets were written, before this one
		facts = append(facts, [2]any{sumCutCells.In(o.Lang), st.cutCells})
	}
	if err := w.put(s.title.In(o.Lang)); err != nil {
		return err
	}
	if err := w.bold(1, 1); err != nil {
		return err
	}
	for _, fct := range facts {
		v := fct[1]
		if t, ok := v.(time.Time); ok { // the summary shows the export time in the user's zone
			v = t.In(o.Location).Format(csvDateLayout)
		}
		if err := w.put(fct[0], v); err != nil {
			return err
		}
	}
	w.row++
	if _, _, err := w.table(s, sumByStatus, sumStatus, s.byStatus, false); err != nil {
		return err
	}
	w.row++
	first, last, err := w.table(s, sumByMonth, sumMonth, s.byMonth, true)
	if err != nil {
		return err
	}
	if err := w.widths(s); err != nil {
		return err
	}
	if last >= first {
		return w.chart(s, first, last)
	}
	return nil
}

// table writes one breakdown and returns its first and last data rows.
func (w *summaryWriter) table(s *summary, title, keyHead phrase, m map[string]*agg, byKey bool) (int, int, error) {
	if err := w.put(title.In(w.lang)); err != nil {
		return 0, 0, err
	}
	head := []any{keyHead.In(w.lang), sumCount.In(w.lang)}
	for _, c := range s.currencies {
		head = append(head, fmt.Sprintf("%s (%s)", sumAmount.In(w.lang), c))
	}
	if err := w.put(head...); err != nil {
		return 0, 0, err
	}
	if err := w.bold(1, len(head)); err != nil {
		return 0, 0, err
	}
	keys := sortedKeys(m, byKey)
	first := w.row + 1
	for _, k := range keys {
		if err := w.put(w.aggRow(s, k, m[k])...); err != nil {
			return 0, 0, err
		}
	}
	last := w.row
	if err := w.put(w.aggRow(s, sumTotal.In(w.lang), &s.total)...); err != nil {
		return 0, 0, err
	}
	return first, last, w.bold(1, 1)
}

func (w *summaryWriter) aggRow(s *summary, key string, a *agg) []any {
	row := []any{key, a.count}
	for _, c := range s.currencies {
		row = append(row, money(a.amounts[c], c))
	}
	return row
}

// sortedKeys orders months ascending, statuses by count then name.
func sortedKeys(m map[string]*agg, byKey bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if !byKey && m[a].count != m[b].count {
			return m[b].count - m[a].count
		}
		if a < b {
			return -1
		}
		if a > b {
			return 1
		}
		return 0
	})
	return keys
}

func (w *summaryWriter) widths(s *summary) error {
	if err := w.f.SetColWidth(w.name, "A", "A", 22); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(2 + max(1, len(s.currencies)))
	return w.f.SetColWidth(w.name, "B", last, 18)
}

// noVary keeps one colour per series instead of one per bar.
var noVary = false

// chart plots one series per currency over the month rows; without amounts
// it plots the counts.
func (w *summaryWriter) chart(s *summary, first, last int) error {
	quoted := "'" + w.name + "'!"
	cats := fmt.Sprintf("%s$A$%d:$A$%d", quoted, first, last)
	var series []excelize.ChartSeries
	title := sumChart
	if len(s.currencies) == 0 {
		title = sumChartCnt
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s$B$%d", quoted, first-1), Categories: cats,
			Values: fmt.Sprintf("%s$B$%d:$B$%d", quoted, first, last)})
	}
	for i := range s.currencies { // one amount column per currency, named by its header cell
		col, _ := excelize.ColumnNumberToName(3 + i)
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s$%s$%d", quoted, col, first-1), Categories: cats,
			Values: fmt.Sprintf("%s$%s$%d:$%s$%d", quoted, col, first, col, last)})
	}
	anchor, _ := excelize.ColumnNumberToName(4 + len(s.currencies))
	return w.f.AddChart(w.name, anchor+"2", &excelize.Chart{
		Type:       excelize.Col,
		Series:     series,
		VaryColors: &noVary,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title.In(w.lang)}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 640, Height: 320},
	})
}
