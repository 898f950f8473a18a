// Package sandbox is a living, in-memory KooGallery marketplace for
// development, tests and demos. It serves the whole seller-gateway contract
// of package marketapi (incremental listings, details, actions, whoami) and
// the real open API's order query, from data made by a deterministic seeded
// generator, for several accounts (a China-site main account, a sub-account
// with delegated products and an international-site account).
//
// The world moves on a Clock that can run faster than real time: orders
// arrive, simulated customers open and answer tickets, failed interface
// calls are retried on the marketplace's schedule until they succeed or the
// order is unsubscribed, supervision nodes advance and a monthly bill appears
// on the 3rd. Every request must carry a valid APIG signature; faults
// (errors, 429s, latency, truncated bodies, going offline) can be injected.
package sandbox
