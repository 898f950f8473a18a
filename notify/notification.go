package notify

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// Notification is what the engine hands to delivery: one popup (or a silent
// badge entry) and the reference that opens its record in the app.
type Notification struct {
	// Key identifies the notification; for a single event it is the key
	// recorded in the cache's notification log.
	Key string `json:"key"`
	// Keys are the notification-log keys it covers: one, or every coalesced
	// event's key, so the centre can mark them all read.
	Keys     []string        `json:"keys"`
	Kind     Kind            `json:"kind"`
	Account  string          `json:"account"`
	Resource domain.Resource `json:"resource"`
	// RecordID opens the record; empty when several were coalesced, then
	// RecordIDs lists them and the centre opens the resource's list.
	RecordID  string   `json:"recordId,omitempty"`
	RecordIDs []string `json:"recordIds"`
	Title     string   `json:"title"`
	Body      string   `json:"body"`
	Popup     bool     `json:"popup"`  // false: badge only (silent rule or quiet hours)
	Urgent    bool     `json:"urgent"` // broke, or would break, through quiet hours
	// Critical popups (a countdown to automatic unsubscription, a ticket
	// SLA) go out with urgency 2 and stay until dismissed.
	Critical bool      `json:"critical"`
	At       time.Time `json:"at"`
}

// Coalesced reports whether the notification stands for several records.
func (n Notification) Coalesced() bool { return len(n.RecordIDs) > 1 }
