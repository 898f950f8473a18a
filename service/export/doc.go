// Package export writes reports (xlsx or CSV, package reports) from an
// account's cache: which resources can be exported and the status values
// each takes, the period read as whole days in a time zone, a selection of
// picked records, the output file's name, and the machine's zone under its
// IANA name (LocalZone).
//
// It holds no account: package service finds the account's cache and
// calls Write, so the window, the command line and the tests write
// exports by one path. Callers name it through service (ExportRequest,
// ExportKinds, ParseStatuses, LocalZone).
package export
