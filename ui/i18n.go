package ui

import (
	"embed"
	"fmt"
	_ "github.com/koogallery/merchant-console/internal/posixlocale" // before Fyne reads the locale
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Language is the user's choice of interface language.
type Language string

// Languages offered in Settings. LangSystem follows the desktop's locale.
const (
	LangSystem  Language = "system"
	LangChinese Language = "zh-Hans"
	LangEnglish Language = "en"
)

// Translation keys are the English text itself (lang.L("Orders")), so a key
// missing from a file still reads. translations/zh-Hans.json and en.json hold
// every key; TestTranslationsCoverEveryKey fails when one is missing.
//
//go:embed translations/*.json
var translationFS embed.FS

// ApplyLanguage loads the console's translations and makes lang.L answer in
// the chosen language. Call it once at start, before building any widget:
// widgets keep the text they were built with, which is why Settings says a
// change applies after a restart.
//
// Fyne picks the translation closest to the system locale and offers no way
// to choose one (its locale lookup reads the OS, not only $LANGUAGE). To force
// a language the chosen file is also registered under "en" (Fyne's fallback)
// and under the system's own locale, so whichever tag Fyne matches answers in
// the chosen language, on every OS.
func ApplyLanguage(l Language) error {
	defer chinese.Store(0) // ask lang again after loading
	if l != LangChinese && l != LangEnglish {
		if err := lang.AddTranslationsFS(translationFS, "translations"); err != nil {
			return fmt.Errorf("load translations: %w", err)
		}
		return nil
	}
	data, err := translationFS.ReadFile("translations/" + string(l) + ".json")
	if err != nil {
		return fmt.Errorf("read %s translations: %w", l, err)
	}
	for _, loc := range []fyne.Locale{fyne.Locale(l), "en", lang.SystemLocale()} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("load %s translations as %s: %w", l, loc, err)
		}
	}
	return ApplyScreensLanguage(l) // the record screens keep their own file
}

// chinese caches Chinese(): 0 unknown, 1 Chinese, 2 not. Formatting a
// money cell asks it, and a translation lookup per cell is too slow for a
// 100-row page.
var chinese atomic.Int32

// Chinese reports whether the interface is showing Chinese; both translation
// files define the key so it follows whatever ApplyLanguage chose.
func Chinese() bool {
	switch chinese.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	zh := lang.X("screens.language", "en") == "zh"
	if zh {
		chinese.Store(1)
	} else {
		chinese.Store(2)
	}
	return zh
}
