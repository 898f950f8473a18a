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

// BenchmarkTickDue is a repeated ticker pass (the check runs every 30 s)
// over 2000 tickets past or near their SLA, each with a short conversation,
// and 2000 alerts inside the 30-minute window, all already notified by a
// first pass: what a long-running console pays per tick.
func BenchmarkTickDue(b *testing.B) {
	s, err := localstore.Open(b.TempDir()+"/bench.db", "acct-1", localstore.Options{NoSync: true})
	require.NoError(b, err)
	defer s.Close()
	const n = 2000
	alerts := make([]domain.Record, n)
	tickets := make([]domain.Record, n)
	for i := range n {
		id := fmt.Sprintf("%05d", i)
		alerts[i] = failingAlert("A"+id, 1, noon, noon.Add(time.Duration(i%25+1)*time.Minute))
		msgs := []domain.TicketMessage{
			{ID: "M1" + id, From: domain.PartyUser, Author: "客户乙", Body: "登录时提示密码错误，重置后仍然无法登录，请尽快处理。", At: noon},
			{ID: "M2" + id, From: domain.PartyMerchant, Author: "客服", Body: "已收到，正在排查账号状态。", At: noon},
		}
		tickets[i] = openTicket("T"+id, 1, noon.Add(-24*time.Hour+time.Duration(i-n/2)*time.Second), msgs...)
	}
	for res, recs := range map[domain.Resource][]domain.Record{domain.ResAlerts: alerts, domain.ResTickets: tickets} {
		_, err := s.ApplyPage(localstore.Page{Resource: res, Items: recs})
		require.NoError(b, err)
	}
	delivered := 0
	e, err := NewEngine(Options{Settings: DefaultSettings(), Now: func() time.Time { return noon }, Location: shanghai,
		Deliver: func(Notification) { delivered++ }})
	require.NoError(b, err)
	e.AddAccount(s, "Shop One")
	require.NoError(b, e.Tick())
	require.Positive(b, delivered, "the first pass must notify")
	first := delivered
	for b.Loop() {
		if err := e.Tick(); err != nil {
			b.Fatal(err)
		}
	}
	if delivered != first {
		b.Fatalf("repeated ticks delivered %d more notifications", delivered-first)
	}
}
