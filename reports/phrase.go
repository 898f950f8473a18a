package reports

import "github.com/koogallery/merchant-console/i18n"

// phrase is a sheet name, column head or summary text: a key of the i18n
// catalogues, which hold its words in both languages. Where an export
// words a head differently from the window ("商品名称" rather than "商品"),
// the key carries a context, "export|Product"; see i18n.In.
type phrase string

// In is the phrase in lang.
func (p phrase) In(lang Lang) string { return i18n.In(lang.language(), string(p)) }

// language is the catalogue an export language reads from.
func (l Lang) language() i18n.Language {
	if l == LangEN {
		return i18n.English
	}
	return i18n.Chinese
}
