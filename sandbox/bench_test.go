package sandbox

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// bigOptions is the benchmark world: 100k orders, 20k tickets, 10k
// supervision tasks, 10k alerts and 2k monthly bills.
func bigOptions(o *Options) {
	o.Orders, o.Tickets, o.Supervision, o.Alerts, o.Bills, o.Notifications = 100_000, 20_000, 10_000, 10_000, 2_000, 5_000
}

// BenchmarkChangesPage500 is one signed request over loopback answering a
// 500-record page of orders from a 100k-order world (goal < 20 ms).
func BenchmarkChangesPage500(b *testing.B) {
	srv := startSandbox(b, bigOptions)
	c := newClient(b, srv, AccountMain)
	_, first := changes[domain.Order](c, domain.ResOrders, "", 500)
	require.Len(b, first.Items, 500)
	path := marketapi.ChangesPath(domain.ResOrders) + "?limit=500&cursor=" + first.NextCursor
	b.ResetTimer()
	for b.Loop() {
		st, _ := c.do(http.MethodGet, path, nil, nil)
		if st != http.StatusOK {
			b.Fatalf("status %d", st)
		}
	}
}
