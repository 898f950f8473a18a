package localstore

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// seedOrders stores n orders and returns them as stored (with the account).
func seedOrders(t *testing.T, s *Store, n int) []domain.Order {
	t.Helper()
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(0, n, 1)})
	require.NoError(t, err)
	out := make([]domain.Order, n)
	for i := range n {
		out[i] = order(i, 1)
		out[i].Account = testAccount
	}
	return out
}

// naive answers a query by filtering and sorting in memory: the reference
// the store's index paths must agree with.
func naive(all []domain.Order, q Query) ([]string, int) {
	var hits []domain.Order
	for _, o := range all {
		if len(q.Statuses) > 0 && !slices.Contains(q.Statuses, string(o.Status)) {
			continue
		}
		if !q.From.IsZero() && o.CreatedAt.Before(q.From) || !q.To.IsZero() && !o.CreatedAt.Before(q.To) {
			continue
		}
		hay := strings.ToLower(o.ID + "|" + o.Buyer.CustomerName + "|" + o.ProductName)
		ok := true
		for _, term := range strings.Fields(strings.ToLower(q.Search)) {
			ok = ok && strings.Contains(hay, term)
		}
		if q.Customer != "" && !strings.Contains(strings.ToLower(o.Buyer.CustomerName), strings.ToLower(q.Customer)) ||
			q.Product != "" && !strings.Contains(strings.ToLower(o.ProductName), strings.ToLower(q.Product)) || !ok {
			continue
		}
		hits = append(hits, o)
	}
	key := func(o domain.Order) int64 {
		switch q.Sort {
		case SortAmount:
			return int64(o.Amount)
		case SortUpdated:
			return o.UpdatedAt.UnixNano()
		case SortDeadline:
			return 0 // orders have no countdown: all tie
		}
		return o.CreatedAt.UnixNano()
	}
	slices.SortStableFunc(hits, func(a, b domain.Order) int {
		ka, kb := key(a), key(b)
		if ka == kb && a.ID == b.ID {
			return 0
		}
		if (ka < kb || ka == kb && a.ID < b.ID) != q.Desc {
			return -1
		}
		return 1
	})
	total := len(hits)
	hits = hits[min(q.Offset, len(hits)):]
	if q.Limit > 0 {
		hits = hits[:min(q.Limit, len(hits))]
	}
	ids := make([]string, len(hits))
	for i, o := range hits {
		ids[i] = o.ID
	}
	return ids, total
}

func TestList_AgreesWithANaiveFilter(t *testing.T) {
	for name, opts := range map[string]Options{"search segments": {}, "bbolt rows": {NoRowCache: true}} {
		t.Run(name, func(t *testing.T) {
			// given 500 orders of four customers and products
			s, err := Open(filepath.Join(t.TempDir(), "c.db"), testAccount, opts)
			require.NoError(t, err)
			defer s.Close()
			listAgreesWithNaive(t, s, seedOrders(t, s, 500))
		})
	}
}

func listAgreesWithNaive(t *testing.T, s *Store, all []domain.Order) {
	proc, done := string(domain.OrderProcessing), string(domain.OrderCompleted)
	tests := map[string]Query{
		"first screen: newest 100":          {Sort: SortTime, Desc: true, Limit: 100},
		"second page, oldest first":         {Sort: SortTime, Offset: 100, Limit: 100},
		"one status by time":                {Statuses: []string{proc}, Desc: true, Limit: 20, Offset: 5},
		"one status, time window":           {Statuses: []string{done}, From: baseTime.Add(time.Hour), To: baseTime.Add(3 * time.Hour), Limit: 50},
		"time window only":                  {From: baseTime.Add(time.Hour), To: baseTime.Add(2 * time.Hour), Desc: true, Limit: 10},
		"two statuses by amount":            {Statuses: []string{proc, done}, Sort: SortAmount, Desc: true, Limit: 30},
		"all tied: ID breaks ties, desc":    {Sort: SortDeadline, Desc: true, Limit: 15, Offset: 3},
		"all tied: ID breaks ties, asc":     {Sort: SortDeadline, Limit: 15},
		"search Chinese customer":           {Search: "云帆", Limit: 100},
		"search mixed case product":         {Search: "LICENSE manager", Limit: 100},
		"search ID fragment, lower-cased":   {Search: "cs00000004", Limit: 100},
		"customer and product filters":      {Customer: "acme", Product: "SAAS", Sort: SortUpdated, Desc: true, Limit: 100},
		"search with status, deep offset":   {Search: "数智", Statuses: []string{proc}, Offset: 10, Limit: 10},
		"no limit returns every match":      {Search: "ocean"},
		"offset past the end":               {Offset: 10_000, Limit: 10},
		"nothing matches":                   {Search: "不存在的客户"},
		"all-status list by updated time":   {Sort: SortUpdated, Limit: 7},
		"time window with limit cut early":  {From: baseTime, Limit: 3},
		"one status with total beyond page": {Statuses: []string{proc}, Limit: 3},
	}
	for name, q := range tests {
		t.Run(name, func(t *testing.T) {
			// when the store answers the query
			got, total, err := List[domain.Order](s, q)
			require.NoError(t, err)

			// then it returns exactly what a full in-memory filter returns
			wantIDs, wantTotal := naive(all, q)
			gotIDs := make([]string, len(got))
			for i, o := range got {
				gotIDs[i] = o.ID
			}
			assert.Equal(t, wantTotal, total)
			if len(wantIDs) == 0 {
				assert.Empty(t, gotIDs)
			} else {
				assert.Equal(t, wantIDs, gotIDs)
			}
		})
	}
}

func TestSearch_TicketSubjectChineseAndMixedCase(t *testing.T) {
	// given tickets with Chinese and mixed-case subjects
	s := openTemp(t)
	items := []domain.Record{
		ticket("T1", 1, domain.TicketPendingAccept, "发票抬头开错，需要重开", baseTime),
		ticket("T2", 1, domain.TicketProcessing, "Cannot LOGIN to the SaaS console", baseTime.Add(time.Minute)),
		ticket("T3", 1, domain.TicketCompleted, "退订后费用未退回", baseTime.Add(2*time.Minute)),
	}
	_, err := s.ApplyPage(Page{Resource: domain.ResTickets, Items: items})
	require.NoError(t, err)
	tests := []struct {
		search string
		want   []string
	}{
		{"发票", []string{"T1"}},
		{"login", []string{"T2"}},
		{"saas CONSOLE", []string{"T2"}},
		{"退", []string{"T3"}},
		{"t3", []string{"T3"}},
		{"acme", []string{"T1", "T2", "T3"}}, // the customer
		{"发票 login", nil},
	}
	for _, tc := range tests {
		t.Run(tc.search, func(t *testing.T) {
			got, total, err := List[domain.Ticket](s, Query{Search: tc.search})
			require.NoError(t, err)
			var ids []string
			for _, tk := range got {
				ids = append(ids, tk.ID)
			}
			assert.Equal(t, tc.want, ids)
			assert.Equal(t, len(tc.want), total)
		})
	}
}

func TestScan_StreamsEveryMatchInOrderAndStopsOnError(t *testing.T) {
	s := openTemp(t)
	all := seedOrders(t, s, 700)
	var seen []string
	err := Scan(s, Query{Statuses: []string{string(domain.OrderCancelled)}, Sort: SortTime}, func(o domain.Order) error {
		seen = append(seen, o.ID)
		return nil
	})
	require.NoError(t, err)
	want, _ := naive(all, Query{Statuses: []string{string(domain.OrderCancelled)}})
	assert.Equal(t, want, seen)

	stop := assert.AnError
	n := 0
	err = Scan(s, Query{}, func(domain.Order) error { n++; return stop })
	require.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}

func TestGet_MissingAndWrongType(t *testing.T) {
	s := openTemp(t)
	_, ok, err := Get[domain.Bill](s, "none")
	require.NoError(t, err)
	assert.False(t, ok)
	_, _, err = Get[*domain.Bill](s, "none")
	require.Error(t, err)
}

func TestList_SeesWritesMadeAfterAQuery(t *testing.T) {
	// given a search answered once (and so cached)
	s := openTemp(t)
	seedOrders(t, s, 40)
	_, total, err := List[domain.Order](s, Query{Search: "acme"})
	require.NoError(t, err)
	require.Equal(t, 10, total)

	// when one Acme order changes customer and another is removed
	moved := order(1, 2)
	moved.Buyer.CustomerName = "Zeta GmbH"
	_, err = s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{moved},
		Removed: []domain.Tombstone{{ID: order(5, 1).ID, Version: 9}}})
	require.NoError(t, err)

	// then the next search reflects both
	got, total, err := List[domain.Order](s, Query{Search: "acme"})
	require.NoError(t, err)
	assert.Equal(t, 8, total)
	for _, o := range got {
		assert.NotContains(t, []string{moved.ID, order(5, 1).ID}, o.ID)
	}
	zeta, _, err := List[domain.Order](s, Query{Customer: "zeta"})
	require.NoError(t, err)
	require.Len(t, zeta, 1)
	assert.Equal(t, moved.ID, zeta[0].ID)
}

func TestList_ConcurrentReadersAndAWriter(t *testing.T) {
	// given a writer applying pages while readers search
	s := openTemp(t)
	done := make(chan error, 1)
	go func() {
		for p := range 20 {
			if _, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(p*50, 50, 1)}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	// then every answer is internally consistent: total never below the page
	for range 50 {
		got, total, err := List[domain.Order](s, Query{Search: "cs", Limit: 10})
		require.NoError(t, err)
		assert.LessOrEqual(t, len(got), total)
	}
	require.NoError(t, <-done)
	_, total, err := List[domain.Order](s, Query{Search: "cs", Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 1000, total)
}
