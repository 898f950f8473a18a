package prefs

import "fyne.io/fyne/v2"

// FirstWindowSize is the window's size before it was ever closed: small
// enough for a 1024×640 screen with a title bar (Fyne cannot ask the screen
// its size, and a larger first window runs off a small screen), large
// enough to work in. Later starts use the size the window was closed at.
var FirstWindowSize = fyne.NewSize(1024, 600)

// minSavedSide keeps a saved size that could not show the console (a
// minimised window's, a broken value) from being reused.
const minSavedSide = 400

// WindowSize is the size to open the window at.
func (s Prefs) WindowSize() fyne.Size {
	w, h := s.p.Float(prefWindowWidth), s.p.Float(prefWindowHeight)
	if w < minSavedSide || h < minSavedSide {
		return FirstWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// SetWindowSize saves the size the window was closed at.
func (s Prefs) SetWindowSize(size fyne.Size) {
	s.p.SetFloat(prefWindowWidth, float64(size.Width))
	s.p.SetFloat(prefWindowHeight, float64(size.Height))
}
