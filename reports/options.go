package reports

import (
	"fmt"
	"time"
)

// Format is the output file format.
type Format string

// Output formats.
const (
	FormatXLSX Format = "xlsx"
	FormatCSV  Format = "csv"
)

// ParseFormat reads "xlsx" or "csv" (case as typed by a user is accepted).
func ParseFormat(s string) (Format, error) {
	switch s {
	case "xlsx", "XLSX", "":
		return FormatXLSX, nil
	case "csv", "CSV":
		return FormatCSV, nil
	}
	return "", fmt.Errorf("format %q: want xlsx or csv", s)
}

// Progress is called as records are written: records so far (an order
// with three lines counts once) and the expected total, or 0 when unknown.
// It is called every few hundred records and once at the end, on the
// exporting goroutine: a UI must hand the numbers to its own thread.
type Progress func(rows, total int)

// Options shape an export. The zero value gives a Chinese xlsx workbook in
// the machine's local time zone.
type Options struct {
	Lang     Lang
	Location *time.Location // dates are shown in this zone; nil means time.Local
	Account  string         // account name written on the summary sheet
	Filter   string         // human description of the filter, for the summary sheet
	Format   Format
	Currency string    // currency of records that carry none (transactions); default CNY
	Now      time.Time // export time, used for countdowns; zero means time.Now()
	Total    int       // expected record count for progress, 0 if unknown
	Progress Progress
}

// withDefaults fills the zero fields.
func (o Options) withDefaults() Options {
	if o.Lang != LangEN {
		o.Lang = LangZH
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Format == "" {
		o.Format = FormatXLSX
	}
	if o.Currency == "" {
		o.Currency = "CNY"
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// Result describes a finished export.
type Result struct {
	Path    string // the final file
	Records int    // records read from the iterator(s) of the main sheet
	Rows    int    // data rows written to the main sheet
	// CutCells counts text cells cut at the spreadsheet's cell limit (xlsx
	// only); each ends with a visible marker and the summary sheet counts them.
	CutCells int
}

// progressEvery is how many rows pass between progress callbacks: often
// enough for a smooth bar, rare enough to cost nothing.
const progressEvery = 500
