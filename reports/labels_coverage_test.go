package reports

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// exportOneOfEach exports one record of the kind in every status to CSV
// and returns the data rows.
func exportOneOfEach(t *testing.T, k domain.Kind, lang Lang) [][]string {
	t.Helper()
	ctx, path := context.Background(), outPath(t, string(k.Resource)+".csv")
	o := Options{Format: FormatCSV, Lang: lang, Location: time.UTC, Now: exportNow}
	codes := k.Codes()
	var err error
	switch k.Resource {
	case domain.ResOrders:
		_, err = ExportOrders(ctx, path, FromSlice(each(codes, func(c string) domain.Order {
			return domain.Order{Meta: meta("O-" + c), Status: domain.OrderStatus(c), Lines: []domain.OrderLine{{ID: "L"}}}
		})), o)
	case domain.ResSupervision:
		_, err = ExportSupervision(ctx, path, FromSlice(each(codes, func(c string) domain.SupervisionTask {
			return domain.SupervisionTask{Meta: meta("S-" + c), Current: domain.Node(c)}
		})), o)
	case domain.ResTickets:
		_, err = ExportTickets(ctx, path, FromSlice(each(codes, func(c string) domain.Ticket {
			return domain.Ticket{Meta: meta("T-" + c), Status: domain.TicketStatus(c)}
		})), o)
	case domain.ResAlerts:
		_, err = ExportAlerts(ctx, path, FromSlice(each(codes, func(c string) domain.InterfaceAlert {
			return domain.InterfaceAlert{Meta: meta("A-" + c), State: domain.AlertState(c)}
		})), o)
	case domain.ResBills:
		_, err = ExportBills(ctx, path, FromSlice(each(codes, func(c string) domain.Bill {
			return domain.Bill{Meta: meta("B-" + c), Status: domain.BillStatus(c), Lines: []domain.BillLine{{ID: "L"}}}
		})), nil, o)
	case domain.ResTransactions:
		_, err = ExportTransactions(ctx, path, FromSlice(each(codes, func(c string) domain.TransactionDetail {
			return domain.TransactionDetail{Meta: meta("X-" + c), Status: domain.TransactionStatus(c)}
		})), o)
	case domain.ResMessages:
		return nil // the console exports no messages
	default:
		t.Fatalf("no export for %s", k.Resource)
	}
	require.NoError(t, err)
	return readCSV(t, path)[1:]
}

func each[T any](codes []string, f func(string) T) []T {
	out := make([]T, len(codes))
	for i, c := range codes {
		out[i] = f(c)
	}
	return out
}

func TestEveryStatusIsLabelledInExportsInBothLanguages(t *testing.T) {
	for _, k := range domain.Kinds() {
		for _, lang := range []Lang{LangZH, LangEN} {
			t.Run(string(k.Resource)+"/"+string(lang), func(t *testing.T) {
				// given one record in every status of the kind
				// when they are exported
				rows := exportOneOfEach(t, k, lang)
				if rows == nil {
					return
				}

				// then each row shows its status in the domain's words, never the code
				require.Len(t, rows, len(k.Statuses))
				for i, st := range k.Statuses {
					want := st.Label.In(string(lang))
					assert.True(t, slices.Contains(rows[i], want), "%s: %q not in %v", st.Code, want, rows[i])
					assert.Equal(t, want, StatusLabels(k.Resource).Get(lang, st.Code))
				}
			})
		}
	}
}

func TestChangedOrderReadsAsTheWindowSaysIt(t *testing.T) {
	// the window and the exports once disagreed ("Change" / "Change/upgrade")
	assert.Equal(t, domain.OrderChange.Label().En, OrderTypeLabels.Get(LangEN, string(domain.OrderChange)))
	assert.Equal(t, "Change/upgrade", OrderTypeLabels.Get(LangEN, "CHANGE"))
	assert.Equal(t, "变更/升级", OrderTypeLabels.Get(LangZH, "CHANGE"))
}
