package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
)

func TestExporterForWritesEveryKindFromTheCache(t *testing.T) {
	// given a cache holding one record of every exportable kind
	const acct = "shop-1"
	at := time.Date(2026, 10, 9, 4, 0, 0, 0, time.UTC)
	meta := func(id string) domain.Meta { return domain.Meta{ID: id, Account: acct, Version: 1, UpdatedAt: at} }
	s, err := localstore.Open(filepath.Join(t.TempDir(), "cache.db"), acct, localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	records := []domain.Record{
		domain.Order{Meta: meta("O1"), Type: domain.OrderNew, Status: domain.OrderCompleted, CreatedAt: at, Currency: "CNY"},
		domain.Ticket{Meta: meta("T1"), Subject: "发票", Status: domain.TicketProcessing, CreatedAt: at},
		domain.InterfaceAlert{Meta: meta("A1"), Kind: domain.IfaceRenew, State: domain.AlertFailed, FirstFailureAt: at},
		domain.SupervisionTask{Meta: meta("S1"), Kind: domain.KindHardware, Current: domain.NodeShip, CreatedAt: at},
		domain.TransactionDetail{Meta: meta("X1"), BillID: "B1", TradeTime: at, Amount: 100, SellerAmount: 70, Status: domain.TxBilled},
		domain.Bill{Meta: meta("B1"), Period: "2026-10", Type: domain.BillGeneral, GeneratedAt: at, Status: domain.BillPendingInvoice,
			Amount: 70, Currency: "CNY", Lines: []domain.BillLine{{ID: "L1", OrderID: "O1", Amount: 70}}},
	}
	for _, r := range records {
		_, err := s.ApplyPage(localstore.Page{Resource: r.Resource(), Items: []domain.Record{r}})
		require.NoError(t, err)
	}

	for _, r := range records {
		t.Run(string(r.Resource()), func(t *testing.T) {
			// when the Exports screen's request for that kind runs
			run, err := exporterFor(r.Resource())
			require.NoError(t, err)
			out := filepath.Join(t.TempDir(), string(r.Resource())+".xlsx")
			res, err := run(context.Background(), s, localstore.Query{}, out, reports.Options{Lang: reports.LangEN})

			// then the workbook holds that record
			require.NoError(t, err)
			assert.Equal(t, 1, res.Records)
			assert.FileExists(t, out)
		})
	}
	_, err = exporterFor(domain.ResMessages)
	assert.Error(t, err, "messages are not a report")
}
