package quickreply

import (
	"slices"
	"strings"
)

// Match weights: a hit in the title counts most, then the category, then
// the text; a title that starts with the term beats one that contains it.
const (
	scoreTitlePrefix = 8
	scoreTitle       = 4
	scoreCategory    = 2
	scoreText        = 1
)

// Index is a list of entries ready to search: their fields lowered once,
// so each keystroke in the search box only compares. Build it when the
// list is loaded.
type Index struct {
	entries []Entry
	lowered [][3]string // title, category, text
}

// NewIndex prepares entries for searching.
func NewIndex(entries []Entry) *Index {
	ix := &Index{entries: entries, lowered: make([][3]string, len(entries))}
	for i, e := range entries {
		ix.lowered[i] = [3]string{strings.ToLower(e.Title), strings.ToLower(e.Category), strings.ToLower(e.Text)}
	}
	return ix
}

// Search keeps the entries matching every space-separated term of query
// (a substring of the title, category or text, case-insensitively; Chinese
// works as is) and ranks them: best match first, then personal before
// shared before examples, then by title. An empty query keeps all, in
// that order.
func (ix *Index) Search(query string) []Entry {
	terms := strings.Fields(strings.ToLower(query))
	type hit struct {
		e     Entry
		score int
	}
	var hits []hit
	for i, e := range ix.entries {
		if s, ok := score(ix.lowered[i], terms); ok {
			hits = append(hits, hit{e, s})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if c := scopeRank(a.e.Scope) - scopeRank(b.e.Scope); c != 0 {
			return c
		}
		return strings.Compare(a.e.Title, b.e.Title)
	})
	out := make([]Entry, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

// Search is NewIndex(entries).Search(query), for a one-off search.
func Search(entries []Entry, query string) []Entry { return NewIndex(entries).Search(query) }

// score is the sum over terms of each term's best field; false when a term
// is found nowhere.
func score(f [3]string, terms []string) (int, bool) {
	title, cat, text := f[0], f[1], f[2]
	total := 0
	for _, t := range terms {
		switch {
		case strings.HasPrefix(title, t):
			total += scoreTitlePrefix
		case strings.Contains(title, t):
			total += scoreTitle
		case strings.Contains(cat, t):
			total += scoreCategory
		case strings.Contains(text, t):
			total += scoreText
		default:
			return 0, false
		}
	}
	return total, true
}

func scopeRank(s Scope) int {
	switch s {
	case ScopePersonal:
		return 0
	case ScopeShared:
		return 1
	}
	return 2
}
