package world

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// New generates every account's records as of now.
func New(opts Options, now time.Time) *World {
	now = now.Truncate(time.Second)
	w := emptyWorld(opts, now)
	sz := opts.sizes()
	for _, id := range w.order {
		b := w.books[id]
		fill(b, b.acct.share, sz, now)
	}
	return w
}

// emptyWorld is the world's accounts with their generators and no records:
// what New fills and a saved state restores into.
func emptyWorld(opts Options, now time.Time) *World {
	src := rand.NewPCG(opts.Seed, 0x51a)
	w := &World{
		books: map[string]*book{}, byAK: map[string]*account{}, rng: rand.New(src), rngSrc: src,
		rates: opts.Rates.withDefaults(), arrivals: !opts.NoArrivals, lastStep: now,
	}
	sz := opts.sizes()
	for i, a := range makeAccounts(opts.Seed) {
		b := newBook(a)
		b.gen = newGenerator(opts.Seed, i, a, min(2000, max(30, a.share(sz.orders)/20)))
		w.books[a.ID] = b
		w.order = append(w.order, a.ID)
		w.byAK[a.AK] = a
	}
	return w
}

// share is the account's part of a world-wide count, at least 1.
func (a *account) share(n int) int { return max(1, int(math.Round(float64(n)*a.weight))) }

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
	notes   []domain.Message
}

func fill(b *book, share func(int) int, sz sizes, now time.Time) {
	g := b.gen
	var s fillState
	n := share(sz.orders)
	wantBills := share(sz.bills)
	// orders run from the first closed month of the history up to now, so
	// the closed months are billed and the open ones stay 未出账
	months := historyMonths(wantBills, len(categories(g.a.catalog)))
	start := monthStart(lastBillable(now), 1-months)
	span := now.Sub(start)
	step := span / time.Duration(n)
	s.orders = make([]domain.Order, n)
	s.prods = make([]uint8, n)
	for i := range n {
		at := start.Add(step*time.Duration(i) + g.between(0, step)).Truncate(time.Second)
		o, p := g.order(at)
		s.orders[i], s.prods[i] = o, uint8(catalogIndex(g.a.catalog, p.id))
	}
	fillTasks(g, &s, share(sz.supervision), now)
	fillAlerts(g, &s, share(sz.alerts), now)
	for range share(sz.tickets) {
		s.tickets = append(s.tickets, g.ticket(now))
	}
	b.billed = fillMoney(g, &s, wantBills, now)
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

// fillMoney makes the transaction details and the bills of every closed
// month, wantBills of them when there are rows enough: one bill per month
// and settlement category, the busiest split into bills of similar size.
// It returns the last month billed.
func fillMoney(g *generator, s *fillState, wantBills int, now time.Time) string {
	for i := range s.orders {
		s.txs = append(s.txs, g.transactions(s.orders[i], g.a.catalog[s.prods[i]].share)...)
	}
	last := lastBillable(now)
	groups := settleGroups(g, s.txs, last)
	sizes := make([]int, len(groups))
	for i, gr := range groups {
		sizes[i] = len(gr.rows)
	}
	counts := apportion(sizes, wantBills)
	shares := map[string]float64{}
	for _, p := range g.a.catalog {
		shares[p.name] = p.share
	}
	modeOf := lineModes(s.orders)
	for i, gr := range groups {
		k, n := counts[i], len(gr.rows)
		for j := range k {
			rows := gr.rows[j*n/k : (j+1)*n/k]
			bill := g.billFor(gr.period, gr.cat, j+1, rows, shares, billDay(rows[0].TradeTime), modeOf)
			g.billStatus(&bill, monthsBetween(gr.period, last))
			s.bills = append(s.bills, bill)
		}
	}
	return last
}

// settleGroup is the closed month's rows of one settlement category.
type settleGroup struct {
	period string
	cat    settleCat
	rows   []*domain.TransactionDetail
}

// settleGroups gathers the rows of every closed month up to last by month
// and category, oldest month first, in the order of the rows within each.
func settleGroups(g *generator, txs []domain.TransactionDetail, last string) []settleGroup {
	catOf := categoryOf(g.a.catalog)
	idx := map[string]int{}
	var groups []settleGroup
	for i := range txs {
		tx := &txs[i]
		m := monthOf(tx.TradeTime)
		if m > last {
			continue
		}
		c := catOf(tx.ProductName)
		key := m + c.code
		j, ok := idx[key]
		if !ok {
			j = len(groups)
			idx[key] = j
			groups = append(groups, settleGroup{period: m, cat: c})
		}
		groups[j].rows = append(groups[j].rows, tx)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].period != groups[j].period {
			return groups[i].period < groups[j].period
		}
		return groups[i].cat.code < groups[j].cat.code
	})
	return groups
}

// lineModes looks up the charging mode of an order line among orders.
func lineModes(orders []domain.Order) func(orderID, lineID string) domain.ChargingMode {
	modes := map[string]domain.ChargingMode{}
	for _, o := range orders {
		for _, l := range o.Lines {
			modes[l.ID] = l.ChargingMode
		}
	}
	return func(_, line string) domain.ChargingMode { return modes[line] }
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
