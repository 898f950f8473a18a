package reports

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportBillsReconciliation(t *testing.T) {
	// given three bills: one adds up, one whose lines fall 1 yuan short, one
	// whose transaction details fall 50 yuan short
	bills, txs := sampleBills()
	path := outPath(t, "账单.xlsx")

	// when they are exported with the transaction details
	res, err := ExportBills(context.Background(), path, FromSlice(bills), FromSlice(txs), Options{Location: shanghai, Now: exportNow})

	// then the workbook has its sheets in order
	require.NoError(t, err)
	assert.Equal(t, 3, res.Records)
	f := openBook(t, path)
	assert.Equal(t, []string{"汇总", "账单", "账单明细", "交易明细", "对账"}, f.GetSheetList())
	assert.Equal(t, "B-OK", text(t, f, "账单", "A2"))
	assert.Equal(t, "通用商品账单", text(t, f, "账单", "C2"))
	assert.InDelta(t, 7000.00, number(t, f, "账单", "F2"), 1e-9)
	assert.InDelta(t, 2, number(t, f, "账单", "H2"), 0)
	assert.Equal(t, "L4", text(t, f, "账单明细", "C5"))
	assert.InDelta(t, 0.7, number(t, f, "账单明细", "I2"), 1e-9)
	assert.Equal(t, "builtin:10", numFmt(t, f, "账单明细", "I2"), "share rate as a percentage")
	rows, err := f.GetRows("交易明细")
	require.NoError(t, err)
	assert.Len(t, rows, 1+4, "only details billed to these bills; the unbilled T5 is left out")
	assert.Equal(t, "T4", text(t, f, "交易明细", "A5"))

	// and the reconciliation sheet sets each bill against its lines and details
	const sh = "对账"
	type want struct {
		row                            string
		amount, lines, dLines, tx, dTx float64
		txCount                        float64
		result                         string
	}
	for _, w := range []want{
		{"2", 7000, 7000, 0, 7000, 0, 2, "一致"},
		{"3", 3500, 3499, 1, 3500, 0, 1, "不一致"},
		{"4", 1400, 1400, 0, 1350, 50, 1, "不一致"},
	} {
		assert.InDelta(t, w.amount, number(t, f, sh, "D"+w.row), 1e-9, "row %s amount", w.row)
		assert.InDelta(t, w.lines, number(t, f, sh, "E"+w.row), 1e-9, "row %s lines", w.row)
		assert.InDelta(t, w.dLines, number(t, f, sh, "F"+w.row), 1e-9, "row %s lines diff", w.row)
		assert.InDelta(t, w.tx, number(t, f, sh, "G"+w.row), 1e-9, "row %s tx", w.row)
		assert.InDelta(t, w.txCount, number(t, f, sh, "H"+w.row), 0, "row %s tx count", w.row)
		assert.InDelta(t, w.dTx, number(t, f, sh, "I"+w.row), 1e-9, "row %s tx diff", w.row)
		assert.Equal(t, w.result, text(t, f, sh, "J"+w.row))
		assert.Equal(t, `"¥"#,##0.00;-"¥"#,##0.00`, numFmt(t, f, sh, "F"+w.row))
	}
	// differences, and only differences, are filled red
	assert.Equal(t, "", fillColor(t, f, sh, "F2"))
	assert.Equal(t, "", fillColor(t, f, sh, "J2"))
	assert.Equal(t, redFill, fillColor(t, f, sh, "F3"))
	assert.Equal(t, "", fillColor(t, f, sh, "I3"))
	assert.Equal(t, redFill, fillColor(t, f, sh, "J3"))
	assert.Equal(t, "", fillColor(t, f, sh, "F4"))
	assert.Equal(t, redFill, fillColor(t, f, sh, "I4"))

	// and the summary counts bills per status and per period
	nov := findRow(t, f, "汇总", "2026-10", findRow(t, f, "汇总", "按月", 0))
	assert.InDelta(t, 2, number(t, f, "汇总", cellRef(2, nov)), 0)
	assert.InDelta(t, 4900.00, number(t, f, "汇总", cellRef(3, nov)), 1e-9)
}

func TestExportBillsCSVFlattensLines(t *testing.T) {
	// given the sample bills
	bills, _ := sampleBills()
	path := outPath(t, "bills.csv")

	// when they are exported to CSV without transactions
	res, err := ExportBills(context.Background(), path, FromSlice(bills), nil, Options{Format: FormatCSV, Lang: LangEN})

	// then each bill line is one row carrying its bill's fields
	require.NoError(t, err)
	rows := readCSV(t, path)
	require.Len(t, rows, 1+4)
	assert.Equal(t, 4, res.Rows)
	assert.Equal(t, []string{"Bill ID", "Period", "Bill type"}, rows[0][:3])
	assert.Equal(t, "Order ID", rows[0][12])
	assert.Equal(t, []string{"B-OK", "2026-09", "General goods bill"}, rows[2][:3])
	assert.Equal(t, "L2", rows[2][11])
	assert.Equal(t, "2800.00", rows[2][len(rows[2])-1])
	assert.Equal(t, "Payment application rejected", rows[4][4])
}
