package world

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// maxArrivals bounds the records one step creates, so a huge Advance
// cannot stall the server.
const maxArrivals = 2000

// arrive creates the orders and tickets that came in between from and now.
func (w *World) arrive(b *book, from, now time.Time) {
	hours := now.Sub(from).Hours()
	b.arrivals += hours * w.rates.OrdersPerHour
	b.tickets += hours * w.rates.TicketsPerHour
	n, m := min(int(b.arrivals), maxArrivals), min(int(b.tickets), maxArrivals)
	b.arrivals -= float64(int(b.arrivals))
	b.tickets -= float64(int(b.tickets))
	for i := range n {
		b.newOrder(from.Add(now.Sub(from) * time.Duration(i+1) / time.Duration(n+1)))
	}
	for i := range m {
		t := b.gen.newTicket(from.Add(now.Sub(from) * time.Duration(i+1) / time.Duration(m+1)))
		b.touch(&t.Meta, now)
		b.put(t)
		b.notify(b.gen.ticketNotice(t), now)
	}
}

// newOrder adds a fresh order with its transactions and, depending on the
// product, a supervision task or (sometimes) a failing interface call.
func (b *book) newOrder(at time.Time) {
	g := b.gen
	o, p := g.order(at)
	var task *domain.SupervisionTask
	var alert *domain.InterfaceAlert
	switch {
	case o.Status == domain.OrderCancelled:
	case p.supervised() && o.Type == domain.OrderNew:
		flow := domain.FlowFor(p.kind)
		t := domain.SupervisionTask{Meta: domain.Meta{ID: g.id("SV")}, OrderID: o.ID, ProductID: p.id, ProductName: p.name,
			CustomerName: o.Buyer.CustomerName, Kind: p.kind, Current: flow[0], CreatedAt: at, NodeEnteredAt: at}
		task, o.Status = &t, domain.OrderProcessing
	case g.chance(0.12):
		a := g.newAlert(&o, ifaceFor(o.Type), p.license, at)
		alert, o.Status = &a, domain.OrderProcessing
	}
	b.touch(&o.Meta, at)
	b.put(o)
	for _, tx := range g.transactions(o, p.share) {
		b.touch(&tx.Meta, at)
		b.put(tx)
	}
	if task != nil {
		b.touch(&task.Meta, at)
		b.put(*task)
	}
	if alert != nil {
		b.touch(&alert.Meta, at)
		b.put(*alert)
		b.notify(g.alertNotice(*alert, at), at)
	}
}
