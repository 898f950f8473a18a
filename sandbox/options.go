package sandbox

import (
	"time"

	"github.com/koogallery/merchant-console/sandbox/world"
)

// Options configure a sandbox. The zero value gives a small demo world that
// runs in real time on 127.0.0.1 with a random port.
type Options struct {
	Addr string // listen address; "127.0.0.1:0" when empty
	Seed uint64 // the generator's seed: same seed, same world

	// Sizes are totals across all accounts; zero takes the demo default.
	Orders        int
	Tickets       int
	Supervision   int
	Alerts        int
	Bills         int // settlement bills in all: one per account, month and category, busy ones split (see package doc)
	Notifications int

	Start time.Time // the simulated "now" at start; the current time when zero
	Speed float64   // clock speed factor; 0 means real time (1)
	Clock *Clock    // overrides Start and Speed (tests pass a stopped clock)

	// TickEvery is the real time between simulation steps when the clock
	// runs; 200ms when zero. Advance always steps at once.
	TickEvery time.Duration
	// NoArrivals stops new orders and tickets from arriving by themselves,
	// so rule tests see only the effects they cause.
	NoArrivals bool
	Rates      Rates
	Faults     Faults
	// State continues a world (*Server).SaveState wrote instead of
	// generating one; it must have been made with the same seed, sizes,
	// arrivals and rates (else Start fails with ErrStateMismatch).
	State []byte
	// Produce, when its URL is set, sends the production calls of new
	// orders to a seller's endpoint (produce.go).
	Produce ProduceOptions
}

// Rates tune the simulation's randomness (world.Rates): negative values
// mean zero; zero values take the defaults.
type Rates = world.Rates

// Faults inject failures into answers; rates are 0..1 and rolled from the
// seed, so a run with the same requests in the same order fails the same way.
type Faults struct {
	ErrorRate     float64       // HTTP 500 with MKT.0999
	RateLimitRate float64       // HTTP 429 with MKT.0250 and Retry-After
	RetryAfter    time.Duration // Retry-After value; 1s when zero
	LatencyRate   float64       // share of requests that are slowed down
	Latency       time.Duration // how much they are slowed down
	TruncateRate  float64       // body cut in half, connection closed
}

// Simulated delays of the other parties, fixed so rule tests can rely on
// them (world's, named here for the sandbox's users).
const (
	CustomerReplyAfter   = world.CustomerReplyAfter   // a customer answers a ticket waiting for them
	CustomerConfirmAfter = world.CustomerConfirmAfter // a customer confirms a resolved ticket
	UserActAfter         = world.UserActAfter         // a user submits requirements or accepts a delivery
	SignedForAfter       = world.SignedForAfter       // a shipped parcel is signed for
	ActivateAfter        = world.ActivateAfter        // a License code is activated
	AppealDecideAfter    = world.AppealDecideAfter    // operations decide an appeal
	RevokedPurgeAfter    = world.RevokedPurgeAfter    // revoked tickets are purged (tombstoned)
	TicketSLA            = world.TicketSLA            // response SLA of a new ticket
)

// MaxSkew is the signature clock skew the sandbox accepts.
const MaxSkew = 15 * time.Minute

// world is the part of the options that shapes the generated world.
func (o Options) world() world.Options {
	return world.Options{Seed: o.Seed, Orders: o.Orders, Tickets: o.Tickets, Supervision: o.Supervision,
		Alerts: o.Alerts, Bills: o.Bills, Notifications: o.Notifications, NoArrivals: o.NoArrivals, Rates: o.Rates}
}
