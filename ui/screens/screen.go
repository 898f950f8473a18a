package screens

import (
	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/domain"
)

// Screen is one page of the console the shell navigates to. The shell owns
// titles, icons and order (see screens.go); a screen owns its content.
// *RecordScreen[T] satisfies it.
//
// Every method runs on Fyne's goroutine.
type Screen interface {
	// Object is the screen's content; the shell calls it once.
	Object() fyne.CanvasObject
	// Reload shows the cache as it is now; the shell calls it after every
	// sync of the current account, on account switch and when shown.
	Reload()
	// Close stops the screen's goroutines when the shell is torn down.
	Close()
}

// Searcher is a screen with a search box: Ctrl+F focuses it.
type Searcher interface {
	FocusSearch(w fyne.Window)
}

// Opener is a screen an overview card can open pre-filtered.
type Opener interface {
	Open(target NavTarget)
}

// Exporter is a screen that can export what it shows: Ctrl+E runs it.
type Exporter interface {
	Export()
}

// ExportSource is a list screen whose filter Ctrl+E carries to Exports.
type ExportSource interface {
	// ExportFilter is the list's kind and its status filter.
	ExportFilter() (domain.Resource, []string)
}
