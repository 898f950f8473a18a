// Package assets holds the files the console embeds in its binary: the app
// icon and a CJK font. Fyne's own font has no Chinese glyphs and a bare
// machine may have no system font to fall back to, so the console brings its
// own (see fonts/README.md for its licence).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

//go:embed fonts/DroidSansFallbackFull.ttf
var cjkTTF []byte

// Icon is the 512×512 application icon (a white shop front on the brand red).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// CJKFont is Droid Sans Fallback, a single-face TrueType font that covers
// Latin and Chinese; the theme uses it for every text style.
var CJKFont = fyne.NewStaticResource("DroidSansFallbackFull.ttf", cjkTTF)
