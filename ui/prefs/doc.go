// Package prefs is the console's typed settings over fyne.Preferences:
// keys and defaults in one place, getters that apply bounds, and the
// migration of keys older versions saved.
package prefs
