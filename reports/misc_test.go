package reports

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSafeFileName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"订单-2026-10.xlsx", "订单-2026-10.xlsx"},
		{"../../etc/passwd", "_.._etc_passwd"},
		{`a\b:c*d?e"f<g>h|i`, "a_b_c_d_e_f_g_h_i"},
		{"杭州云栖科技/账单 2026-10.xlsx", "杭州云栖科技_账单 2026-10.xlsx"},
		{"line\nbreak\x00.csv", "line_break_.csv"},
		{"  .hidden. ", "hidden"},
		{"CON", "_CON"},
		{"com1.xlsx", "_com1.xlsx"},
		{"", "export"},
		{"...", "export"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, SafeFileName(c.in), "SafeFileName(%q)", c.in)
	}
	long := SafeFileName(repeat("账", 100))
	assert.LessOrEqual(t, len(long), maxFileNameBytes)
	assert.Equal(t, repeat("账", maxFileNameBytes/3), long, "cut on a character boundary")
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestFromScan(t *testing.T) {
	scan := func(items []string, failAfter error) func(func(string) error) error {
		return func(fn func(string) error) error {
			for _, it := range items {
				if err := fn(it); err != nil {
					return err
				}
			}
			return failAfter
		}
	}
	// all items, then the scan's error
	var got []string
	var gotErr error
	for v, err := range FromScan(scan([]string{"a", "b"}, errCacheBroken)) {
		if err != nil {
			gotErr = err
			break
		}
		got = append(got, v)
	}
	assert.Equal(t, []string{"a", "b"}, got)
	require.True(t, errors.Is(gotErr, errCacheBroken))

	// stopping early ends the scan without an error
	n := 0
	for range FromScan(scan([]string{"a", "b", "c"}, nil)) {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}

func TestParseFormatAndLang(t *testing.T) {
	for in, want := range map[string]Format{"xlsx": FormatXLSX, "": FormatXLSX, "CSV": FormatCSV} {
		got, err := ParseFormat(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParseFormat("pdf")
	assert.Error(t, err)
	assert.Equal(t, LangEN, ParseLang("en-US"))
	assert.Equal(t, LangZH, ParseLang("zh"))
	assert.Equal(t, "已完成", OrderStatusLabels.Get(LangZH, "COMPLETED"))
	assert.Equal(t, "NEW_STATUS", OrderStatusLabels.Get(LangEN, "NEW_STATUS"), "unknown values show as themselves")
}
