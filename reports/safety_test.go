package reports

import (
	"context"
	"regexp"
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	hyperlinkSubject = `=HYPERLINK("http://example.com","x")`
	sumCustomer      = "@SUM(1+1)"
)

// formulaElement matches a cell formula in sheet XML.
var formulaElement = regexp.MustCompile(`<f[ >]`)

func TestCustomerTextNeverBecomesFormulaInXLSX(t *testing.T) {
	// given a ticket whose subject and customer look like formulas, and an
	// order whose buyer does
	dir := t.TempDir()
	tickets, orders := dir+"/tickets.xlsx", dir+"/orders.xlsx"
	opts := Options{Location: shanghai, Now: exportNow}

	// when both are exported to xlsx
	_, err := ExportTickets(context.Background(), tickets, FromSlice(sampleTickets()), opts)
	require.NoError(t, err)
	_, err = ExportOrders(context.Background(), orders, FromSlice(sampleOrders()), opts)
	require.NoError(t, err)

	// then the cells hold the text itself, as strings without formulas
	f := openBook(t, tickets)
	assert.Equal(t, hyperlinkSubject, text(t, f, "工单", "B2"))
	assert.Equal(t, sumCustomer, text(t, f, "工单", "C2"))
	g := openBook(t, orders)
	assert.Equal(t, sumCustomer, text(t, g, "订单", "E4"))
	assert.Equal(t, "=cmd|' /C calc'!A0", text(t, g, "订单", "G4"))
	// and no cell of any sheet of either workbook carries a formula
	for _, path := range []string{tickets, orders} {
		for name, part := range zipParts(t, path) {
			if regexp.MustCompile(`^xl/worksheets/.*\.xml$`).MatchString(name) {
				assert.NotRegexp(t, formulaElement, part, "%s %s", path, name)
			}
		}
	}
}

func TestCustomerTextIsNeutralisedInCSV(t *testing.T) {
	// given the same tickets and orders
	dir := t.TempDir()
	tickets, orders := dir+"/tickets.csv", dir+"/orders.csv"
	opts := Options{Format: FormatCSV, Location: shanghai, Now: exportNow}

	// when both are exported to CSV
	_, err := ExportTickets(context.Background(), tickets, FromSlice(sampleTickets()), opts)
	require.NoError(t, err)
	res, err := ExportOrders(context.Background(), orders, FromSlice(sampleOrders()), opts)
	require.NoError(t, err)

	// then formula-looking text gets a leading quote, plain text is untouched
	tr := readCSV(t, tickets)
	require.Len(t, tr, 3)
	assert.Equal(t, "'"+hyperlinkSubject, tr[1][1])
	assert.Equal(t, "'"+sumCustomer, tr[1][2])
	assert.Equal(t, "发票抬头需要修改", tr[2][1])
	or := readCSV(t, orders)
	require.Len(t, or, 1+res.Rows)
	assert.Equal(t, "订单号", or[0][0])
	assert.Equal(t, "'"+sumCustomer, or[3][4])
	assert.Equal(t, "'=cmd|' /C calc'!A0", or[3][6])
	// and the numbers we produce stay numbers, negative ones included
	assert.Equal(t, "12999.00", or[1][9])
	assert.Equal(t, "-12.50", or[4][16])
	assert.Equal(t, "2026-10-05 20:30:00", or[1][3])
}

func TestCSVText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+86 138", "'+86 138"},
		{"-2", "'-2"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "cmd"}, // the CR is dropped, nothing left to neutralise
		{" =1+4", "' =1+4"},
		{"\u3000+86", "'\u3000+86"},
		{"上海数智", "上海数智"},
		{"a=b", "a=b"},
		{"", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, csvText(c.in), "csvText(%q)", c.in)
	}
}

func TestControlCharactersKeepTheWorkbookValid(t *testing.T) {
	// given a ticket subject with characters XML 1.0 cannot carry
	tk := sampleTickets()[1]
	tk.Subject = "同步报错\x01\x0b请处理"
	path := outPath(t, "ctl.xlsx")

	// when it is exported
	_, err := ExportTickets(context.Background(), path, FromSlice([]domain.Ticket{tk}), Options{Now: exportNow})
	require.NoError(t, err)

	// then the workbook still parses and the text survives around a visible replacement
	f := openBook(t, path)
	assert.Equal(t, "同步报错\uFFFD\uFFFD请处理", text(t, f, "工单", "B2"))
}
