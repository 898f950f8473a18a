// Package e2e holds the console's end-to-end scenario test: the product's
// service (cache, sync engine, scheduler, notification rules and exports),
// opened as the window opens it from a home directory and keys in the
// environment, driven headless against the sandbox marketplace on a clock
// the test advances. It has no code of its own outside tests and builds on
// package service alone: a fault in the window's wiring fails it. Its
// gateway scenario adds the production side through the product's own
// entry points: `merchant-console gateway` (cli.RunGateway, in-process),
// the gateway's agent keys, and the sandbox's produce option.
package e2e
