package notify

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// benchRecords fills a cache like a busy seller's: n open alerts, n running
// tickets and n open supervision tasks, almost all far from any deadline.
func benchRecords(b *testing.B, s *localstore.Store, n int) {
	alerts := make([]domain.Record, n)
	tickets := make([]domain.Record, n)
	tasks := make([]domain.Record, n)
	for i := range n {
		id := fmt.Sprintf("%05d", i)
		alerts[i] = failingAlert("A"+id, 1, noon, noon.Add(time.Duration(i)*time.Minute+3*time.Hour))
		tickets[i] = openTicket("T"+id, 1, noon.Add(-time.Duration(i)*time.Second))
		tasks[i] = domain.SupervisionTask{Meta: meta("acct-1", "S"+id, 1, noon), OrderID: "CS" + id,
			Kind: domain.KindManualService, Current: domain.NodeDeliver, CreatedAt: noon, NodeEnteredAt: noon}
	}
	for res, recs := range map[domain.Resource][]domain.Record{
		domain.ResAlerts: alerts, domain.ResTickets: tickets, domain.ResSupervision: tasks,
	} {
		_, err := s.ApplyPage(localstore.Page{Resource: res, Items: recs})
		require.NoError(b, err)
	}
}

// BenchmarkTick is one ticker pass over 3×2000 cached records.
func BenchmarkTick(b *testing.B) {
	s, err := localstore.Open(b.TempDir()+"/bench.db", "acct-1", localstore.Options{NoSync: true})
	require.NoError(b, err)
	defer s.Close()
	benchRecords(b, s, 2000)
	c := &clock{now: noon}
	e, err := NewEngine(Options{Settings: DefaultSettings(), Now: c.Now, Location: shanghai, Deliver: func(Notification) {}})
	require.NoError(b, err)
	e.AddAccount(s, "Shop One")
	for b.Loop() {
		if err := e.Tick(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHandle500NewOrders is one sync bringing 500 new orders: 500 log
// entries written and one coalesced notification.
func BenchmarkHandle500NewOrders(b *testing.B) {
	s, err := localstore.Open(b.TempDir()+"/bench.db", "acct-1", localstore.Options{NoSync: true})
	require.NoError(b, err)
	defer s.Close()
	delivered := 0
	e, err := NewEngine(Options{Settings: allOn(), Now: func() time.Time { return noon }, Location: shanghai,
		Deliver: func(Notification) { delivered++ }})
	require.NoError(b, err)
	e.AddAccount(s, "Shop One")
	batch := 0
	for b.Loop() {
		changes := make([]domain.Change, 500)
		for i := range changes {
			o := newOrder(fmt.Sprintf("CS%d-%d", batch, i), noon)
			changes[i] = domain.Change{Account: "acct-1", Resource: domain.ResOrders, Kind: domain.ChangeNew, ID: o.ID, After: o}
		}
		batch++
		if err := e.HandleChanges(changes); err != nil {
			b.Fatal(err)
		}
	}
	if delivered != batch {
		b.Fatalf("delivered %d notifications for %d batches", delivered, batch)
	}
}
