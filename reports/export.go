package reports

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/koogallery/merchant-console/domain"
)

// rowCtx is what row functions need besides the record.
type rowCtx struct {
	lang Lang
	loc  *time.Location
	now  time.Time
	cur  string // default currency
}

// emitFunc receives one row of cell values.
type emitFunc func(vals ...any) error

// table describes how one record type becomes rows and summary entries.
type table[T any] struct {
	kind      string // for error messages: "orders"
	title     phrase // summary title
	sheet     phrase // data sheet name
	cols      []column
	hasAmount bool
	rows      func(c rowCtx, rec T, emit emitFunc) error
	// sum returns the record's status label, month, amount and currency.
	sum func(c rowCtx, rec T) (status, month string, amount domain.Money, cur string)
}

// exportTable runs a single-table export to path.
func exportTable[T any](ctx context.Context, path string, seq iter.Seq2[T, error], t table[T], o Options) (Result, error) {
	o = o.withDefaults()
	res := Result{Path: path}
	err := writeAtomic(ctx, path, func(out *os.File) error {
		if o.Format == FormatCSV {
			return csvTable(ctx, out, path, seq, t, o, &res)
		}
		return xlsxTable(ctx, out, path, seq, t, o, &res)
	})
	if err != nil {
		return Result{}, wrapKind(t.kind, err)
	}
	return res, nil
}

// wrapKind names the export in an error, leaving a *FileError (which already
// says "export ... path") as it is so the path stays in front. Other errors
// (the iterator's, excelize's) are not reclassified: an EACCES from the
// cache must not be reported as a problem with the export file.
func wrapKind(kind string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	return fmt.Errorf("export %s: %w", kind, err)
}

func (o Options) rowCtx() rowCtx {
	return rowCtx{lang: o.Lang, loc: o.Location, now: o.Now, cur: o.Currency}
}

// drain walks seq, checking ctx and reporting progress, and calls each for
// every record. An iterator error stops the export.
func drain[T any](ctx context.Context, seq iter.Seq2[T, error], o Options, res *Result, each func(T) error) error {
	for rec, err := range seq {
		if err != nil {
			return fmt.Errorf("read records: %w", err)
		}
		if res.Records%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := each(rec); err != nil {
			return err
		}
		res.Records++
		if o.Progress != nil && res.Records%progressEvery == 0 {
			o.Progress(res.Records, o.Total)
		}
	}
	if o.Progress != nil {
		o.Progress(res.Records, o.Total)
	}
	return ctx.Err()
}

// newWorkbook starts a workbook whose first sheet is the summary.
func newWorkbook(o Options) (*excelize.File, *styles, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sumSheet.In(o.Lang)); err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// saveWorkbook writes the finished workbook to out, streaming the zip.
//
// excelize's WriteTo builds the whole zip in a bytes.Buffer before copying
// it out: a 600k-order export held its 63 MB file (and the buffer's doubling
// growth, up to twice that) in memory, so peak RSS grew with the export. A
// zip writer handed to excelize that writes to out itself leaves that buffer
// empty; the sheet data is copied from the StreamWriter's temporary file
// into the zip as it is compressed. What is lost: excelize patches a
// "zip64" version into the local headers of parts over 4 GiB in that
// buffer. No sheet gets near that: a sheet holds at most 1,048,576 rows,
// and an order row is ~1.2 KB of XML (705 MB for 600k orders).
func saveWorkbook(f *excelize.File, out io.Writer, path string) error {
	f.SetActiveSheet(0)
	var zw *zip.Writer
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw = zip.NewWriter(out)
		return zw
	})
	n, err := f.WriteTo(io.Discard)
	if err == nil && (zw == nil || n != 0) {
		err = errors.New("excelize did not write through the streaming zip writer")
	}
	if err != nil {
		return fileErr("write", path, err)
	}
	return nil
}

func xlsxTable[T any](ctx context.Context, out io.Writer, path string, seq iter.Seq2[T, error], t table[T], o Options, res *Result) error {
	f, st, err := newWorkbook(o)
	if err != nil {
		return err
	}
	defer f.Close()
	sh, err := newStreamSheet(f, st, t.sheet.In(o.Lang), t.cols, o.Lang, o.Location)
	if err != nil {
		return err
	}
	sum := newSummary(t.title, t.hasAmount)
	rc := o.rowCtx()
	emit := func(vals ...any) error { res.Rows++; return sh.write(vals) }
	err = drain(ctx, seq, o, res, func(rec T) error {
		status, month, amount, cur := t.sum(rc, rec)
		sum.add(status, month, amount, cur)
		return t.rows(rc, rec, emit)
	})
	if err != nil {
		return err
	}
	if err := sh.finish(); err != nil {
		return err
	}
	if err := writeSummary(f, st, sum, o); err != nil {
		return err
	}
	res.CutCells = st.cutCells
	return saveWorkbook(f, out, path)
}

// utf8BOM makes Excel on Windows read the CSV as UTF-8 (Chinese text).
const utf8BOM = "\ufeff"

func csvTable[T any](ctx context.Context, out io.Writer, path string, seq iter.Seq2[T, error], t table[T], o Options, res *Result) error {
	cw, err := newCSV(out, path, t.cols, o.Lang)
	if err != nil {
		return err
	}
	rc := o.rowCtx()
	emit := func(vals ...any) error { res.Rows++; return cw.write(vals, o.Location) }
	if err := drain(ctx, seq, o, res, func(rec T) error { return t.rows(rc, rec, emit) }); err != nil {
		return err
	}
	return cw.flush()
}

// csvSheet writes rows as CSV, escaping text against formula injection.
type csvSheet struct {
	w    *csv.Writer
	path string
	rec  []string
}

func newCSV(out io.Writer, path string, cols []column, lang Lang) (*csvSheet, error) {
	if _, err := io.WriteString(out, utf8BOM); err != nil {
		return nil, fileErr("write", path, err)
	}
	c := &csvSheet{w: csv.NewWriter(out), path: path, rec: make([]string, len(cols))}
	hs := heads(cols, lang)
	for i, h := range hs {
		hs[i] = csvText(h)
	}
	if err := c.w.Write(hs); err != nil {
		return nil, fileErr("write", path, err)
	}
	return c, nil
}

func (c *csvSheet) write(vals []any, loc *time.Location) error {
	for i := range c.rec {
		c.rec[i] = ""
		if i < len(vals) {
			c.rec[i] = csvValue(vals[i], loc)
		}
	}
	if err := c.w.Write(c.rec); err != nil {
		return fileErr("write", c.path, err)
	}
	return nil
}

func (c *csvSheet) flush() error {
	c.w.Flush()
	return fileErr("write", c.path, c.w.Error())
}
