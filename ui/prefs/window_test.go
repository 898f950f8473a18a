package prefs

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
)

func TestWindowSize_FirstFitsASmallScreenThenTheLastOneIsKept(t *testing.T) {
	// given preferences of a first start
	p := New(test.NewTempApp(t).Preferences())

	// then the window opens small enough for a 1024×640 screen with a title bar
	first := p.WindowSize()
	assert.LessOrEqual(t, first.Width, float32(1024))
	assert.LessOrEqual(t, first.Height, float32(640-30))

	// when it was closed at 1600×900, then it opens so next time
	p.SetWindowSize(fyne.NewSize(1600, 900))
	assert.Equal(t, fyne.NewSize(1600, 900), p.WindowSize())

	// and a size that cannot show the console is not reused
	p.SetWindowSize(fyne.NewSize(120, 60))
	assert.Equal(t, FirstWindowSize, p.WindowSize())
}
