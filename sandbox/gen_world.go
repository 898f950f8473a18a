package sandbox

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// newWorld generates every account's records as of now.
func newWorld(opts Options, now time.Time) *world {
	now = now.Truncate(time.Second)
	accts := makeAccounts(opts.Seed)
	w := &world{
		books: map[string]*book{}, byAK: map[string]*account{},
		rng:   rand.New(rand.NewPCG(opts.Seed, 0x51a)),
		rates: opts.Rates.withDefaults(), arrivals: !opts.NoArrivals, lastStep: now,
	}
	sz := opts.sizes()
	months := max(2, int(math.Ceil(float64(sz.bills)/float64(len(accts)))))
	for i, a := range accts {
		b := newBook(a)
		share := func(n int) int { return max(1, int(math.Round(float64(n)*a.weight))) }
		b.gen = newGenerator(opts.Seed, i, a, min(2000, max(30, share(sz.orders)/20)))
		fill(b, share, sz, months, now)
		w.books[a.ID] = b
		w.order = append(w.order, a.ID)
		w.byAK[a.AK] = a
	}
	return w
}

// fillState carries one account's records while they are being generated;
// they are stamped with versions only at the end, oldest first.
type fillState struct {
	orders  []domain.Order
	prods   []uint8 // catalog index of each order's first product
	tasks   []domain.SupervisionTask
	alerts  []domain.InterfaceAlert
	tickets []domain.Ticket
	txs     []domain.TransactionDetail
	bills   []domain.Bill
	notes   []domain.Notification
}

func fill(b *book, share func(int) int, sz sizes, months int, now time.Time) {
	g := b.gen
	var s fillState
	n := share(sz.orders)
	span := time.Duration(months) * 30 * 24 * time.Hour
	start := now.Add(-span)
	s.orders = make([]domain.Order, n)
	s.prods = make([]uint8, n)
	for i := range n {
		at := start.Add(span*time.Duration(i)/time.Duration(n) + g.between(0, span/time.Duration(n))).Truncate(time.Second)
		o, p := g.order(at)
		s.orders[i], s.prods[i] = o, uint8(catalogIndex(g.a.catalog, p.id))
	}
	fillTasks(g, &s, share(sz.supervision), now)
	fillAlerts(g, &s, share(sz.alerts), now)
	for range share(sz.tickets) {
		s.tickets = append(s.tickets, g.ticket(now))
	}
	b.billed = fillMoney(g, &s, now)
	fillNotices(g, &s, share(sz.notifications))
	stampAll(b, &s)
}

func catalogIndex(c []product, id string) int {
	for i, p := range c {
		if p.id == id {
			return i
		}
	}
	return 0
}

// fillTasks puts the most recent supervised new orders under supervision.
func fillTasks(g *generator, s *fillState, want int, now time.Time) {
	for i := len(s.orders) - 1; i >= 0 && len(s.tasks) < want; i-- {
		o := &s.orders[i]
		p := g.a.catalog[s.prods[i]]
		if !p.supervised() || o.Type != domain.OrderNew || o.Status == domain.OrderCancelled {
			continue
		}
		s.tasks = append(s.tasks, g.task(o, p, now))
	}
}

// fillAlerts gives recent unsupervised orders a failed interface call.
func fillAlerts(g *generator, s *fillState, want int, now time.Time) {
	for i := len(s.orders) - 1; i >= 0 && len(s.alerts) < want; i-- {
		o := &s.orders[i]
		p := g.a.catalog[s.prods[i]]
		if p.supervised() || o.Status != domain.OrderCompleted || !g.chance(0.5) {
			continue
		}
		s.alerts = append(s.alerts, g.alert(o, p, now))
	}
}

// fillMoney makes transaction details and the bills of every closed month;
// it returns the last month billed.
func fillMoney(g *generator, s *fillState, now time.Time) string {
	shares := map[string]float64{}
	for _, p := range g.a.catalog {
		shares[p.name] = p.share
	}
	for i := range s.orders {
		s.txs = append(s.txs, g.transactions(s.orders[i], g.a.catalog[s.prods[i]].share)...)
	}
	last := lastBillable(now)
	byMonth := map[string][]*domain.TransactionDetail{}
	for i := range s.txs {
		if m := monthOf(s.txs[i].TradeTime); m <= last {
			byMonth[m] = append(byMonth[m], &s.txs[i])
		}
	}
	periods := make([]string, 0, len(byMonth))
	for m := range byMonth {
		periods = append(periods, m)
	}
	sort.Strings(periods)
	modes := map[string]domain.ChargingMode{}
	for _, o := range s.orders {
		for _, l := range o.Lines {
			modes[l.ID] = l.ChargingMode
		}
	}
	modeOf := func(_, line string) domain.ChargingMode { return modes[line] }
	for i, m := range periods {
		rows := byMonth[m]
		bill := g.billFor(m, rows, shares, billDay(rows[0].TradeTime), modeOf)
		g.billStatus(&bill, len(periods)-1-i)
		s.bills = append(s.bills, bill)
	}
	return last
}

func fillNotices(g *generator, s *fillState, want int) {
	for _, a := range s.alerts {
		if a.State.Open() && len(s.notes) < want {
			s.notes = append(s.notes, g.alertNotice(a, a.FirstFailureAt))
		}
	}
	for _, t := range s.tickets {
		if t.Status == domain.TicketPendingAccept && len(s.notes) < want {
			s.notes = append(s.notes, g.ticketNotice(t))
		}
	}
	for _, t := range s.tasks {
		if t.WaitingOnMerchant() && len(s.notes) < want {
			s.notes = append(s.notes, g.taskNotice(t, t.NodeEnteredAt))
		}
	}
	for i := len(s.bills) - 1; i >= 0 && len(s.notes) < want; i-- {
		s.notes = append(s.notes, g.billNotice(s.bills[i]))
	}
}

// stampAll gives every record its version, in a stable order.
func stampAll(b *book, s *fillState) {
	for _, o := range s.orders {
		b.touch(&o.Meta, o.CreatedAt)
		b.put(o)
	}
	for _, t := range s.txs {
		b.touch(&t.Meta, t.TradeTime)
		b.put(t)
	}
	for _, x := range s.bills {
		b.touch(&x.Meta, x.GeneratedAt)
		b.put(x)
	}
	for _, t := range s.tasks {
		b.touch(&t.Meta, t.NodeEnteredAt)
		b.put(t)
	}
	for _, a := range s.alerts {
		b.touch(&a.Meta, a.LastAttemptAt)
		b.put(a)
	}
	for _, t := range s.tickets {
		b.touch(&t.Meta, t.Messages[len(t.Messages)-1].At)
		b.put(t)
	}
	for _, n := range s.notes {
		b.touch(&n.Meta, n.CreatedAt)
		b.put(n)
	}
}
