// Package service is the console at run time, without a window: for every
// account it holds the configuration and keys, the cache (localstore), the
// API client, the sync engine and its scheduler, and it runs the
// notification rules over all of them. It also starts the built-in sandbox
// when no account is configured, writes exports (through package
// service/export, which owns the reports' kinds, periods, selections and
// file names), and handles the process's interrupt signals.
//
// The window (app), the subcommands (cli) and the end-to-end scenario (e2e)
// all build on it: nothing else constructs a store, a client or an engine,
// so what the tests drive is what the window runs.
//
// A Service is safe for concurrent use. An account is built completely
// (cache, client, engine) before it is published to the account list and is
// not changed afterwards, so readers on other goroutines need no lock.
package service
