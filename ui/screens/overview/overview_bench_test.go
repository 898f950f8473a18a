package overview

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// benchOrders fills a store with n orders spread over the last 60 days.
func benchOrders(b *testing.B, s *localstore.Store, n int) {
	b.Helper()
	const page = 5000
	for start := 0; start < n; start += page {
		items := make([]domain.Record, 0, page)
		for i := start; i < min(start+page, n); i++ {
			o := uitest.Order(fmt.Sprintf("CS%07d", i), "云备份", domain.OrderCompleted, i%60, domain.Money(1000+i%5000))
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
	s, err := localstore.Open(b.TempDir()+"/cache.db", uitest.Account, localstore.Options{NoSync: true})
	require.NoError(b, err)
	b.Cleanup(func() { require.NoError(b, s.Close()) })
	benchOrders(b, s, 100_000)
	o := New(&screens.Backend{Store: func() *localstore.Store { return s }, Now: func() time.Time { return uitest.Now }})
	b.Cleanup(o.Close)
	test.NewTempWindow(b, o.Object())
	b.ResetTimer()
	for b.Loop() {
		o.Reload()
		o.jobs.Wait()
	}
}
