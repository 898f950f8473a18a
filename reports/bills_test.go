package reports

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
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
	settled := slices.Index(rows[0], "Settled amount")
	require.Positive(t, settled)
	assert.Equal(t, "2800.00", rows[2][settled])
	assert.Equal(t, []string{"2800.00", "Match"}, rows[2][settled+1:], "amount × share and the share check follow")
	assert.Equal(t, "Payment application rejected", rows[4][4])
}

func TestExportBills_FlagsALineSettledOffAmountTimesShare(t *testing.T) {
	// given the sandbox's bill whose lines add up but one of which settles
	// ¥20,000.00 × 75% as ¥16,000.00, next to a line settled right
	bills := []domain.Bill{{Meta: meta("BL-ERP"), Period: "2026-02", Type: domain.BillGeneral, Status: domain.BillPaid,
		Currency: "CNY", Amount: 1_600_000 + 700_000, Lines: []domain.BillLine{
			{ID: "BL-ERP-1", OrderID: "CS01", ProductName: "ERP 实施服务（SaaS 线下交付）", OrderAmount: 2_000_000, ShareRate: 0.75, Amount: 1_600_000},
			{ID: "BL-ERP-2", OrderID: "CS02", ProductName: "企业网盘标准版", OrderAmount: 1_000_000, ShareRate: 0.7, Amount: 700_000},
		}}}
	// and its transaction details, which agree with its lines
	var txs []domain.TransactionDetail
	for _, l := range bills[0].Lines {
		txs = append(txs, domain.TransactionDetail{Meta: meta("T" + l.ID), BillID: "BL-ERP", OrderID: l.OrderID,
			Amount: l.OrderAmount, SellerAmount: l.Amount, Status: domain.TxBilled})
	}
	path := outPath(t, "账单.xlsx")

	// when it is exported
	_, err := ExportBills(context.Background(), path, FromSlice(bills), FromSlice(txs), Options{Location: shanghai, Now: exportNow})
	require.NoError(t, err)
	f := openBook(t, path)

	// then the wrong line is flagged red with what it should have settled
	const lines = "账单明细"
	assert.Equal(t, "应结算(金额×比例)", text(t, f, lines, "K1"))
	assert.InDelta(t, 15_000.00, number(t, f, lines, "K2"), 1e-9)
	assert.Equal(t, "不一致", text(t, f, lines, "L2"))
	assert.Equal(t, redFill, fillColor(t, f, lines, "J2"))
	assert.Equal(t, redFill, fillColor(t, f, lines, "L2"))
	assert.Equal(t, "一致", text(t, f, lines, "L3"))
	assert.Equal(t, "", fillColor(t, f, lines, "J3"))

	// and the reconciliation sheet no longer calls the bill a match
	const sh = "对账"
	assert.InDelta(t, 0, number(t, f, sh, "F2"), 0, "its lines still add up")
	assert.InDelta(t, 0, number(t, f, sh, "I2"), 0, "and match its transaction details")
	assert.Equal(t, "不一致", text(t, f, sh, "J2"))
	assert.Equal(t, redFill, fillColor(t, f, sh, "J2"))
	assert.InDelta(t, 1, number(t, f, sh, "K2"), 0)
	assert.Equal(t, redFill, fillColor(t, f, sh, "K2"))
	assert.Equal(t, "BL-ERP-1", text(t, f, sh, "L2"))
}
