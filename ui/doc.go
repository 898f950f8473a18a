// Package ui is the console's window, built with Fyne 2.7.
//
// The foundation (this package's shell files) gives every screen the same
// parts: Shell (navigation, account switcher, status bar, tray, shortcuts,
// sandbox banner, the notification centre behind the header's bell and a
// one-time "system notifications unavailable" banner), Table (the one
// paged, searchable list of the app, see table.go), the theme with an embedded CJK font, translations (lang.L with
// the English text as key; translations/*.json), typed Prefs, and Explain
// (errors as what happened + what to do). The record screens (overview,
// orders, supervision, tickets, alerts, bills, exports) build on them.
//
// The UI talks to the rest of the program only through Backend and
// ScreenBackend, plain structs of callbacks; the backend never imports ui.
// Work off Fyne's goroutine hands its result back with uiDo (fyne.Do), one
// call per result; tests swap uiDo for a queue they drain themselves.
package ui
