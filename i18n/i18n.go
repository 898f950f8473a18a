// Package i18n is the console's one translation mechanism: the zh-Hans and
// en catalogues (catalogue/*.json, embedded) and the language chosen for
// this run. The window registers the same catalogues with Fyne's lang
// package (ui/kit.ApplyLanguage), so lang.L in widgets and T in exports and
// notifications answer from one file per language.
//
// Keys are the English text itself ("Orders", "Connected as {{.Name}}."),
// so a key missing from a catalogue still reads; TestCataloguesAreComplete
// fails when either language lacks a key the code uses. Arguments use Go
// template syntax, as Fyne's lang.L does.
//
// The package imports only the standard library, so reports, notify and
// the command line can use it without Fyne.
package i18n

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"text/template"
)

// Language is a choice of interface language.
type Language string

// The languages the console speaks. System follows the desktop's locale
// (see Resolve).
const (
	System  Language = "system"
	Chinese Language = "zh-Hans"
	English Language = "en"
)

// Languages are the languages with a catalogue, Chinese first: it is the
// marketplace's own language and the fallback for anything else.
var Languages = []Language{Chinese, English}

//go:embed catalogue/*.json
var catalogueFS embed.FS

// catalogues holds every language's phrases, parsed once at start; the
// embedded files are part of the binary, so a parse error is a build bug.
var catalogues = mustLoad()

func mustLoad() map[Language]map[string]string {
	out := map[Language]map[string]string{}
	for _, l := range Languages {
		data, err := CatalogueJSON(l)
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			panic(fmt.Errorf("catalogue %s: %w", l, err))
		}
		out[l] = m
	}
	return out
}

// CatalogueJSON is a language's catalogue as the embedded JSON file, the
// form Fyne's lang.AddTranslationsForLocale takes.
func CatalogueJSON(l Language) ([]byte, error) {
	data, err := catalogueFS.ReadFile("catalogue/" + string(l) + ".json")
	if err != nil {
		return nil, fmt.Errorf("no %q catalogue: %w", l, err)
	}
	return data, nil
}

// Keys lists a language's keys, for the completeness test.
func Keys(l Language) []string {
	out := make([]string, 0, len(catalogues[l]))
	for k := range catalogues[l] {
		out = append(out, k)
	}
	return out
}

// Parse maps user input ("zh", "zh-Hans", "zh_CN.UTF-8", "en", "en-US",
// "system") to a Language; anything else is Chinese.
func Parse(s string) Language {
	switch {
	case s == string(System):
		return System
	case strings.HasPrefix(strings.ToLower(s), "en"):
		return English
	}
	return Chinese
}

// current is the language of this run, set once at start by Set.
var current atomic.Value // Language

// Set makes l the language of this run for T and Current. The window calls
// it from ApplyLanguage with the resolved choice; the command line with its
// -lang flag. System is resolved from the environment first.
func Set(l Language) {
	current.Store(Resolve(l))
}

// Current is the language of this run. Until Set is called it is English:
// the keys themselves, which is also what Fyne's lang.L answers before any
// catalogue is registered, so the two agree.
func Current() Language {
	if l, ok := current.Load().(Language); ok {
		return l
	}
	return English
}

// IsChinese reports whether this run speaks Chinese.
func IsChinese() bool { return Current() == Chinese }

// Resolve turns System into the language of the POSIX locale variables
// (LC_ALL, LC_MESSAGES, LANG, first set wins): English for an "en" locale,
// else Chinese. Other choices are returned as they are.
func Resolve(l Language) Language {
	if l == Chinese || l == English {
		return l
	}
	for _, v := range localeVars() {
		if v != "" {
			if strings.HasPrefix(v, "zh") {
				return Chinese
			}
			return English
		}
	}
	return Chinese
}

// T is key's phrase in the current language, with data filled into its
// {{.Name}} fields.
func T(key string, data ...map[string]any) string { return In(Current(), key, data...) }

// In is key's phrase in l. A key may start with a context and "|"
// ("export|Product") where one English text needs two Chinese wordings; the
// catalogues hold such keys like any other. A key missing from the
// catalogue reads as itself (the English text, without its context); a phrase whose fields cannot be filled reads as the
// unfilled phrase rather than failing an export or a notification.
func In(l Language, key string, data ...map[string]any) string {
	phrase, ok := catalogues[Resolve(l)][key]
	if !ok {
		phrase = withoutContext(key)
	}
	if len(data) == 0 || !strings.Contains(phrase, "{{") {
		return phrase
	}
	tpl, err := template.New("").Option("missingkey=zero").Parse(phrase)
	if err != nil {
		return phrase
	}
	var b bytes.Buffer
	if err := tpl.Execute(&b, data[0]); err != nil {
		return phrase
	}
	return b.String()
}

// Has reports whether l's catalogue holds key, for tests of packages that
// keep their keys in tables rather than in literal T calls.
func Has(l Language, key string) bool {
	_, ok := catalogues[Resolve(l)][key]
	return ok
}

// withoutContext is a key's English text: what follows its context.
func withoutContext(key string) string {
	if i := strings.LastIndex(key, "|"); i >= 0 {
		return key[i+1:]
	}
	return key
}
