package domain

import "time"

// Resource names one kind of record the console syncs. The string is also the
// path segment of the seller API and the bucket name in the local cache.
type Resource string

// The resources the console syncs, in the order a first sync fetches them.
const (
	ResOrders       Resource = "orders"
	ResSupervision  Resource = "supervision"
	ResTickets      Resource = "tickets"
	ResAlerts       Resource = "alerts"
	ResBills        Resource = "bills"
	ResTransactions Resource = "transactions"
	ResMessages     Resource = "notifications"
)

// AllResources lists every synced resource in first-sync order.
var AllResources = []Resource{
	ResOrders, ResSupervision, ResTickets, ResAlerts, ResBills, ResTransactions, ResMessages,
}

// Valid reports whether r is one of the synced resources.
func (r Resource) Valid() bool {
	for _, known := range AllResources {
		if r == known {
			return true
		}
	}
	return false
}

// Meta is the bookkeeping every record carries.
type Meta struct {
	ID        string    `json:"id"`
	Account   string    `json:"account"`
	Version   int64     `json:"version"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Record is implemented by every synced record type.
type Record interface {
	RecordMeta() Meta
	Resource() Resource
}

// RecordMeta returns the record's bookkeeping; it lets every type that embeds
// Meta satisfy Record with a single Resource method of its own.
func (m Meta) RecordMeta() Meta { return m }

// Tombstone says that a record was removed on the server at Version.
type Tombstone struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
}

// ChangeKind says what happened to a record in one sync.
type ChangeKind string

// The kinds of change a sync reports.
const (
	ChangeNew     ChangeKind = "new"
	ChangeUpdated ChangeKind = "changed"
	ChangeRemoved ChangeKind = "removed"
)

// Change is one record's change as applied to the local cache. Before is nil
// for a new record, After is nil for a removed one. Account names the local
// account whose cache received it, so several open accounts can share one
// notification centre.
type Change struct {
	Account  string     `json:"account"`
	Resource Resource   `json:"resource"`
	Kind     ChangeKind `json:"kind"`
	ID       string     `json:"id"`
	Before   Record     `json:"-"`
	After    Record     `json:"-"`
	// Ours is set when the change is the server's answer to one of this
	// console's own actions: the person already knows, so it is not news.
	Ours bool `json:"ours,omitempty"`
}
