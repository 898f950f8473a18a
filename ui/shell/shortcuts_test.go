package shell

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/screens/exports"
)

func TestShellExportCarriesTheListsKindAndFilter(t *testing.T) {
	cases := []struct {
		name     string
		screen   ScreenID
		statuses []string
		kind     domain.Resource
		want     []string
		message  bool
	}{
		{"orders, no filter", ScreenOrders, nil, domain.ResOrders, nil, false},
		{"bills, one status", ScreenBills, []string{string(domain.BillPendingInvoice)}, domain.ResBills,
			[]string{string(domain.BillPendingInvoice)}, false},
		{"bills, several statuses", ScreenBills, screens.BillsNeedingMe, domain.ResBills, screens.BillsNeedingMe, false},
		{"tickets, one status", ScreenTickets, []string{string(domain.TicketPendingAccept)}, domain.ResTickets,
			[]string{string(domain.TicketPendingAccept)}, false},
		{"alerts, no filter", ScreenAlerts, nil, domain.ResAlerts, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given a list screen filtered by some statuses
			h := newShellHarness(t, shellStores(t, "acct-a"), []backend.AccountInfo{{ID: "acct-a", Site: "cn"}})
			h.shell.Navigate(screens.NavTarget{Resource: screenResource(tc.screen), Statuses: tc.statuses})
			require.Equal(t, tc.screen, h.shell.Current())

			// when Ctrl+E's action runs
			h.shell.Export()

			// then Exports shows, set to the list's kind and statuses
			require.Equal(t, ScreenExports, h.shell.Current())
			scr, _ := h.shell.ScreenFor(ScreenExports)
			ex := scr.(*exports.Screen)
			req, err := ex.Request()
			require.NoError(t, err)
			assert.Equal(t, tc.kind, req.Kind)
			assert.Equal(t, tc.want, req.Statuses)
			assert.Equal(t, tc.message, ex.Message() != "", ex.Message())
		})
	}
}

func screenResource(id ScreenID) domain.Resource {
	for _, r := range exports.Kinds {
		if s, ok := screenFor(r); ok && s == id {
			return r
		}
	}
	return ""
}
