//go:build smoke

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// The smoke test reads the window through these adapters rather than
// through hooks in the product: the list screens' own tables, and the
// notification centre's list as drawn in the window's pop-up.

// selectFirst selects the first row of a list screen, opening its detail
// pane, so screenshots show a record.
func selectFirst(s *uishell.Shell, id uishell.ScreenID) {
	if t, ok := screenTable(s, id); ok {
		t.Select(0)
	}
}

// shownNotifications is how many entries the open centre lists: the
// length of the list in the window's top pop-up, -1 when none is open.
func shownNotifications(s *uishell.Shell) int {
	top := s.Window().Canvas().Overlays().Top()
	if top == nil {
		return -1
	}
	n := -1
	walkObjects(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && n < 0 && l.Length != nil {
			n = l.Length()
		}
	})
	return n
}

func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkObjects(c, visit)
		}
	}
}
