package syncer

import (
	"errors"
	"fmt"
	"time"
)

// ErrTooLarge is returned when a reply is bigger than Options.MaxBody.
var ErrTooLarge = errors.New("reply larger than the size limit")

// ErrNoIdempotencyKey refuses to send an action that could not be retried
// safely: without a key a repeat could apply it twice.
var ErrNoIdempotencyKey = errors.New("action has no idempotency key")

// DecodeError is a reply that arrived but cannot be trusted: malformed or
// truncated JSON, a field of the wrong type, or a page that breaks the
// contract. Nothing from such a reply is ever stored.
type DecodeError struct {
	What   string // what was being read, e.g. "orders changes page"
	Status int    // the HTTP status of the reply
	Err    error
}

// Error implements error.
func (e *DecodeError) Error() string {
	return fmt.Sprintf("unreadable %s (HTTP %d): %v", e.What, e.Status, e.Err)
}

// Unwrap gives errors.Is and errors.As the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// ContractError is a reply that arrived whole but breaks the contract in a
// way that sending the request again cannot cure (another seller's records,
// hasMore without a cursor, a negative total). It is not retried and nothing
// from the reply is stored.
type ContractError struct {
	What string // e.g. "orders changes page"
	Err  error
}

// Error implements error.
func (e *ContractError) Error() string {
	return fmt.Sprintf("the server's %s breaks the contract (%v); sending again will not help", e.What, e.Err)
}

// Unwrap gives errors.Is and errors.As the cause.
func (e *ContractError) Unwrap() error { return e.Err }

// HTTPError is a reply with an error status and no marketplace envelope
// (a proxy's HTML error page, for instance).
type HTTPError struct {
	Status int
	Body   string // the first bytes, for the log
}

// Error implements error.
func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP %d without a marketplace envelope: %q", e.Status, e.Body)
}

// RetryAfterError is returned when the server asks for a wait longer than
// Options.MaxRetryAfter: the client gives up rather than send early, and
// keeps refusing to send until the wait has passed.
type RetryAfterError struct {
	Wait  time.Duration
	Until time.Time
}

// Error implements error.
func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("rate limited: the server asks to wait %s (until %s)", e.Wait, e.Until.Format(time.RFC3339))
}

// AttemptsError wraps the last error after every attempt failed.
type AttemptsError struct {
	Attempts int
	Err      error
}

// Error implements error.
func (e *AttemptsError) Error() string {
	return fmt.Sprintf("gave up after %d attempts: %v", e.Attempts, e.Err)
}

// Unwrap gives errors.Is and errors.As the cause.
func (e *AttemptsError) Unwrap() error { return e.Err }
