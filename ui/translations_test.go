package ui

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shellSources are this package's files outside the record screens: their
// keys live in translations/zh-Hans.json and en.json.
func shellSources(t *testing.T) []string {
	t.Helper()
	all, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var out []string
	for _, f := range all {
		if !strings.HasSuffix(f, "_test.go") && !slices.Contains(screenSources, f) {
			out = append(out, f)
		}
	}
	return append(out, "../app/app.go") // the app's start-up messages share the file
}

func readShellTranslations(t *testing.T, l Language) map[string]string {
	t.Helper()
	data, err := translationFS.ReadFile("translations/" + string(l) + ".json")
	require.NoError(t, err)
	var m map[string]string
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

func TestTranslationsCoverEveryKey(t *testing.T) {
	keys := langKeys(t, shellSources(t))
	require.NotEmpty(t, keys)
	for _, l := range []Language{LangChinese, LangEnglish} {
		m := readShellTranslations(t, l)
		for _, k := range keys {
			v, ok := m[k]
			if !assert.True(t, ok, "%s lacks %q", l, k) {
				continue
			}
			assert.ElementsMatch(t, placeholder.FindAllString(k, -1), placeholder.FindAllString(v, -1),
				"%s: placeholders of %q", l, k)
		}
	}
}

func TestApplyLanguageForcesChinese(t *testing.T) {
	// given the system's locale (English on the test machine, or anything)
	// when Chinese is forced
	require.NoError(t, ApplyLanguage(LangChinese))
	t.Cleanup(func() { _ = ApplyLanguage(LangEnglish) })

	// then shell and screen texts are Chinese, whatever the system says
	assert.True(t, Chinese())
	assert.Equal(t, "订单", lang.L("Orders"))
	assert.Equal(t, "申请被驳回", lang.L("Payment application rejected"))
}

func TestApplyLanguageForcesEnglish(t *testing.T) {
	// when English is forced after Chinese
	require.NoError(t, ApplyLanguage(LangChinese))
	require.NoError(t, ApplyLanguage(LangEnglish))

	// then the texts are English again
	assert.False(t, Chinese())
	assert.Equal(t, "Orders", lang.L("Orders"))
}
