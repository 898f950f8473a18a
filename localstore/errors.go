package localstore

import "errors"

// Errors Open and Recover return; test them with errors.Is. The returned
// error wraps them with a sentence a user can act on.
var (
	// ErrLocked means another process (another copy of the console) holds the file.
	ErrLocked = errors.New("cache locked by another process")
	// ErrCorrupt means the file is damaged, not a bbolt file, or not a
	// Merchant Console cache. Recover moves it aside and keeps the outbox.
	ErrCorrupt = errors.New("cache file is corrupt or not a Merchant Console cache")
	// ErrForeignAccount means the file belongs to another account.
	ErrForeignAccount = errors.New("cache file belongs to another account")
	// ErrNewerSchema means the file was written by a newer version of the console.
	ErrNewerSchema = errors.New("cache file was written by a newer Merchant Console")
	// ErrClosed means the Store was closed.
	ErrClosed = errors.New("cache is closed")
	// ErrUnknownAction means UpdateAction was given a key the outbox does not hold.
	ErrUnknownAction = errors.New("no such action in the outbox")
)
