package notify

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestHoldGathersPopupsIntoOneSummaryMostUrgentFirst(t *testing.T) {
	// given an engine held for a launch, a ticket past its SLA, one new
	// ticket and an alert inside its last 10 minutes
	s := allOn()
	s.Lang = LangEN
	f := newFixture(t, s, noon)
	f.engine.Hold("launch")
	late := openTicket("T1", 1, noon.Add(-25*time.Hour))
	fresh := openTicket("T2", 1, noon.Add(-time.Minute))
	alert := failingAlert("A1", 1, noon.Add(-time.Hour), noon.Add(8*time.Minute))

	// when a sync brings them while held
	got := f.sync(t, domain.ResTickets, late, fresh)
	got = append(got, f.sync(t, domain.ResAlerts, alert)...)

	// then each reaches the centre silently
	require.NotEmpty(t, got)
	for _, n := range got {
		assert.False(t, n.Popup, "%s pops up while held", n.Key)
	}

	// when the hold is released, one summary goes out
	f.engine.Release("launch")
	sum := f.inbox.Take()
	require.Len(t, sum, 1)
	n := sum[0]
	assert.Equal(t, KindSummary, n.Kind)
	assert.True(t, n.Popup)
	assert.True(t, n.Critical, "it counts a countdown and an overdue ticket")
	assert.Equal(t, "5 new notifications", n.Title, "two new tickets, one overdue, a countdown, a failure")
	assert.Equal(t, "1 ticket overdue, 1 order near automatic unsubscription, 1 interface failure, 2 new tickets", n.Body)
	assert.Equal(t, domain.ResTickets, n.Resource, "it opens the most urgent list")

	// and releasing again, or a reason never held, adds nothing
	f.engine.Release("launch")
	f.engine.Release("first-sync:x")
	assert.Empty(t, f.inbox.Take())
}

func TestHoldEndsOnlyWithTheLastReason(t *testing.T) {
	// given two holds and a popup gathered under them
	f := newFixture(t, allOn(), noon)
	f.engine.Hold("launch")
	f.engine.Hold("first-sync:acct-1")
	f.sync(t, domain.ResTickets, openTicket("T1", 1, noon.Add(-time.Minute)))

	// when one is released, nothing pops; when the other is, the summary does
	f.engine.Release("launch")
	assert.Empty(t, f.inbox.Take())
	f.engine.Release("first-sync:acct-1")
	sum := f.inbox.Take()
	require.Len(t, sum, 1)
	assert.Equal(t, "1 条新通知", sum[0].Title)
	assert.Equal(t, "1 个新工单", sum[0].Body)
	assert.Equal(t, "T1", sum[0].RecordID, "a summary of one record opens it")
	assert.False(t, sum[0].Critical)

	// and later popups go out one by one again
	got := f.sync(t, domain.ResTickets, openTicket("T2", 1, noon.Add(-time.Minute)))
	require.Len(t, got, 1)
	assert.True(t, got[0].Popup)
}

func TestAnOverdueSLASaysSoInTitleAndBody(t *testing.T) {
	// given a ticket an hour past its SLA
	s := allOn()
	s.Lang = LangEN
	f := newFixture(t, s, noon)

	// when it is synced
	got := f.sync(t, domain.ResTickets, openTicket("T1", 1, noon.Add(-25*time.Hour)))

	// then its SLA warning's title and body agree that it is breached, and it is critical
	var sla []Notification
	for _, n := range got {
		if n.Kind == KindTicketSLA {
			sla = append(sla, n)
		}
	}
	require.Len(t, sla, 1)
	assert.Equal(t, "Ticket SLA breached", sla[0].Title)
	assert.Contains(t, sla[0].Body, "SLA breached")
	assert.True(t, sla[0].Critical)
}

func TestSLAWarningsTitledByWhetherTheyPassed(t *testing.T) {
	// given one ticket past its SLA and one 20 minutes from it, in one sync
	s := allOn()
	s.Lang = LangEN
	s.Rules[KindNewTicket] = RuleSetting{} // only the SLA warnings
	f := newFixture(t, s, noon)
	late := openTicket("T1", 1, noon.Add(-25*time.Hour))
	near := openTicket("T2", 1, noon.Add(-24*time.Hour+20*time.Minute))

	// when they are synced together
	got := f.sync(t, domain.ResTickets, late, near)

	// then the one warning says some are near and some past
	require.Len(t, got, 1)
	assert.Equal(t, "2 tickets near or past their SLA", got[0].Title)
}
