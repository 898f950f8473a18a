package reports

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text from the marketplace is customer-supplied. Before it reaches a cell
// or a file name it is made inert: control characters other than tab and
// newline (NUL, BEL, ESC... which terminals and some spreadsheet importers
// act on) become U+FFFD, a carriage return is dropped (a CR LF pair reads as
// the newline it was meant as), and bidirectional embedding, override and
// isolate characters (U+202A–U+202E, U+2066–U+2069), which make
// "Normal\u202eexe.txt" read as "Normaltxt.exe", become U+FFFD too.

// replacement marks where an unsafe character was.
const replacement = '\uFFFD'

// isBidiControl reports the embedding, override and isolate characters.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// unsafeRune reports a character cleanText replaces.
func unsafeRune(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || isBidiControl(r)
}

// cleanText returns s with unsafe characters replaced (see above). Text
// without any (nearly all of it) is returned as it is, without copying.
func cleanText(s string) string {
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r':
		case unsafeRune(r):
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsCleaning is a byte scan: C0 and DEL are single bytes, and every bidi
// control starts with 0xE2 (U+2xxx), which is rare in marketplace text.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
			return true
		}
		if c == 0xE2 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isBidiControl(r) {
				return true
			}
		}
	}
	return false
}

// maxCellChars is the most a spreadsheet cell holds (Excel's limit, in
// UTF-16 code units); excelize would cut longer text silently.
const maxCellChars = 32767

// cutMarkerFormat ends a cell that was cut, so a reader sees text is missing.
const cutMarkerFormat = "…[cut: %d more characters]"

// cutCell shortens s to fit a cell, ending it with the marker; cut reports
// whether it had to.
func cutCell(s string) (out string, cut bool) {
	if len(s) <= maxCellChars { // bytes ≥ code units: fits for certain
		return s, false
	}
	units, total := 0, 0
	for _, r := range s {
		total += utf16Len(r)
	}
	if total <= maxCellChars {
		return s, false
	}
	budget := maxCellChars - len(fmt.Sprintf(cutMarkerFormat, total)) // the marker is ASCII but "…"
	for i, r := range s {
		if units+utf16Len(r) > budget {
			return s[:i] + fmt.Sprintf(cutMarkerFormat, total-units), true
		}
		units += utf16Len(r)
	}
	return s, false
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
