package theme

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
)

// contrast is the WCAG 2.1 contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func TestLightThemeKeepsDisabledUncheckedAndSuccessReadable(t *testing.T) {
	test.NewTempApp(t)
	th := New(Light)
	col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, fynetheme.VariantLight) }
	cases := []struct {
		name     string
		fg, bg   fyne.ThemeColorName
		minRatio float64
	}{
		{"disabled text on the window", fynetheme.ColorNameDisabled, fynetheme.ColorNameBackground, 4.5},
		{"disabled button text on a disabled button", fynetheme.ColorNameDisabled, fynetheme.ColorNameDisabledButton, 4.5},
		{"unchecked box edge on the window", fynetheme.ColorNameInputBorder, fynetheme.ColorNameBackground, 3},
		{"unchecked box edge on an input", fynetheme.ColorNameInputBorder, fynetheme.ColorNameInputBackground, 3},
		{"success text on the window", fynetheme.ColorNameSuccess, fynetheme.ColorNameBackground, 4.5},
		{"warning text on the window", fynetheme.ColorNameWarning, fynetheme.ColorNameBackground, 4.5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.GreaterOrEqual(t, contrast(col(tc.fg), col(tc.bg)), tc.minRatio)
		})
	}
	// and disabled still reads fainter than enabled text
	assert.Less(t, contrast(col(fynetheme.ColorNameDisabled), col(fynetheme.ColorNameBackground)),
		contrast(col(fynetheme.ColorNameForeground), col(fynetheme.ColorNameBackground)))
}

func TestDarkThemeKeepsFynesColours(t *testing.T) {
	test.NewTempApp(t)
	th := New(Dark)
	for n := range lightReadable {
		assert.Equal(t, fynetheme.DefaultTheme().Color(n, fynetheme.VariantDark), th.Color(n, fynetheme.VariantLight), n)
	}
}
