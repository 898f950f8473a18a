package widgets

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/kit"
)

// SearchEntry is a search box that waits until typing stops before it
// reports, and clears itself on Esc.
type SearchEntry struct {
	widget.Entry
	delay   time.Duration
	kick    chan struct{}     // restarts the running wait
	done    chan struct{}     // closed when that wait has fired
	OnQuery func(text string) // called on Fyne's goroutine
}

// NewSearchEntry returns a search box reporting after delay of quiet.
func NewSearchEntry(placeholder string, delay time.Duration, onQuery func(string)) *SearchEntry {
	e := &SearchEntry{delay: delay, OnQuery: onQuery}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	e.OnChanged = func(string) { e.schedule() }
	return e
}

// TypedShortcut hands the window's shortcuts on (see Entry) and edits the
// text for the rest.
func (e *SearchEntry) TypedShortcut(s fyne.Shortcut) {
	if !passShortcutOn(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey clears the box on Esc and reports at once; other keys type.
func (e *SearchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.OnChanged = nil // no debounced report for this change
		e.SetText("")
		e.OnChanged = func(string) { e.schedule() }
		e.report()
		return
	}
	e.Entry.TypedKey(k)
}

// schedule restarts the quiet period. A goroutine per burst of typing
// waits it out; channels rather than time.AfterFunc hand it the keystrokes
// so what the entry holds is visible to it when it reports.
func (e *SearchEntry) schedule() {
	if e.kick != nil {
		select {
		case e.kick <- struct{}{}:
			return
		case <-e.done: // that wait already fired; start another
		}
	}
	e.kick, e.done = make(chan struct{}), make(chan struct{})
	go e.wait(e.kick, e.done, kit.Do)
}

func (e *SearchEntry) wait(kick, done chan struct{}, do func(func())) {
	t := time.NewTimer(e.delay)
	defer t.Stop()
	for {
		select {
		case <-kick:
			t.Reset(e.delay)
		case <-t.C:
			close(done)
			do(e.report)
			return
		}
	}
}

func (e *SearchEntry) report() {
	if e.OnQuery != nil {
		e.OnQuery(strings.TrimSpace(e.Text))
	}
}
