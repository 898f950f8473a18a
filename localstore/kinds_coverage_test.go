package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// recordIn builds a record of res in status code, ordered at at.
func recordIn(t *testing.T, res domain.Resource, code string, at time.Time) domain.Record {
	t.Helper()
	m := domain.Meta{ID: "R-" + code, Version: 1, UpdatedAt: at}
	switch res {
	case domain.ResOrders:
		return domain.Order{Meta: m, Status: domain.OrderStatus(code), CreatedAt: at}
	case domain.ResSupervision:
		return domain.SupervisionTask{Meta: m, Current: domain.Node(code), CreatedAt: at}
	case domain.ResTickets:
		return domain.Ticket{Meta: m, Status: domain.TicketStatus(code), CreatedAt: at}
	case domain.ResAlerts:
		return domain.InterfaceAlert{Meta: m, State: domain.AlertState(code), FirstFailureAt: at}
	case domain.ResBills:
		return domain.Bill{Meta: m, Status: domain.BillStatus(code), GeneratedAt: at}
	case domain.ResTransactions:
		return domain.TransactionDetail{Meta: m, Status: domain.TransactionStatus(code), TradeTime: at}
	case domain.ResMessages:
		return domain.Message{Meta: m, Category: domain.MessageCategory(code), CreatedAt: at}
	}
	t.Fatalf("no record for %s", res)
	return nil
}

func TestEveryStatusIsCountedAndOrderedByTheDomainsTime(t *testing.T) {
	// given a real cache
	s := openTemp(t)
	for _, k := range domain.Kinds() {
		t.Run(string(k.Resource), func(t *testing.T) {
			// when one record in every status of the kind is written, each
			// an hour after the one before
			var items []domain.Record
			for i, code := range k.Codes() {
				items = append(items, recordIn(t, k.Resource, code, baseTime.Add(time.Duration(i)*time.Hour)))
			}
			_, err := s.ApplyPage(Page{Resource: k.Resource, Items: items})
			require.NoError(t, err)

			// then every status has its own count
			counts, err := s.StatusCounts(k.Resource)
			require.NoError(t, err)
			for _, code := range k.Codes() {
				assert.Equal(t, 1, counts[code], "%s %s", k.Resource, code)
			}
			assert.Len(t, counts, len(k.Statuses))

			// and the primary time indexed is the kind's time field: only the
			// last record is at or after its time
			last := baseTime.Add(time.Duration(len(items)-1) * time.Hour)
			assert.Equal(t, 1, countFrom(t, s, k.Resource, last))
		})
	}
}

// countFrom counts the cached records of res whose primary time is at or after from.
func countFrom(t *testing.T, s *Store, res domain.Resource, from time.Time) int {
	t.Helper()
	q := Query{From: from}
	var n int
	var err error
	switch res {
	case domain.ResOrders:
		_, n, err = List[domain.Order](s, q)
	case domain.ResSupervision:
		_, n, err = List[domain.SupervisionTask](s, q)
	case domain.ResTickets:
		_, n, err = List[domain.Ticket](s, q)
	case domain.ResAlerts:
		_, n, err = List[domain.InterfaceAlert](s, q)
	case domain.ResBills:
		_, n, err = List[domain.Bill](s, q)
	case domain.ResTransactions:
		_, n, err = List[domain.TransactionDetail](s, q)
	case domain.ResMessages:
		_, n, err = List[domain.Message](s, q)
	default:
		t.Fatalf("no list for %s", res)
	}
	require.NoError(t, err)
	return n
}
