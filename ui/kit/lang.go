package kit

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/i18n"
	_ "github.com/koogallery/merchant-console/internal/posixlocale" // before Fyne reads the locale
)

// ApplyLanguage registers the i18n catalogues with Fyne's lang package and
// makes lang.L and i18n.T answer in the chosen language. Call it once at
// start, before building any widget: widgets keep the text they were built
// with, which is why Settings says a change applies after a restart.
//
// Fyne picks the translation closest to the system locale and offers no way
// to choose one (its locale lookup reads the OS, not only $LANGUAGE). To force
// a language its catalogue is also registered under "en" (Fyne's fallback)
// and under the system's own locale, so whichever tag Fyne matches answers in
// the chosen language, on every OS. With i18n.System every catalogue is
// registered under its own tag and the language Fyne matched becomes the
// run's language for i18n.T too.
func ApplyLanguage(l i18n.Language) error {
	if l != i18n.Chinese && l != i18n.English {
		for _, c := range i18n.Languages {
			if err := register(c, fyne.Locale(c)); err != nil {
				return err
			}
		}
		i18n.Set(fyneLanguage())
		return nil
	}
	for _, loc := range []fyne.Locale{fyne.Locale(l), "en", lang.SystemLocale()} {
		if err := register(l, loc); err != nil {
			return err
		}
	}
	i18n.Set(l)
	return nil
}

func register(l i18n.Language, loc fyne.Locale) error {
	data, err := i18n.CatalogueJSON(l)
	if err != nil {
		return err
	}
	if err := lang.AddTranslationsForLocale(data, loc); err != nil {
		return fmt.Errorf("load %s translations as %s: %w", l, loc, err)
	}
	return nil
}

// fyneLanguage is the catalogue Fyne chose for the system locale; both
// catalogues define the key, each with its own language.
func fyneLanguage() i18n.Language {
	if lang.X("screens.language", "en") == "zh" {
		return i18n.Chinese
	}
	return i18n.English
}

// Chinese reports whether the interface is showing Chinese. Formatting a
// money cell asks it for every cell, so it reads the run's language rather
// than looking a phrase up.
func Chinese() bool { return i18n.IsChinese() }
