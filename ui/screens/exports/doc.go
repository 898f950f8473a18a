// Package exports is the Exports screen: the form that asks the backend for
// an xlsx or csv report (kind, period, statuses, language), its progress
// and cancel, and the history of past exports kept in the data folder.
package exports
