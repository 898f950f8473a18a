package tickets

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// slaTicket is a ticket due at uitest.Now+due, created createdAgo before
// uitest.Now: the newest ticket is the least urgent, so newest-first and
// most-urgent-first disagree.
func slaTicket(id string, st domain.TicketStatus, due, createdAgo time.Duration) domain.Ticket {
	tk := uitest.Ticket(id, "工单 "+id, st)
	tk.SLADue, tk.CreatedAt = uitest.Now.Add(due), uitest.Now.Add(-createdAgo)
	if st == domain.TicketAwaitingCustomer {
		tk.SLAPausedAt = uitest.Now.Add(-time.Hour)
	}
	return tk
}

func urgencyQueue(t *testing.T) *screens.RecordScreen[domain.Ticket] {
	t.Helper()
	test.NewTempApp(t)
	st := uitest.NewStore(t,
		slaTicket("T-done", domain.TicketCompleted, -72*time.Hour, time.Minute),
		slaTicket("T-paused", domain.TicketAwaitingCustomer, -48*time.Hour, 2*time.Minute),
		slaTicket("T-4h", domain.TicketProcessing, 4*time.Hour, 3*time.Minute),
		slaTicket("T-20m", domain.TicketPendingAccept, 20*time.Minute, 4*time.Minute),
		slaTicket("T-over1h", domain.TicketPendingAccept, -time.Hour, 5*time.Minute),
		slaTicket("T-over1d", domain.TicketProcessing, -25*time.Hour, 6*time.Minute),
	)
	s := New(screentest.NewBackend(t, st))
	screentest.Show(t, s)
	return s
}

func TestTicketsScreen_DefaultOrderIsMostOverdueFirstThenLeastSLALeft(t *testing.T) {
	// given tickets overdue, running, paused and done, the newest the least urgent
	s := urgencyQueue(t)

	// then the queue opens most overdue first, then least SLA left, and the
	// paused and finished tickets (no running clock) come after the running ones
	ids := screentest.RowIDs(s)
	require.Len(t, ids, 6)
	assert.Equal(t, []string{"T-over1d", "T-over1h", "T-20m", "T-4h"}, ids[:4])
	assert.ElementsMatch(t, []string{"T-paused", "T-done"}, ids[4:])
}

func TestTicketsScreen_OverviewCardKeepsTheMostOverdueOnTop(t *testing.T) {
	// given the ticket queue
	s := urgencyQueue(t)

	// when the user arrives from the overview's "waiting for me" card
	s.Open(screens.NavTarget{Resource: domain.ResTickets, Statuses: screens.TicketsWaiting})
	screentest.WaitLoad(t, s)

	// then the first row is the most overdue ticket, its SLA cell saying so
	assert.Equal(t, []string{"T-over1d", "T-over1h", "T-20m", "T-4h"}, screentest.RowIDs(s))
	_, cells, ok := s.Table().Row(0)
	require.True(t, ok)
	assert.Contains(t, cells[1], "1d 1:00:00", "the SLA column, second")
}

func TestTicketsScreen_SLAColumnFirstTapSortsMostUrgentFirst(t *testing.T) {
	// given the queue sorted newest first by a tap on Created
	s := urgencyQueue(t)
	s.Table().SortByColumn("created")
	screentest.WaitLoad(t, s)
	require.Equal(t, "T-done", screentest.RowIDs(s)[0], "newest first by creation")

	// when the user taps the SLA column once
	s.Table().SortByColumn("sla")
	screentest.WaitLoad(t, s)

	// then the most urgent ticket is on top
	assert.Equal(t, "T-over1d", screentest.RowIDs(s)[0])

	// when the user taps it again, then the order reverses: running clocks
	// farthest from breaking first, after the tickets without one
	s.Table().SortByColumn("sla")
	screentest.WaitLoad(t, s)
	ids := screentest.RowIDs(s)
	assert.Equal(t, []string{"T-4h", "T-20m", "T-over1h", "T-over1d"}, ids[2:])
}

func TestTicketsScreen_OpeningARecordHighlightsItInTheList(t *testing.T) {
	// given a queue of 150 tickets (two pages), shown in a small window
	test.NewTempApp(t)
	loop := uitest.NewLoop(t)
	var recs []domain.Record
	for i := range 150 {
		recs = append(recs, slaTicket(fmt.Sprintf("T%03d", i), domain.TicketProcessing, time.Duration(i)*time.Minute, time.Minute))
	}
	s := New(screentest.NewBackend(t, uitest.NewStore(t, recs...)))
	t.Cleanup(s.Close)
	w := test.NewTempWindow(t, s.Object())
	w.Resize(fyne.NewSize(1000, 320))
	loop.RunUntil(t, func() bool { return s.Table().Total() == 150 })

	// when a notification opens the ticket on the second page
	s.Open(screens.NavTarget{Resource: domain.ResTickets, RecordID: "T120"})

	// then the list selects it (scrolling to it) and the pane shows it
	loop.RunUntil(t, func() bool { return s.Table().Selected() == "T120" })
	loop.RunUntil(t, func() bool { cur, ok := s.Detail().Current(); return ok && cur.ID == "T120" })
	loop.RunUntil(t, func() bool { _, _, ok := s.Table().Row(120); return ok }) // the list scrolled there and drew its page
	r, _, _ := s.Table().Row(120)
	assert.Equal(t, "T120", r.ID)
}
