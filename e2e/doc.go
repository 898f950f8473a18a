// Package e2e holds the console's end-to-end scenario test: the sync engine,
// the local cache, the notification engine and the exports driven together,
// headless, against the sandbox marketplace on a clock the test advances.
// It has no code of its own outside tests.
package e2e
