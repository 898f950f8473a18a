package shell

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestSwitcherShowsEachAccountsOwnUrgentCount(t *testing.T) {
	// given two accounts, the second with a ticket whose SLA ends in 10 minutes
	stores := shellStores(t, "acct-a", "acct-b")
	tk := domain.Ticket{Meta: domain.Meta{ID: "TK-urgent", Account: "acct-b", Version: 1, UpdatedAt: uitest.Now},
		Subject: "快超时", Status: domain.TicketProcessing, CreatedAt: uitest.Now.Add(-time.Hour), SLADue: uitest.Now.Add(10 * time.Minute)}
	_, err := stores["acct-b"].ApplyPage(localstore.Page{Resource: domain.ResTickets, Items: []domain.Record{tk}})
	require.NoError(t, err)
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}, {ID: "acct-b", Label: "B", Site: "cn"}})

	// when the first poll has run
	h.loop.RunUntil(t, func() bool { return len(h.shell.todo) == 2 })

	// then only the second account's entry carries the urgent count
	opts := h.shell.header.switcher.Options
	assert.NotContains(t, opts[0], "urgent")
	assert.Contains(t, opts[1], "1 urgent")
}
