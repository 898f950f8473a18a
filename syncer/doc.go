// Package syncer keeps the local cache in step with a marketplace account.
//
// The directory is sync/ but the package is named syncer, because "sync"
// would shadow the standard library's sync package in every file that
// imports both.
//
// It holds the signed HTTP client (resty v2, strict TLS, retries that honour
// Retry-After, a response-size limit), the page decoders, the pull that pages
// through each resource's changes into localstore one transaction per page,
// the outbox sender that delivers queued actions exactly once by idempotency
// key, and the scheduler that runs all of it per account.
package syncer
