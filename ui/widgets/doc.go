// Package widgets holds the console's reusable Fyne widgets, none of which
// knows a screen: Table (the one paged, searchable, sortable list, fed by a
// fetch function), SearchEntry (waits for typing to stop, clears on Esc),
// TrendChart (bars and a line over days) and Countdown (time left before a
// deadline, ticking on its own goroutine).
package widgets
