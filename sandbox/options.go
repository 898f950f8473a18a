package sandbox

import "time"

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

// Rates tune the simulation's randomness. Negative values mean zero; zero
// values take the defaults in brackets.
type Rates struct {
	OrdersPerHour  float64 // new orders per simulated hour per account [4]
	TicketsPerHour float64 // new tickets per simulated hour per account [1]
	RetrySuccess   float64 // chance an automatic retry succeeds [0.15]
	RestartSuccess float64 // chance a manual restart succeeds [0.6]
	UserAccept     float64 // chance a user accepts a delivery rather than rejects [0.85]
}

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

// Simulated delays of the other parties, fixed so rule tests can rely on them.
const (
	CustomerReplyAfter   = 2 * time.Hour      // a customer answers a ticket waiting for them
	CustomerConfirmAfter = 6 * time.Hour      // a customer confirms a resolved ticket
	UserActAfter         = 24 * time.Hour     // a user submits requirements or accepts a delivery
	SignedForAfter       = 2 * 24 * time.Hour // a shipped parcel is signed for
	ActivateAfter        = time.Hour          // a License code is activated
	AppealDecideAfter    = 3 * 24 * time.Hour // operations decide an appeal
	RevokedPurgeAfter    = 7 * 24 * time.Hour // revoked tickets are purged (tombstoned)
	TicketSLA            = 24 * time.Hour     // response SLA of a new ticket
	MaxSkew              = 15 * time.Minute   // accepted signature clock skew
)

type sizes struct{ orders, tickets, supervision, alerts, bills, notifications int }

func (o Options) sizes() sizes {
	s := sizes{o.Orders, o.Tickets, o.Supervision, o.Alerts, o.Bills, o.Notifications}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&s.orders, 300)
	def(&s.tickets, 90)
	def(&s.supervision, 60)
	def(&s.alerts, 30)
	def(&s.bills, 48)
	def(&s.notifications, 60)
	return s
}

func rate(v, def float64) float64 {
	switch {
	case v < 0:
		return 0
	case v == 0:
		return def
	}
	return v
}

func (r Rates) withDefaults() Rates {
	return Rates{
		OrdersPerHour:  rate(r.OrdersPerHour, 4),
		TicketsPerHour: rate(r.TicketsPerHour, 1),
		RetrySuccess:   rate(r.RetrySuccess, 0.15),
		RestartSuccess: rate(r.RestartSuccess, 0.6),
		UserAccept:     rate(r.UserAccept, 0.85),
	}
}
