package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// screenTranslationsFile is where the record screens keep their own keys
// (overview, lists, details, exports), apart from the shell's file so two
// people can translate at once.
func screenTranslationsFile(l Language) string {
	return "translations/screens." + string(l) + ".json"
}

// ApplyScreensLanguage loads the record screens' translations like
// ApplyLanguage loads the shell's; call it right after ApplyLanguage with the
// same choice. With LangSystem there is nothing to do: ApplyLanguage loads
// every file of the folder, this one included.
func ApplyScreensLanguage(l Language) error {
	if l != LangChinese && l != LangEnglish {
		return nil
	}
	data, err := translationFS.ReadFile(screenTranslationsFile(l))
	if err != nil {
		return fmt.Errorf("read %s screen translations: %w", l, err)
	}
	for _, loc := range []fyne.Locale{fyne.Locale(l), "en", lang.SystemLocale()} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("load %s screen translations as %s: %w", l, loc, err)
		}
	}
	return nil
}
