package localstore

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

const testAccount = "acct-cn-1"

var baseTime = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

// openTemp opens a fresh cache in a test directory.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cache", testAccount+".db"), testAccount, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// order builds a plausible order; i spreads names, statuses and times.
func order(i int, version int64) domain.Order {
	statuses := domain.OrderStatuses
	customers := []string{"杭州云帆科技有限公司", "Acme Corp", "深圳数智", "Blue Ocean Ltd"}
	products := []string{"云监控 SaaS Pro", "License Manager", "人工部署服务", "Data Lake Edition"}
	created := baseTime.Add(time.Duration(i) * time.Minute)
	id := fmt.Sprintf("CS%010d", i)
	return domain.Order{
		Meta:        domain.Meta{ID: id, Version: version, UpdatedAt: created.Add(time.Duration(version) * time.Second)},
		Type:        domain.OrderNew,
		Status:      statuses[i%len(statuses)],
		CreatedAt:   created,
		ProductName: products[i%len(products)],
		Amount:      domain.Money(1000 + i%5000),
		Currency:    "CNY",
		Buyer: domain.Buyer{CustomerID: fmt.Sprintf("cust-%d", i%97), CustomerName: customers[i%len(customers)],
			UserName: "user" + fmt.Sprint(i%13), Email: "ops@example.com"},
		Lines: []domain.OrderLine{{ID: id + "-000001", ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodMonth,
			PeriodNumber: 1 + i%12, ExpireTime: created.AddDate(0, 1, 0), Amount: domain.Money(1000 + i%5000),
			Products: []domain.ProductInfo{{SKUCode: fmt.Sprintf("sku-%d", i%7), ProductID: fmt.Sprintf("OFFI%d", i%11),
				ProductName: products[i%len(products)], LinearValue: 1}}}},
	}
}

func orders(from, n int, version int64) []domain.Record {
	out := make([]domain.Record, n)
	for i := range n {
		out[i] = order(from+i, version)
	}
	return out
}

func ticket(id string, version int64, status domain.TicketStatus, subject string, due time.Time) domain.Ticket {
	return domain.Ticket{Meta: domain.Meta{ID: id, Version: version, UpdatedAt: baseTime},
		Subject: subject, CustomerName: "Acme Corp", ProductName: "云监控 SaaS Pro", Status: status,
		CreatedAt: baseTime, SLADue: due}
}

func alert(id string, version int64, state domain.AlertState, unsubscribeAt time.Time) domain.InterfaceAlert {
	return domain.InterfaceAlert{Meta: domain.Meta{ID: id, Version: version, UpdatedAt: baseTime},
		OrderID: "CS-" + id, ProductName: "云监控 SaaS Pro", CustomerName: "深圳数智", Kind: domain.IfaceCreateInstance,
		FirstFailureAt: baseTime, UnsubscribeAt: unsubscribeAt, State: state}
}
