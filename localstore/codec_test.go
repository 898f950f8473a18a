package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestBinaryCodecs_RoundTrip(t *testing.T) {
	shanghai := time.FixedZone("", 8*3600)
	o := order(7, 3)
	o.Account = testAccount
	o.CreatedAt = o.CreatedAt.In(shanghai)
	o.Extend = []domain.Param{{Name: "emailDomainName", Value: "例子.cn"}}
	o.Lines = append(o.Lines, domain.OrderLine{ID: "L2", ChargingMode: domain.ChargeOnDemand})
	tx := domain.TransactionDetail{Meta: domain.Meta{ID: "TX1", Account: testAccount, Version: 2, UpdatedAt: baseTime},
		BillID: "B1", OrderID: "CS1", OrderLineID: "CS1-000001", ProductName: "云监控", CustomerName: "Acme",
		TradeType: domain.OrderRenew, TradeTime: baseTime, Amount: -500, SellerAmount: -400, Status: domain.TxBilled}
	for _, rec := range []domain.Record{o, domain.Order{Meta: domain.Meta{ID: "empty", Account: testAccount}}, tx} {
		t.Run(rec.RecordMeta().ID, func(t *testing.T) {
			c, err := codecFor(rec.Resource())
			require.NoError(t, err)
			p, err := c.prepare(rec, testAccount)
			require.NoError(t, err)
			assert.Equal(t, encBinary, p.data[0])
			got, err := c.decode(p.data)
			require.NoError(t, err)
			assert.Equal(t, rec, got)
		})
	}
}

func TestBinaryCodecs_RejectTruncatedData(t *testing.T) {
	c, err := codecFor(domain.ResOrders)
	require.NoError(t, err)
	p, err := c.prepare(order(1, 1), testAccount)
	require.NoError(t, err)
	for _, n := range []int{0, 1, 5, len(p.data) / 2, len(p.data) - 1} {
		_, err := c.decode(p.data[:n])
		assert.Error(t, err, "cut at %d", n)
	}
}
