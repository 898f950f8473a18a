package shell

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/lang"
)

// pinned reports whether an entry sits on top of the centre: an urgent
// notice nobody has read yet (an order about to be unsubscribed, a
// breached SLA). Once read it takes its place by time.
func (e centreEntry) pinned() bool { return e.Urgent && e.Unread }

// pinUrgent moves the pinned entries before the others, keeping the order
// of each part.
func pinUrgent(entries []centreEntry) []centreEntry {
	out := make([]centreEntry, 0, len(entries))
	for _, e := range entries {
		if e.pinned() {
			out = append(out, e)
		}
	}
	for _, e := range entries {
		if !e.pinned() {
			out = append(out, e)
		}
	}
	return out
}

// identity names an entry across reloads: a single notice by its key, a
// coalesced one by its first key (later keys may join it).
func (e centreEntry) identity() string {
	if len(e.Keys) == 0 {
		return e.Account + "\x00" + e.Title + "\x00" + fmt.Sprint(e.At.UnixNano())
	}
	return e.Account + "\x00" + e.Keys[0]
}

// arrivals counts the entries of next that shown does not have.
func arrivals(shown, next []centreEntry) int {
	have := make(map[string]bool, len(shown))
	for _, e := range shown {
		have[e.identity()] = true
	}
	n := 0
	for _, e := range next {
		if !have[e.identity()] {
			n++
		}
	}
	return n
}

// holdArrivals keeps the list under the pointer still while the panel is
// open: a reload that brings new entries is held back behind an "N new"
// button instead of pushing the rows down. True when it held them.
func (c *noticeCentre) holdArrivals(entries []centreEntry) bool {
	if !c.visible() || len(c.entries) == 0 {
		return false
	}
	n := arrivals(c.entries, entries)
	if n == 0 {
		return false
	}
	c.held = slices.Clone(entries)
	c.arrived.SetText(lang.L("{{.N}} new: show", map[string]any{"N": n}))
	c.arrived.Show()
	return true
}

// showArrivals puts the held list on screen, from the top, where the new
// (and pinned) entries are.
func (c *noticeCentre) showArrivals() {
	if c.held == nil {
		return
	}
	c.replace(c.held)
	c.list.ScrollToTop()
}
