// Package domain holds the seller's world as the console sees it: orders,
// service-supervision tasks, customer tickets, production-interface failure
// alerts, bills, transaction details and message-centre notifications.
//
// Every record carries a stable ID, the marketplace account it belongs to and
// a Version that orders its changes: the server bumps it on every change, and
// the local cache never lets a lower version overwrite a higher one.
//
// The package has no dependencies beyond the standard library so that the
// sandbox, the cache, the sync engine, the reports and the UI can all share it.
package domain
