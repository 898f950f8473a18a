package reports

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// hostileTickets carry raw control bytes, a bidi override, a formula behind
// a space and a subject longer than a cell holds.
func hostileTickets() []domain.Ticket {
	tk := sampleTickets()
	tk[0].Subject = "bell\x07nul\x00esc\x1b[31mred"
	tk[0].CustomerName = " =1+4"
	tk[1].Subject = "Normal\u202eexe.txt and \u2066isolated\u2069"
	tk[1].Cause = strings.Repeat("长", 40000)
	return tk
}

func TestExports_CustomerTextIsMadeInertInXLSX(t *testing.T) {
	// given tickets with hostile text
	path := outPath(t, "tickets.xlsx")

	// when they are exported to xlsx
	res, err := ExportTickets(context.Background(), path, FromSlice(hostileTickets()), Options{Now: exportNow})
	require.NoError(t, err)

	// then control and bidi characters show as U+FFFD, read back with excelize
	f := openBook(t, path)
	assert.Equal(t, "bell\uFFFDnul\uFFFDesc\uFFFD[31mred", text(t, f, "工单", "B2"))
	assert.Equal(t, "Normal\uFFFDexe.txt and \uFFFDisolated\uFFFD", text(t, f, "工单", "B3"))
	// and the cut cell ends with a visible marker and fits the limit
	rows, err := f.GetRows("工单")
	require.NoError(t, err)
	var cut string
	for _, c := range rows[2] {
		if strings.HasPrefix(c, "长长长") {
			cut = c
		}
	}
	require.NotEmpty(t, cut, "the long cause is in its row")
	assert.LessOrEqual(t, utf8.RuneCountInString(cut), maxCellChars)
	assert.Regexp(t, `…\[cut: \d+ more characters\]$`, cut)
	// and the summary and the result count it
	assert.Equal(t, 1, res.CutCells)
	r := findRow(t, f, "汇总", sumCutCells.In(LangZH), 0)
	assert.Equal(t, "1", value(t, f, "汇总", cellRef(2, r)))
	// and the file is the owner's only
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}

func TestExports_CustomerTextIsMadeInertInCSV(t *testing.T) {
	// given the same tickets
	path := outPath(t, "tickets.csv")

	// when they are exported to CSV
	_, err := ExportTickets(context.Background(), path, FromSlice(hostileTickets()), Options{Format: FormatCSV, Now: exportNow})
	require.NoError(t, err)

	// then no raw control byte or bidi control is in the file
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, b := range []string{"\x00", "\x07", "\x1b", "\u202e", "\u2066", "\u2069"} {
		assert.NotContains(t, string(raw), b)
	}
	// and the cells read back with replacements, the spaced formula neutralised
	recs := readCSV(t, path)
	assert.Equal(t, "bell\uFFFDnul\uFFFDesc\uFFFD[31mred", recs[1][1])
	assert.Equal(t, "' =1+4", recs[1][2])
	assert.Equal(t, "Normal\uFFFDexe.txt and \uFFFDisolated\uFFFD", recs[2][1])
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}

func TestSafeFileName_NeutralisesBidiControls(t *testing.T) {
	assert.Equal(t, "Normal_exe.txt", SafeFileName("Normal\u202eexe.txt"))
	assert.Equal(t, "a_b_c", SafeFileName("a\u2066b\u2069c"))
}
