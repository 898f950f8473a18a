package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/koogallery/merchant-console/assets"
)

// Mode is the user's choice of light or dark colours.
type Mode string

// Theme modes offered in Settings. System follows the desktop's preference.
const (
	System Mode = "system"
	Light  Mode = "light"
	Dark   Mode = "dark"
)

// consoleTheme wraps Fyne's default theme: it forces a variant when the user
// asked for one and returns the embedded CJK font for the text styles that
// show Chinese, so it renders on a machine without CJK fonts.
type consoleTheme struct {
	mode Mode
}

// New returns the console's theme for a mode; an unknown mode follows
// the system.
func New(mode Mode) fyne.Theme { return &consoleTheme{mode: mode} }

// Color implements fyne.Theme.
func (t *consoleTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case Light:
		v = theme.VariantLight
	case Dark:
		v = theme.VariantDark
	}
	if c, ok := lightReadable[n]; ok && v == theme.VariantLight {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// lightReadable replaces the light variant's colours that fail on white:
// Fyne draws disabled text and unchecked boxes in #e3e3e3 (1.3:1 on white)
// and success text in #43f436 (1.6:1). These reach 4.5:1 for text and 3:1
// for a box's edge (WCAG 2.1, 1.4.3 and 1.4.11), and still look lighter
// than enabled text.
var lightReadable = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameDisabled:    color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff},
	theme.ColorNameInputBorder: color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8a, A: 0xff},
	theme.ColorNameSuccess:     color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
	theme.ColorNameWarning:     color.NRGBA{R: 0xa8, G: 0x5a, B: 0x00, A: 0xff},
}

// Font implements fyne.Theme. Fyne parses the returned font once per text
// style it meets (about 13 MB and 80 ms for the embedded CJK font), so the
// embedded font goes only to the styles that show Chinese: regular, bold
// (headings, counts) and italic (ticket message headers with the author's
// name). Symbols keep Fyne's font for the glyphs widgets draw, and
// monospace, which the console never uses for Chinese, keeps Fyne's own.
func (t *consoleTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol || s.Monospace {
		return theme.DefaultTheme().Font(s)
	}
	return assets.CJKFont
}

// Icon implements fyne.Theme.
func (t *consoleTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size implements fyne.Theme.
func (t *consoleTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n)
}
