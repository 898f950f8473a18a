package tickets

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// batchFixture is the tickets screen over three tickets waiting to be
// accepted and one in progress, run on a stand-in for Fyne's goroutine,
// with every row picked.
func batchFixture(t *testing.T, b *screens.Backend, loop *uitest.Loop) *screens.RecordScreen[domain.Ticket] {
	t.Helper()
	scr := New(b)
	t.Cleanup(scr.Close)
	loop.RunUntil(t, func() bool { return scr.Table().Total() == 4 })
	uitest.NewWindow(t, scr.Object())
	scr.Table().Pick(0, widgets.PickOnly)
	scr.Table().Pick(3, widgets.PickRange)
	return scr
}

func batchStore(t *testing.T) *screens.Backend {
	s := uitest.NewStore(t,
		uitest.Ticket("T1", "a", domain.TicketPendingAccept),
		uitest.Ticket("T2", "b", domain.TicketPendingAccept),
		uitest.Ticket("T3", "c", domain.TicketPendingAccept),
		uitest.Ticket("T4", "d", domain.TicketProcessing))
	return screentest.NewBackend(t, s)
}

func TestBatch_AcceptSelectedQueuesOneAcceptPerWaitingTicket(t *testing.T) {
	// given the four tickets picked in the list
	loop := uitest.NewLoop(t)
	b := batchStore(t)
	scr := batchFixture(t, b, loop)
	require.True(t, uitest.Shows(scr.Object(), "4 selected"))

	// when the agent presses Accept selected
	test.Tap(uitest.FindButton(t, scr.Object(), "Accept selected"))
	loop.RunUntil(t, func() bool { return uitest.Shows(scr.Object(), "accepts are in the outbox") })

	// then the three waiting tickets each have one accept queued, the one in
	// progress none
	for id, want := range map[string]int{"T1": 1, "T2": 1, "T3": 1, "T4": 0} {
		acts, err := b.CurrentStore().ActionsFor(domain.ResTickets, id)
		require.NoError(t, err)
		require.Len(t, acts, want, id)
		if want == 1 {
			assert.Equal(t, domain.ActTicketAccept, acts[0].Name)
			assert.Equal(t, "李四", acts[0].Params.Agent)
		}
	}
	assert.True(t, uitest.Shows(scr.Object(), "3 accepts are in the outbox."))
}

func TestBatch_ExportSelectionAsksForExactlyThePickedRecords(t *testing.T) {
	// given the four tickets picked, and an export backend
	loop := uitest.NewLoop(t)
	b := batchStore(t)
	var asked backend.ExportRequest
	b.Export = func(_ context.Context, req backend.ExportRequest, _ func(float64)) (string, error) {
		asked = req
		return "/tmp/tickets.xlsx", nil
	}
	scr := batchFixture(t, b, loop)

	// when Export selection is pressed
	test.Tap(uitest.FindButton(t, scr.Object(), "Export selection"))
	loop.RunUntil(t, func() bool { return uitest.Shows(scr.Object(), "Exported to") })

	// then the export was asked for exactly those tickets
	assert.Equal(t, domain.ResTickets, asked.Kind)
	assert.ElementsMatch(t, []string{"T1", "T2", "T3", "T4"}, asked.IDs)
}
