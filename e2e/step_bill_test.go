package e2e

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/service"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// billPeriod is the month whose bill the scenario waits for.
const billPeriod = "2026-11"

// billFor finds the cached bill of a period.
func billFor(t *testing.T, c *console, period string) (domain.Bill, bool) {
	t.Helper()
	for _, b := range scanAll[domain.Bill](t, c.store) {
		if b.Period == period {
			return b, true
		}
	}
	return domain.Bill{}, false
}

// billedTo sums the seller amounts of the cached transaction details that
// carry a bill's ID, as a reviewer would add them up.
func billedTo(t *testing.T, c *console, billID string) (domain.Money, int) {
	t.Helper()
	var sum domain.Money
	n := 0
	for _, tx := range scanAll[domain.TransactionDetail](t, c.store) {
		if tx.BillID == billID {
			require.Equal(t, domain.TxBilled, tx.Status, "transaction %s", tx.ID)
			sum += tx.SellerAmount
			n++
		}
	}
	return sum, n
}

// monthlyBill: past 20:00 on the 3rd (Beijing time) November's bill
// appears; the console syncs it and its transaction details, exports the
// bills workbook, and the workbook's reconciliation sheet, read back, agrees
// with the cache: no difference flagged, totals equal to the cache's sums.
func (d *day) monthlyBill(t *testing.T) {
	a, sb := d.a, d.w.sb
	// given no bill for November yet
	a.mustSync(t)
	_, ok := billFor(t, a, billPeriod)
	require.False(t, ok, "November's bill must not exist before the 3rd")
	a.centre.take()

	// when the clock passes 3 December 20:00 Beijing time and the console syncs
	billTime := time.Date(2026, 12, 3, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	require.True(t, d.w.now().Before(billTime), "earlier steps ran past the bill day")
	sb.Advance(billTime.Sub(d.w.now()) + time.Hour)
	a.mustSync(t)

	// then the bill is cached, its lines add up, every one of its
	// transaction details is cached and billed, and the merchant is told
	// to invoice it, once
	bill, ok := billFor(t, a, billPeriod)
	require.True(t, ok, "November's bill after the 3rd")
	assertConverged(t, a, domain.ResBills, domain.ResTransactions)
	require.NotEmpty(t, bill.Lines)
	assert.Equal(t, bill.Amount, bill.LinesTotal())
	txSum, txCount := billedTo(t, a, bill.ID)
	require.Positive(t, txCount)
	assert.Equal(t, bill.Amount, txSum, "bill amount equals its transactions' seller amounts")
	assert.Equal(t, domain.BillPendingInvoice, bill.Status, "a new bill waits for the merchant's invoice")
	assert.Len(t, ofKind(a.centre.take(), notify.KindBillInvoice, bill.ID), 1)
	a.mustSync(t)
	assert.Empty(t, ofKind(a.centre.take(), notify.KindBillInvoice, bill.ID), "told once")

	// when the bills are exported from the cache as the Exports screen does
	path := filepath.Join(t.TempDir(), "bills.xlsx")
	res, err := a.svc.Export(context.Background(), shopAccount, service.ExportRequest{
		Kind: domain.ResBills, Format: reports.FormatXLSX, Lang: reports.LangEN, Location: time.UTC, Out: path})
	require.NoError(t, err)
	require.Equal(t, path, res.Path)
	facts := summaryFacts(t, path)
	assert.Equal(t, "UTC", facts["Time zone"])
	assert.Equal(t, "all", facts["Filter"])
	assert.Equal(t, shopAccount, facts["Account"])
	bills := scanAll[domain.Bill](t, a.store)
	assert.Equal(t, len(bills), res.Rows)

	// then the reconciliation sheet, read back, matches the cache bill by bill
	rows := reconRows(t, path)
	require.Len(t, rows, len(bills), "one reconciliation row per bill")
	row, ok := rows[bill.ID]
	require.True(t, ok, "bill %s on the reconciliation sheet", bill.ID)
	assert.Equal(t, billPeriod, row.period)
	assert.InDelta(t, bill.Amount.Float(), row.amount, 0.001)
	assert.InDelta(t, bill.LinesTotal().Float(), row.lines, 0.001)
	assert.InDelta(t, txSum.Float(), row.txTotal, 0.001, "transactions total equals the cache's sum")
	assert.Equal(t, txCount, row.txCount)

	// and the workbook's transaction sheet lists exactly the bill's cached
	// details with their seller amounts
	sheetTxs := workbookTxs(t, path, bill.ID)
	cachedTxs := map[string]float64{}
	for _, tx := range scanAll[domain.TransactionDetail](t, a.store) {
		if tx.BillID == bill.ID {
			cachedTxs[tx.ID] = tx.SellerAmount.Float()
		}
	}
	require.Len(t, sheetTxs, len(cachedTxs))
	for id, amount := range cachedTxs {
		assert.InDelta(t, amount, sheetTxs[id], 0.001, "transaction %s", id)
	}
	for _, b := range bills {
		r := rows[b.ID]
		sum, _ := billedTo(t, a, b.ID)
		// a line settled off amount × share is flagged, the only difference
		// the sandbox's bills can have
		off := len(b.ShareMismatches())
		assert.Equal(t, off, r.offLines, "bill %s: lines off amount × share", b.ID)
		want := "Match"
		if off > 0 {
			want = "Mismatch"
		}
		assert.Equal(t, want, r.result, "bill %s (%s)", b.ID, b.Period)
		assert.Zero(t, r.diffLines, "bill %s: bill minus lines", b.ID)
		assert.Zero(t, r.diffTx, "bill %s: bill minus transactions", b.ID)
		assert.InDelta(t, sum.Float(), r.txTotal, 0.001, "bill %s: transactions total", b.ID)
	}
}

// reconRow is one reconciliation line as a reviewer reads it in the workbook.
type reconRow struct {
	period, result                            string
	amount, lines, diffLines, txTotal, diffTx float64
	txCount, offLines                         int
}

// reconRows reads the English reconciliation sheet back with excelize,
// keyed by bill ID, from the raw cell values (not the formatted text).
func reconRows(t *testing.T, path string) map[string]reconRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer func() { require.NoError(t, f.Close()) }()
	rows, err := f.GetRows("Reconciliation", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	require.Equal(t, []string{"Bill ID", "Period", "Status", "Bill amount", "Lines total", "Bill minus lines",
		"Transactions total (seller)", "Transactions", "Bill minus transactions", "Result",
		"Lines off amount × share", "Lines off"}, rows[0])
	out := map[string]reconRow{}
	for _, r := range rows[1:] {
		require.GreaterOrEqual(t, len(r), 11, "reconciliation row %v (an empty last cell is not read)", r)
		num := func(i int) float64 {
			v, err := strconv.ParseFloat(r[i], 64)
			require.NoError(t, err, "column %s of bill %s", rows[0][i], r[0])
			return v
		}
		out[r[0]] = reconRow{period: r[1], result: r[9], amount: num(3), lines: num(4), diffLines: num(5),
			txTotal: num(6), txCount: int(num(7)), diffTx: num(8), offLines: int(num(10))}
	}
	return out
}

// workbookTxs reads the transaction-details sheet back: seller amount by
// transaction ID, for the rows of one bill.
func workbookTxs(t *testing.T, path, billID string) map[string]float64 {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer func() { require.NoError(t, f.Close()) }()
	rows, err := f.GetRows("Transactions", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	require.Equal(t, "Transaction ID", rows[0][0])
	require.Equal(t, "Bill ID", rows[0][1])
	require.Equal(t, "Seller amount", rows[0][9])
	out := map[string]float64{}
	for _, r := range rows[1:] {
		if len(r) < 10 || r[1] != billID {
			continue
		}
		v, err := strconv.ParseFloat(r[9], 64)
		require.NoError(t, err, "seller amount of %s", r[0])
		out[r[0]] = v
	}
	return out
}

// summaryFacts reads the label → value pairs at the top of the English
// summary sheet.
func summaryFacts(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer func() { require.NoError(t, f.Close()) }()
	rows, err := f.GetRows("Summary")
	require.NoError(t, err)
	facts := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			facts[r[0]] = r[1]
		}
	}
	return facts
}
