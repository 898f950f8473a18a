package reports

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// openBook opens an exported workbook with excelize's reader.
func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// zipParts returns every part of the xlsx package by name.
func zipParts(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		_ = rc.Close()
		parts[zf.Name] = string(b)
	}
	return parts
}

// value reads a cell as displayed (number format applied).
func value(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	require.NoError(t, err)
	return v
}

// number reads a cell's raw value as a float and checks it is stored as a
// number, not text.
func number(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	require.NoError(t, err)
	require.Contains(t, []excelize.CellType{excelize.CellTypeUnset, excelize.CellTypeNumber}, typ, "cell %s!%s type", sheet, cell)
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	n, err := strconv.ParseFloat(raw, 64)
	require.NoError(t, err, "cell %s!%s = %q", sheet, cell, raw)
	return n
}

// text reads a cell and checks it is a plain string without a formula.
func text(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	require.NoError(t, err)
	require.Contains(t, []excelize.CellType{excelize.CellTypeInlineString, excelize.CellTypeSharedString}, typ, "cell %s!%s type", sheet, cell)
	formula, err := f.GetCellFormula(sheet, cell)
	require.NoError(t, err)
	require.Empty(t, formula, "cell %s!%s must have no formula", sheet, cell)
	return value(t, f, sheet, cell)
}

// numFmt is the number format code applied to a cell.
func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return "builtin:" + strconv.Itoa(st.NumFmt)
}

// fillColor is the first pattern colour of a cell's fill, or "".
func fillColor(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(st.Fill.Color[0])
}

// findRow returns the row (1-based) whose first cell is key, or fails.
func findRow(t *testing.T, f *excelize.File, sheet, key string, after int) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i := after; i < len(rows); i++ {
		if len(rows[i]) > 0 && rows[i][0] == key {
			return i + 1
		}
	}
	require.Failf(t, "row not found", "%q in sheet %s", key, sheet)
	return 0
}

// readCSV reads an exported CSV, checking and dropping the UTF-8 BOM.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), utf8BOM), "CSV starts with a UTF-8 BOM")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), utf8BOM))).ReadAll()
	require.NoError(t, err)
	return recs
}

// dirEntries lists the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func outPath(t *testing.T, name string) string { return filepath.Join(t.TempDir(), name) }

func cellRef(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err)
	}
	return ref
}
