// Package world is the sandbox marketplace's data and how it lives: every
// account's records (orders, transaction details, bills, supervision
// tasks, interface alerts, tickets, notifications) with their versions and
// tombstones, made by a deterministic seeded generator, moved by the
// simulation (customers answering, retries running out, supervision nodes
// advancing, bills on the 3rd, new orders and tickets arriving), changed
// by the seller's actions (run by package rules, applied once per
// idempotency key), and saved and restored whole.
//
// A World is safe for concurrent use: one mutex guards it, and its
// accounts never change once made. It knows nothing of HTTP: package
// sandbox serves it, signs nothing and keeps the clock; a World is only
// told the time (New, Step, Act).
//
// The generator's files are gen*.go, catalog.go (the products and the
// names it draws from), accounts.go and settlement.go (settlement
// categories, bill IDs, statuses by age); the simulation's are sim*.go;
// actions.go applies actions, state.go saves and restores, table.go is
// one resource's records and change log, inspect.go what the server and
// tests read.
package world
