// Package reports writes offline review workbooks (xlsx) and CSV files from
// the records in the local cache: orders (one row per order line), bills with
// their lines and a reconciliation sheet, transaction details, tickets,
// interface alerts and supervision tasks.
//
// # Streaming
//
// Every export takes its records as an iter.Seq2[T, error] so the caller can
// stream them straight out of the cache (see FromScan, which adapts
// localstore.Scan) without holding 100k records in memory. Rows go to
// excelize's StreamWriter; only the small per-status and per-month totals of
// the summary sheet (and, for bills, one entry per bill for reconciliation)
// are kept.
//
// # Safety decisions
//
//   - xlsx: every text cell is written as an inline string through the
//     StreamWriter, never with a formula, so customer text such as
//     =HYPERLINK(...) stays text.
//   - CSV: every text cell that starts with = + - @, a tab or a carriage return
//     gets a leading single quote, so a spreadsheet opening the CSV does not
//     run it. Numbers we produce ourselves (money, counts, hours) are written
//     unquoted and unescaped, so a real negative amount such as -12.50 stays
//     numeric. Customer text is never written through a numeric column.
//   - The file is written to a temporary name in the target directory and
//     renamed only when complete; a failure or a cancelled context removes
//     the temporary file, so nothing is left behind.
//   - Disk-full and permission problems come back as *FileError wrapping
//     ErrDiskFull or ErrPermission, with the path.
//
// CSV holds one table: the main sheet of each export (bills are flattened to
// one row per bill line), UTF-8 with a BOM so Excel reads the Chinese. The
// summary and reconciliation sheets exist only in xlsx.
//
// Words: sheet names, column heads and cell words ("是" / "yes") are keys of
// the i18n catalogue (phrase.go); the exported LabelMap variables
// (OrderStatusLabels, ...) hold the domain.Label of every code, package
// domain being their one source, and Lang.Pick reads a label in the
// export's language.
package reports
