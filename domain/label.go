package domain

import "strings"

// Label is a text the users see, in both languages the console speaks.
// Chinese is the marketplace's own wording; English is ours.
type Label struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the label in lang: English for any tag starting with "en"
// ("en", "en-US"), Chinese for everything else ("zh", "zh-Hans", ""), as the
// marketplace is Chinese first.
func (l Label) In(lang string) string {
	if English(lang) {
		return l.En
	}
	return l.Zh
}

// Pick returns the English text when english is set, the Chinese otherwise.
func (l Label) Pick(english bool) string {
	if english {
		return l.En
	}
	return l.Zh
}

// English reports whether a language tag asks for English.
func English(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "en") }

// labelOf looks a code up in a label table; an unknown code (one the
// marketplace added later) reads as itself in both languages.
func labelOf[C ~string](m map[C]Label, c C) Label {
	if l, ok := m[c]; ok {
		return l
	}
	return Label{Zh: string(c), En: string(c)}
}
