package reports

import (
	"context"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/koogallery/merchant-console/domain"
)

var billCols = []column{
	{phrase("Bill ID"), 20},
	{phrase("Period"), 9},
	{phrase("Bill type"), 12},
	{phrase("export|Generated"), 17},
	{phrase("Status"), 14},
	{phrase("Bill amount"), 15},
	{phrase("Currency"), 8},
	{phrase("export|Lines"), 8},
	{phrase("Lines total"), 15},
	{phrase("export|Payment application"), 20},
	{phrase("Status message"), 36},
}

var billLineCols = []column{
	{phrase("Bill ID"), 20},
	{phrase("Period"), 9},
	{phrase("Line ID"), 20},
	{phrase("Order ID"), 22},
	{phrase("Order line ID"), 26},
	{phrase("export|Product"), 30},
	{phrase("Charging mode"), 12},
	{phrase("Order amount"), 14},
	{phrase("Share rate"), 10},
	{phrase("Settled amount"), 14},
	{phrase("Amount × share"), 16},
	{phrase("Share check"), 10},
}

var reconCols = []column{
	{phrase("Bill ID"), 20},
	{phrase("Period"), 9},
	{phrase("Status"), 14},
	{phrase("Bill amount"), 15},
	{phrase("Lines total"), 15},
	{phrase("Bill minus lines"), 15},
	{phrase("Transactions total (seller)"), 20},
	{phrase("Transactions"), 11},
	{phrase("Bill minus transactions"), 17},
	{phrase("Result"), 10},
	{phrase("Lines off amount × share"), 14},
	{phrase("Lines off"), 30},
}

// Sheet names and words of the bills workbook.
var (
	billsTitle   = phrase("Bills export")
	billsSheet   = phrase("Bills")
	linesSheet   = phrase("Bill lines")
	reconSheet   = phrase("Reconciliation")
	reconMatch   = phrase("Match")
	reconDiffers = phrase("Mismatch")
)

// billCheck is what reconciliation keeps of one bill: a few numbers, not
// its lines.
type billCheck struct {
	id, period, status, cur string
	amount, lines           domain.Money
	offLines                int    // lines whose settlement is not amount × share
	offIDs                  string // the first maxOffIDs of them
}

// maxOffIDs is how many mismatched line IDs a reconciliation row names.
const maxOffIDs = 5

func newBillCheck(b domain.Bill, status string) billCheck {
	c := billCheck{id: b.ID, period: b.Period, status: status, cur: b.Currency, amount: b.Amount, lines: b.LinesTotal()}
	off := b.ShareMismatches()
	c.offLines = len(off)
	ids := make([]string, 0, min(len(off), maxOffIDs+1))
	for i, m := range off {
		if i == maxOffIDs {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, m.Line.ID)
	}
	c.offIDs = strings.Join(ids, ", ")
	return c
}

// txTotal is the sum of the transaction details billed to one bill.
type txTotal struct {
	seller domain.Money
	count  int
}

// ExportBills writes bills to path. In xlsx: a bills sheet, a bill-lines
// sheet, the transaction details billed to those bills (txs may hold every
// cached detail; others are skipped), a summary and a reconciliation sheet that
// sets each bill's amount against the sum of its lines and against the sum of
// the seller amounts of the transaction details carrying its bill ID, with
// differences filled red. txs may be nil. In CSV: one row per bill line
// (bill fields repeated), no reconciliation.
func ExportBills(ctx context.Context, path string, bills iter.Seq2[domain.Bill, error], txs iter.Seq2[domain.TransactionDetail, error], o Options) (Result, error) {
	o = o.withDefaults()
	res := Result{Path: path}
	err := writeAtomic(ctx, path, func(out *os.File) error {
		if o.Format == FormatCSV {
			return csvTable(ctx, out, path, bills, billsFlatTable, o, &res)
		}
		return xlsxBills(ctx, out, path, bills, txs, o, &res)
	})
	if err != nil {
		return Result{}, wrapKind("bills", err)
	}
	return res, nil
}

func billRow(c rowCtx, b domain.Bill) []any {
	return []any{b.ID, b.Period, BillTypeLabels.Get(c.lang, string(b.Type)), b.GeneratedAt, BillStatusLabels.Get(c.lang, string(b.Status)),
		money(b.Amount, b.Currency), b.Currency, len(b.Lines), money(b.LinesTotal(), b.Currency),
		b.PaymentAppNo, b.StatusMessage}
}

func billLineRow(c rowCtx, b domain.Bill, l domain.BillLine) []any {
	off := l.ShareDifference() != 0
	check := any(reconMatch.In(c.lang))
	if off {
		check = flagged{reconDiffers.In(c.lang)}
	}
	return []any{b.ID, b.Period, l.ID, l.OrderID, l.OrderLineID, l.ProductName,
		ChargingModeLabels.Get(c.lang, string(l.ChargingMode)), money(l.OrderAmount, b.Currency),
		percentVal(l.ShareRate), flagIf(off, money(l.Amount, b.Currency)),
		flagIf(off, money(l.ShareAmount(), b.Currency)), check}
}

// billsFlatTable is the CSV form: bill columns then line columns.
var billsFlatTable = table[domain.Bill]{
	kind: "bills",
	cols: append(append([]column{}, billCols...), billLineCols[2:]...),
	rows: func(c rowCtx, b domain.Bill, emit emitFunc) error {
		head := billRow(c, b)
		if len(b.Lines) == 0 {
			return emit(head...)
		}
		for _, l := range b.Lines {
			if err := emit(append(head[:len(head):len(head)], billLineRow(c, b, l)[2:]...)...); err != nil {
				return err
			}
		}
		return nil
	},
}

// billSheets are the streamed sheets of a bills workbook.
type billSheets struct {
	bills, lines, txs *streamSheet
}

func openBillSheets(f *excelize.File, st *styles, o Options) (billSheets, error) {
	var s billSheets
	var err error
	if s.bills, err = newStreamSheet(f, st, billsSheet.In(o.Lang), billCols, o.Lang, o.Location); err != nil {
		return s, err
	}
	if s.lines, err = newStreamSheet(f, st, linesSheet.In(o.Lang), billLineCols, o.Lang, o.Location); err != nil {
		return s, err
	}
	s.txs, err = newStreamSheet(f, st, txTable.sheet.In(o.Lang), txCols, o.Lang, o.Location)
	return s, err
}

func xlsxBills(ctx context.Context, out io.Writer, path string, bills iter.Seq2[domain.Bill, error], txs iter.Seq2[domain.TransactionDetail, error], o Options, res *Result) error {
	f, st, err := newWorkbook(o)
	if err != nil {
		return err
	}
	defer f.Close()
	sh, err := openBillSheets(f, st, o)
	if err != nil {
		return err
	}
	sum := newSummary(billsTitle, true)
	rc := o.rowCtx()
	var checks []billCheck
	err = drain(ctx, bills, o, res, func(b domain.Bill) error {
		sum.add(BillStatusLabels.Get(o.Lang, string(b.Status)), b.Period, b.Amount, b.Currency)
		checks = append(checks, newBillCheck(b, BillStatusLabels.Get(o.Lang, string(b.Status))))
		return writeBill(rc, sh, b, res)
	})
	if err != nil {
		return err
	}
	totals, err := streamTxs(ctx, txs, billIDs(checks), sh.txs, rc, o)
	if err != nil {
		return err
	}
	for _, s := range []*streamSheet{sh.bills, sh.lines, sh.txs} {
		if err := s.finish(); err != nil {
			return err
		}
	}
	if err := writeRecon(f, st, checks, totals, o); err != nil {
		return err
	}
	if err := writeSummary(f, st, sum, o); err != nil {
		return err
	}
	res.CutCells = st.cutCells
	return saveWorkbook(f, out, path)
}

func writeBill(c rowCtx, sh billSheets, b domain.Bill, res *Result) error {
	res.Rows++
	if err := sh.bills.write(billRow(c, b)); err != nil {
		return err
	}
	for _, l := range b.Lines {
		if err := sh.lines.write(billLineRow(c, b, l)); err != nil {
			return err
		}
	}
	return nil
}

func billIDs(checks []billCheck) map[string]bool {
	ids := make(map[string]bool, len(checks))
	for _, b := range checks {
		ids[b.id] = true
	}
	return ids
}

// streamTxs writes the transaction details billed to one of the exported
// bills and sums them per bill; the caller may pass every cached detail.
func streamTxs(ctx context.Context, txs iter.Seq2[domain.TransactionDetail, error], bills map[string]bool, sh *streamSheet, c rowCtx, o Options) (map[string]txTotal, error) {
	totals := map[string]txTotal{}
	if txs == nil {
		return totals, nil
	}
	var txRes Result
	o.Progress, o.Total = nil, 0 // progress follows the bills, the main records
	err := drain(ctx, txs, o, &txRes, func(t domain.TransactionDetail) error {
		if !bills[t.BillID] {
			return nil
		}
		tt := totals[t.BillID]
		tt.seller += t.SellerAmount
		tt.count++
		totals[t.BillID] = tt
		return sh.write(txRow(c, t))
	})
	return totals, err
}

// writeRecon writes one row per bill; any non-zero difference, a line
// settled off amount × share, and the result of such a bill are filled red.
func writeRecon(f *excelize.File, st *styles, checks []billCheck, totals map[string]txTotal, o Options) error {
	sh, err := newStreamSheet(f, st, reconSheet.In(o.Lang), reconCols, o.Lang, o.Location)
	if err != nil {
		return err
	}
	for _, b := range checks {
		tx := totals[b.id]
		dLines, dTx := b.amount-b.lines, b.amount-tx.seller
		result := any(reconMatch.In(o.Lang))
		if dLines != 0 || dTx != 0 || b.offLines != 0 {
			result = flagged{reconDiffers.In(o.Lang)}
		}
		row := []any{b.id, b.period, b.status, money(b.amount, b.cur), money(b.lines, b.cur),
			flagIf(dLines != 0, money(dLines, b.cur)), money(tx.seller, b.cur), tx.count,
			flagIf(dTx != 0, money(dTx, b.cur)), result,
			flagIf(b.offLines != 0, b.offLines), b.offIDs}
		if err := sh.write(row); err != nil {
			return err
		}
	}
	return sh.finish()
}

func flagIf(cond bool, v any) any {
	if cond {
		return flagged{v}
	}
	return v
}
