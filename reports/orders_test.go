package reports

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportOrdersXLSXReadsBack(t *testing.T) {
	// given three orders (four lines) and a Beijing-time reviewer
	path := outPath(t, "订单.xlsx")
	opts := Options{Location: shanghai, Account: "杭州云栖科技", Filter: "创建时间 2026-10-01 至 2026-11-30", Now: exportNow}

	// when they are exported
	res, err := ExportOrders(context.Background(), path, FromSlice(sampleOrders()), opts)

	// then every line is a row, with typed, formatted cells
	require.NoError(t, err)
	assert.Equal(t, Result{Path: path, Records: 3, Rows: 4}, res)
	f := openBook(t, path)
	assert.Equal(t, []string{"汇总", "订单"}, f.GetSheetList())
	const sh = "订单"
	assert.Equal(t, "订单号", text(t, f, sh, "A1"))
	assert.Equal(t, "商品名称", text(t, f, sh, "T1"))
	assert.Equal(t, "CS2610051200ABCD", text(t, f, sh, "A3"), "the second line repeats the order")
	assert.Equal(t, "新购", text(t, f, sh, "B2"))
	assert.Equal(t, "已完成", text(t, f, sh, "C2"))
	assert.Equal(t, "上海数智未来科技有限公司", text(t, f, sh, "E2"))
	assert.Equal(t, "安全加固实施服务", text(t, f, sh, "T3"))
	assert.Equal(t, "CS2611010730IJKL-000001", text(t, f, sh, "L5"))

	// money: numbers, two decimals, currency format
	assert.InDelta(t, 12999.00, number(t, f, sh, "J2"), 1e-9)
	assert.InDelta(t, 3000.00, number(t, f, sh, "Q3"), 1e-9)
	assert.InDelta(t, -12.50, number(t, f, sh, "Q5"), 1e-9)
	assert.Equal(t, `"¥"#,##0.00;-"¥"#,##0.00`, numFmt(t, f, sh, "J2"))
	assert.Equal(t, "¥12,999.00", value(t, f, sh, "J2"))

	// dates: real Excel dates, in the reviewer's zone
	assert.Equal(t, dateTimeFormat, numFmt(t, f, sh, "D2"))
	assert.InDelta(t, excelSerial(sampleOrders()[0].CreatedAt, shanghai), number(t, f, sh, "D2"), 1e-9)
	assert.Equal(t, "2026-10-05 20:30", value(t, f, sh, "D2"))
	assert.Equal(t, "2026-11-01 07:30", value(t, f, sh, "D5"), "23:30 UTC is the next morning in Beijing")
	assert.Equal(t, "", value(t, f, sh, "P3"), "a line without expiry leaves the cell empty")
	assert.InDelta(t, 10, number(t, f, sh, "U2"), 0)

	// review aids: frozen header, autofilter over the data, column widths
	panes, err := f.GetPanes(sh)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	assert.Equal(t, "A2", panes.TopLeftCell)
	assert.Contains(t, zipParts(t, path)["xl/worksheets/sheet2.xml"], `<autoFilter ref="$A$1:$U$5"`)
	width, err := f.GetColWidth(sh, "T")
	require.NoError(t, err)
	assert.Equal(t, 30.0, width)
}

func TestExportOrdersSummarySheet(t *testing.T) {
	// given the sample orders exported for a Beijing-time reviewer
	path := outPath(t, "orders.xlsx")
	opts := Options{Location: shanghai, Account: "杭州云栖科技", Filter: "状态: 全部", Now: exportNow}
	_, err := ExportOrders(context.Background(), path, FromSlice(sampleOrders()), opts)
	require.NoError(t, err)

	// when the summary sheet is read back
	f := openBook(t, path)
	const sh = "汇总"

	// then it names the export and totals per status and per Beijing month
	assert.Equal(t, "杭州云栖科技", text(t, f, sh, "B2"))
	assert.Equal(t, "2026-11-20 10:00:00", text(t, f, sh, "B3"))
	assert.Equal(t, "Asia/Shanghai", text(t, f, sh, "B4"))
	assert.Equal(t, "状态: 全部", text(t, f, sh, "B5"))
	assert.InDelta(t, 3, number(t, f, sh, "B6"), 0)
	assert.Equal(t, "金额 (CNY)", text(t, f, sh, "C9"))
	done := findRow(t, f, sh, "已完成", 0)
	assert.InDelta(t, 1, number(t, f, sh, cellRef(2, done)), 0)
	assert.InDelta(t, 12999.00, number(t, f, sh, cellRef(3, done)), 1e-9)
	month := findRow(t, f, sh, "按月", 0)
	oct := findRow(t, f, sh, "2026-10", month)
	nov := findRow(t, f, sh, "2026-11", month)
	assert.Equal(t, oct+1, nov, "months ascend")
	assert.InDelta(t, 2, number(t, f, sh, cellRef(2, oct)), 0)
	assert.InDelta(t, 12999.00+480.00, number(t, f, sh, cellRef(3, oct)), 1e-9)
	assert.InDelta(t, -12.50, number(t, f, sh, cellRef(3, nov)), 1e-9)
	assert.Equal(t, `"¥"#,##0.00;-"¥"#,##0.00`, numFmt(t, f, sh, cellRef(3, nov)))
	total := findRow(t, f, sh, "合计", nov-1)
	assert.InDelta(t, 12999.00+480.00-12.50, number(t, f, sh, cellRef(3, total)), 1e-9)

	// and the chart plots the monthly amounts
	parts := zipParts(t, path)
	chart, ok := parts["xl/charts/chart1.xml"]
	require.True(t, ok, "a chart part exists")
	assert.Contains(t, chart, "<f>&#39;汇总&#39;!$C$"+itoa(oct)+":$C$"+itoa(nov)+"</f>")
	assert.Contains(t, chart, "<f>&#39;汇总&#39;!$C$"+itoa(oct-1)+"</f>", "the series is named by its header cell")
	assert.Equal(t, 0, f.GetActiveSheetIndex(), "the workbook opens on the summary")
}

func TestExportOrdersEnglish(t *testing.T) {
	// given an English-speaking reviewer in UTC
	path := outPath(t, "orders-en.xlsx")
	opts := Options{Lang: LangEN, Location: time0UTC(), Now: exportNow}

	// when the orders are exported
	_, err := ExportOrders(context.Background(), path, FromSlice(sampleOrders()), opts)
	require.NoError(t, err)

	// then sheet names, headers and labels are English and dates are UTC
	f := openBook(t, path)
	assert.Equal(t, []string{"Summary", "Orders"}, f.GetSheetList())
	assert.Equal(t, "Order ID", text(t, f, "Orders", "A1"))
	assert.Equal(t, "New purchase", text(t, f, "Orders", "B2"))
	assert.Equal(t, "Periodic", text(t, f, "Orders", "M2"))
	assert.Equal(t, "2026-10-05 12:30", value(t, f, "Orders", "D2"))
	assert.Equal(t, "all", text(t, f, "Summary", "B5"), "no filter given")
}
