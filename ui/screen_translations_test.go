package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// screenSources are the files whose keys live in screens.*.json.
var screenSources = []string{
	"alert_detail.go", "alerts.go", "bill_detail.go", "bills.go", "chart.go", "countdown.go",
	"detail_common.go", "export_history.go", "exports_screen.go", "order_detail.go", "orders.go",
	"outbox_view.go", "overview.go", "record_screen.go", "screen_backend.go", "screen_labels.go",
	"supervision.go", "supervision_detail.go", "ticket_detail.go", "tickets.go",
}

// langKeys collects the literal first argument of every lang.L / lang.X call.
func langKeys(t *testing.T, files []string) []string {
	t.Helper()
	var keys []string
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "L" && sel.Sel.Name != "X") {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				k, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				keys = append(keys, k)
			}
			return true
		})
	}
	return keys
}

func readScreenTranslations(t *testing.T, l Language) map[string]string {
	t.Helper()
	data, err := translationFS.ReadFile(screenTranslationsFile(l))
	require.NoError(t, err)
	var m map[string]string
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

var placeholder = regexp.MustCompile(`{{\.[A-Za-z]+}}`)

func TestScreenTranslationsCoverEveryKey(t *testing.T) {
	keys := langKeys(t, screenSources)
	require.NotEmpty(t, keys)
	for _, l := range []Language{LangChinese, LangEnglish} {
		m := readScreenTranslations(t, l)
		for _, k := range keys {
			if k == "screens.language" {
				continue // defined by the shell's files
			}
			v, ok := m[k]
			if !assert.True(t, ok, "%s lacks %q", l, k) {
				continue
			}
			assert.ElementsMatch(t, placeholder.FindAllString(k, -1), placeholder.FindAllString(v, -1),
				"%s: placeholders of %q", l, k)
		}
	}
}

func TestScreenTranslations_ConflictMessageInChinese(t *testing.T) {
	zh := readScreenTranslations(t, LangChinese)
	tpl := zh["Another agent ({{.Who}}) accepted this ticket first."]
	got := placeholder.ReplaceAllString(tpl, "张三")
	assert.Equal(t, "另一位客服（张三）已先受理此工单。", got)
	assert.Equal(t, "申请被驳回", zh["Payment application rejected"])
}
