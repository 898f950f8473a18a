package screens

import (
	"github.com/koogallery/merchant-console/ui/screens/overview"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/theme"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// benchOrders fills a store with n orders spread over the last 60 days.
func benchOrders(b *testing.B, s *localstore.Store, n int) {
	b.Helper()
	const page = 5000
	for start := 0; start < n; start += page {
		items := make([]domain.Record, 0, page)
		for i := start; i < min(start+page, n); i++ {
			o := fixtureOrder(fmt.Sprintf("CS%07d", i), "云备份", domain.OrderCompleted, i%60, domain.Money(1000+i%5000))
			o.CreatedAt = o.CreatedAt.Add(-time.Duration(i%1440) * time.Minute)
			items = append(items, o)
		}
		_, err := s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: items})
		require.NoError(b, err)
	}
}

// BenchmarkOverview_Reload100k measures one overview refresh (to-do counts,
// nearest unsubscription and the 30-day series, applied to the widgets)
// over a cache of 100k orders.
func BenchmarkOverview_Reload100k(b *testing.B) {
	test.NewTempApp(b)
	s, err := localstore.Open(b.TempDir()+"/cache.db", fixtureAccount, localstore.Options{NoSync: true})
	require.NoError(b, err)
	b.Cleanup(func() { require.NoError(b, s.Close()) })
	benchOrders(b, s, 100_000)
	o := overview.New(&Backend{Store: func() *localstore.Store { return s }, Now: func() time.Time { return fixtureNow }})
	b.Cleanup(o.Close)
	test.NewTempWindow(b, o.Object())
	b.ResetTimer()
	for b.Loop() {
		o.Reload()
		o.jobs.Wait()
	}
}

// BenchmarkTicketDetail_Show200Messages measures drawing a long conversation.
// It runs with the console's theme, whose embedded CJK font is what a user
// sees; Fyne's test theme would fall back to fonts on disk.
func BenchmarkTicketDetail_Show200Messages(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(theme.New(theme.Light))
	tk := fixtureTicket("T1", "长对话", domain.TicketProcessing)
	for i := range 200 {
		from := domain.PartyUser
		if i%2 == 1 {
			from = domain.PartyMerchant
		}
		tk.Messages = append(tk.Messages, domain.TicketMessage{ID: fmt.Sprint(i), From: from, Author: "x", Body: "您好，这是第几条消息，内容较长需要换行显示。", At: fixtureNow})
	}
	d := newTicketDetail(&Backend{Now: func() time.Time { return fixtureNow }})
	test.NewTempWindow(b, d.root)
	for b.Loop() {
		d.show(tk, nil)
	}
}
