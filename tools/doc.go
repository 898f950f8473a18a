// Package tools pins the fyne CLI (fyne.io/tools) in its own module: the CLI
// requires a newer Fyne than the app is built against, and a tool line in the
// main go.mod would drag the app's Fyne version up with it.
// Run it as: go tool -modfile=tools/go.mod fyne ...
package tools
