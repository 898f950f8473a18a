package localstore

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestDelistingCountsReadTheMonthFromTheCacheFile(t *testing.T) {
	// given a cache file with four unsubscribed orders of one product this
	// month, one last month and one alert still counting down
	now := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	var items []domain.Record
	add := func(id, order string, st domain.AlertState, failed time.Time) {
		items = append(items, domain.InterfaceAlert{Meta: domain.Meta{ID: id, Account: testAccount, Version: 1, UpdatedAt: failed},
			OrderID: order, ProductName: "企业网盘", Kind: domain.IfaceCreateInstance, State: st,
			FirstFailureAt: failed, LastAttemptAt: failed.Add(3 * time.Hour), UnsubscribeAt: failed.Add(3 * time.Hour)})
	}
	for i, order := range []string{"O1", "O2", "O3", "O4"} {
		add("A"+order, order, domain.AlertUnsubscribed, now.AddDate(0, 0, -i-1))
	}
	add("AOLD", "O0", domain.AlertUnsubscribed, now.AddDate(0, -1, 0))
	add("ARISK", "O9", domain.AlertRetrying, now.Add(-time.Hour))
	_, err = s.ApplyPage(Page{Resource: domain.ResAlerts, Items: items})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	s, err = Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()

	// when the counts are read
	got, err := s.DelistingCounts(now)

	// then the product stands at 4 of 5 with a warning, one more at risk
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"O1", "O2", "O3", "O4"}, got[0].FailedOrders)
	assert.Equal(t, []string{"O9"}, got[0].AtRisk)
	assert.Equal(t, domain.DelistWarning, got[0].Level())
	assert.Equal(t, 1, got[0].Left())
}

// BenchmarkDelistingCounts reads the counter from a cache of 20,000 alerts
// spread over a year, a tenth of them unsubscribed and 50 still open.
func BenchmarkDelistingCounts(b *testing.B) {
	now := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	s, err := Open(filepath.Join(b.TempDir(), "c.db"), testAccount, Options{NoSync: true})
	require.NoError(b, err)
	defer s.Close()
	var items []domain.Record
	for i := range 20000 {
		failed := now.Add(-time.Duration(i) * 26 * time.Minute)
		st := domain.AlertResolved
		switch {
		case i < 50:
			st = domain.AlertRetrying
		case i%10 == 0:
			st = domain.AlertUnsubscribed
		}
		items = append(items, domain.InterfaceAlert{Meta: domain.Meta{ID: fmt.Sprintf("A%05d", i), Account: testAccount, Version: 1, UpdatedAt: failed},
			OrderID: fmt.Sprintf("O%05d", i), ProductName: fmt.Sprintf("P%d", i%40), State: st,
			FirstFailureAt: failed, UnsubscribeAt: failed.Add(3 * time.Hour)})
	}
	_, err = s.ApplyPage(Page{Resource: domain.ResAlerts, Items: items})
	require.NoError(b, err)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.DelistingCounts(now); err != nil {
			b.Fatal(err)
		}
	}
}
