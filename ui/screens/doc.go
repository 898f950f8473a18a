// Package screens is what every screen shares: the Screen interfaces the
// shell navigates (Screen, Searcher, Opener, Exporter, ExportSource),
// Backend (what a screen may ask of the program, bound to one account),
// NavTarget, RecordScreen (a list beside a detail pane, used by every
// record kind), the detail frame and outbox view the panes build on, and the
// status sets that mean "waiting on me". The screens themselves live in the
// sub-packages, one per screen.
package screens
