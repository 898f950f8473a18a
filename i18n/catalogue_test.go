package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// translatedDirs are the folders (from the module root) whose code looks
// phrases up: the window, the app's start-up messages, exports and
// notifications.
var translatedDirs = []string{"ui", "app", "reports", "notify", "cli"}

// usedKeys collects the literal key of every lang.L / lang.X / i18n.T /
// i18n.In call and reports' phrase conversion in the module's translated folders, tests excluded.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{} // key → where it is used
	fset := token.NewFileSet()
	for _, dir := range translatedDirs {
		err := filepath.WalkDir(filepath.Join("..", dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if k, ok := literalKey(t, n); ok {
					keys[k] = path
				}
				return true
			})
			return nil
		})
		require.NoError(t, err)
	}
	return keys
}

// literalKey is the key of a lookup call whose key is a string literal.
func literalKey(t *testing.T, n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "phrase" { // reports' sheet texts
		return stringArg(t, call.Args[0])
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	arg := 0
	switch {
	case pkg.Name == "lang" && (sel.Sel.Name == "L" || sel.Sel.Name == "X"):
	case pkg.Name == "i18n" && sel.Sel.Name == "T":
	case pkg.Name == "i18n" && sel.Sel.Name == "In" && len(call.Args) > 1:
		arg = 1
	default:
		return "", false
	}
	return stringArg(t, call.Args[arg])
}

// stringArg is the value of a string literal argument.
func stringArg(t *testing.T, arg ast.Expr) (string, bool) {
	lit, ok := arg.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	k, err := strconv.Unquote(lit.Value)
	require.NoError(t, err)
	return k, true
}

var placeholder = regexp.MustCompile(`{{\.[A-Za-z]+}}`)

func TestCataloguesHaveEveryKeyTheCodeUses(t *testing.T) {
	// given every key the code looks up
	used := usedKeys(t)
	require.Greater(t, len(used), 300, "the source scan found too few keys; did the folders move?")

	for _, l := range Languages {
		m := catalogues[l]
		// then each language has each key, with the key's placeholders
		for k, where := range used {
			v, ok := m[k]
			if !assert.True(t, ok, "%s lacks %q (used in %s)", l, k, where) {
				continue
			}
			assert.NotEmpty(t, v, "%s: empty phrase for %q", l, k)
			assert.ElementsMatch(t, placeholder.FindAllString(k, -1), placeholder.FindAllString(v, -1),
				"%s: placeholders of %q", l, k)
		}
	}
}

func TestBothLanguagesHaveTheSameKeys(t *testing.T) {
	// given the two catalogues
	zh, en := catalogues[Chinese], catalogues[English]

	// then a key in one is in the other: a phrase added for one language
	// only is a missing translation
	for k := range zh {
		_, ok := en[k]
		assert.True(t, ok, "en lacks %q, which zh-Hans has", k)
	}
	for k := range en {
		_, ok := zh[k]
		assert.True(t, ok, "zh-Hans lacks %q, which en has", k)
	}
}

func TestPhrasesFillTheirFieldsInTheChosenLanguage(t *testing.T) {
	// given a phrase with a field, in both languages
	key := "Another agent ({{.Who}}) accepted this ticket first."

	// when it is looked up
	zh := In(Chinese, key, map[string]any{"Who": "张三"})
	en := In(English, key, map[string]any{"Who": "Zhang San"})

	// then each reads in its language with the field filled
	assert.Equal(t, "另一位客服（张三）已先受理此工单。", zh)
	assert.Equal(t, "Another agent (Zhang San) accepted this ticket first.", en)
	assert.Equal(t, "申请被驳回", In(Chinese, "Payment application rejected"))
}

func TestAMissingKeyReadsAsItsEnglishText(t *testing.T) {
	assert.Equal(t, "Not in any catalogue", In(Chinese, "Not in any catalogue"))
	assert.Equal(t, "Not in any catalogue", In(English, "export|Not in any catalogue"))
}

func TestAContextKeepsTwoWordingsOfOneEnglishText(t *testing.T) {
	// the window says 商品, an export's column head 商品名称; both read Product
	assert.Equal(t, "商品", In(Chinese, "Product"))
	assert.Equal(t, "商品名称", In(Chinese, "export|Product"))
	assert.Equal(t, "Product", In(English, "export|Product"))
}

func TestSetDecidesTheLanguageOfT(t *testing.T) {
	// given the run's language set to English
	before := Current()
	t.Cleanup(func() { Set(before) })
	Set(English)
	assert.Equal(t, "Orders", T("Orders"))
	assert.False(t, IsChinese())

	// when Chinese is chosen
	Set(Chinese)

	// then T answers in Chinese
	assert.Equal(t, "订单", T("Orders"))
	assert.True(t, IsChinese())
}

func TestSystemFollowsThePOSIXLocale(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	assert.Equal(t, English, Resolve(System))
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	assert.Equal(t, Chinese, Resolve(System))
}
