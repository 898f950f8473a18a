package backend

// Repair is what a cache repair found and saved, as the window words it:
// the damaged file was moved aside, a fresh cache took its place holding
// what could be read, and the account syncs again from the marketplace.
type Repair struct {
	Problem string // why the file could not be used, in plain (English) words; "" for a rebuild on request
	MovedTo string // where the damaged file now lies; "" when there was none
	// Actions are the queued actions carried over, Pending of them still to
	// send; Unreadable ones were seen but could not be read and are lost.
	Actions, Pending, Unreadable int
	Notices                      int // notification-log entries carried, so none is shown twice
}
