package tickets

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFileKind_NamesTheTypeInWords(t *testing.T) {
	cases := []struct{ mime, name, want string }{
		{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "账单.xlsx", "Excel workbook"},
		{"application/pdf", "合同.pdf", "PDF document"},
		{"text/plain; charset=utf-8", "app.log", "Text file"},
		{"application/x-unknown", "dump.hprof", "HPROF file"},
		{"", "", "File"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, fileKind(tc.mime, tc.name), tc.mime)
	}
}
