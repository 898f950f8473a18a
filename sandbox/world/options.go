package world

import "time"

// Options shape a generated world: the same options, the same world. The
// zero value gives the demo world.
type Options struct {
	Seed uint64 // the generator's seed

	// Sizes are totals across all accounts; zero takes the demo default.
	Orders        int
	Tickets       int
	Supervision   int
	Alerts        int
	Bills         int // settlement bills in all: one per account, month and category, busy ones split (see package sandbox)
	Notifications int

	// NoArrivals stops new orders and tickets from arriving by themselves.
	NoArrivals bool
	Rates      Rates
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
