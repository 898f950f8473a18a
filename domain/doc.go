// Package domain holds the seller's world as the console sees it: orders,
// service-supervision tasks, customer tickets, production-interface failure
// alerts, bills, transaction details and message-centre notifications.
//
// Every record carries a stable ID, the marketplace account it belongs to and
// a Version that orders its changes: the server bumps it on every change, and
// the local cache never lets a lower version overwrite a higher one.
//
// Each kind of record is described once (Kind, in kinds.go): its name and
// status labels in Chinese and English, the time that orders it, the actor
// and the merchant's actions in each status (Actions, Allows), the notice a
// status raises, its sync class and its urgent countdown. The cache, the
// sync scheduler, the exports, the notifications, the window and the sandbox
// all read it, so adding a status is one edit there (plus its constant).
// The other codes users see (order types, charging modes, parties, product
// kinds, interfaces, bill types) carry a Label method (labels.go).
//
// The package has no dependencies beyond the standard library so that the
// sandbox, the cache, the sync engine, the reports and the UI can all share it.
package domain
