package notify

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestCountdownFiresOfflineFromStoredDeadlines(t *testing.T) {
	// given an alert cached by an earlier sync, 45 minutes before unsubscription,
	// and no sync from now on (offline: only the ticker runs)
	f := newFixture(t, DefaultSettings(), noon)
	alert := failingAlert("A1", 1, noon.Add(-135*time.Minute), noon.Add(45*time.Minute))
	apply(t, f.store, domain.ResAlerts, alert)

	// when the ticker runs before the first lead, then inside 30 and 10 minutes, then past the deadline
	assert.Empty(t, f.tick(t), "45 minutes left: no lead reached yet")
	f.clock.Advance(16 * time.Minute)
	at30 := f.tick(t)
	f.clock.Advance(time.Minute)
	again := f.tick(t)
	f.clock.Advance(20 * time.Minute)
	at10 := f.tick(t)
	f.clock.Advance(10 * time.Minute)
	after := f.tick(t)

	// then each lead fires exactly once, urgent, naming the order and the minutes left
	require.Len(t, at30, 1)
	assert.Equal(t, "alert-countdown:acct-1:A1:30m", at30[0].Key)
	assert.Equal(t, "订单即将被自动退订", at30[0].Title)
	assert.Contains(t, at30[0].Body, "CSA1")
	assert.Contains(t, at30[0].Body, "29 分钟")
	assert.True(t, at30[0].Urgent)
	assert.Equal(t, domain.ResAlerts, at30[0].Resource)
	assert.Equal(t, "A1", at30[0].RecordID)
	assert.Empty(t, again, "the 30-minute alert is not repeated")
	require.Len(t, at10, 1)
	assert.Equal(t, "alert-countdown:acct-1:A1:10m", at10[0].Key)
	assert.Contains(t, at10[0].Body, "8 分钟")
	assert.Empty(t, after, "no countdown once the deadline passed")
}

func TestCountdownFirstSeenInsideTheTightestLead(t *testing.T) {
	// given an alert first seen with 5 minutes left
	f := newFixture(t, DefaultSettings(), noon)
	apply(t, f.store, domain.ResAlerts, failingAlert("A2", 1, noon.Add(-175*time.Minute), noon.Add(5*time.Minute)))

	// when the ticker runs
	got := f.tick(t)

	// then only the 10-minute alert fires: "30 minutes left" would be false
	assert.Equal(t, []string{"alert-countdown:acct-1:A2:10m"}, keysOf(got))
}

func TestCountdownLeadsAreConfigurable(t *testing.T) {
	// given leads of 60 and 5 minutes and an alert 50 minutes from unsubscription
	s := DefaultSettings()
	s.AlertLeadMinutes = []int{5, 60}
	f := newFixture(t, s, noon)
	apply(t, f.store, domain.ResAlerts, failingAlert("A3", 1, noon.Add(-2*time.Hour), noon.Add(50*time.Minute)))

	// when the ticker runs now and 46 minutes later
	first := f.tick(t)
	f.clock.Advance(46 * time.Minute)
	second := f.tick(t)

	// then the configured leads fire
	assert.Equal(t, []string{"alert-countdown:acct-1:A3:60m"}, keysOf(first))
	assert.Equal(t, []string{"alert-countdown:acct-1:A3:5m"}, keysOf(second))
}

func TestResolvedAlertStopsCounting(t *testing.T) {
	// given an alert 20 minutes from unsubscription that the seller then fixed
	f := newFixture(t, DefaultSettings(), noon.Add(-time.Hour))
	a := failingAlert("A4", 1, noon.Add(-150*time.Minute), noon.Add(20*time.Minute))
	apply(t, f.store, domain.ResAlerts, a)
	a.Version, a.State, a.UnsubscribeAt = 2, domain.AlertResolved, time.Time{}
	apply(t, f.store, domain.ResAlerts, a)
	f.clock.Advance(time.Hour)

	// when the ticker runs
	got := f.tick(t)

	// then nothing counts down
	assert.Empty(t, got)
}

func TestOtherDeadlinesFireFromTheTicker(t *testing.T) {
	created := noon.Add(-200 * 24 * time.Hour)
	hardware := domain.SupervisionTask{
		Meta: meta("acct-1", "S1", 3, noon), OrderID: "CSHW1", ProductName: "边缘网关",
		Kind: domain.KindHardware, Current: domain.NodeInTransit, CreatedAt: noon.Add(-12 * 24 * time.Hour),
		NodeEnteredAt: noon.Add(-11 * 24 * time.Hour), SignedForAt: noon.Add(-9*24*time.Hour - 12*time.Hour),
	}
	old := domain.SupervisionTask{
		Meta: meta("acct-1", "S2", 5, noon), OrderID: "CSOLD", ProductName: "实施服务",
		Kind: domain.KindManualService, Current: domain.NodeAcceptance, CreatedAt: created, NodeEnteredAt: created,
	}
	ticket := openTicket("T1", 1, noon.Add(-24*time.Hour+20*time.Minute))
	cases := []struct {
		name  string
		res   domain.Resource
		rec   domain.Record
		key   string
		title string
	}{
		{"hardware auto-acceptance within a day", domain.ResSupervision, hardware,
			"hardware-auto-accept:acct-1:S1:" + unix(hardware.AutoAcceptAt()), "硬件即将自动验收"},
		{"supervision past 180 days", domain.ResSupervision, old, "supervision-180d:acct-1:S2", "服务监管 180 天未验收"},
		{"ticket SLA within 30 minutes", domain.ResTickets, ticket,
			"ticket-sla:acct-1:T1:" + unix(ticket.SLADue), "工单即将超时"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given the record only in the cache
			f := newFixture(t, DefaultSettings(), noon)
			apply(t, f.store, tc.res, tc.rec)

			// when the ticker runs twice
			first := f.tick(t)
			second := f.tick(t)

			// then it fires once
			require.Len(t, first, 1)
			assert.Equal(t, tc.key, first[0].Key)
			assert.Equal(t, tc.title, first[0].Title)
			assert.Empty(t, second)
		})
	}
}

func TestTicketSLAWaitsForTheLead(t *testing.T) {
	// given a ticket 2 hours from its SLA and one paused for the customer
	f := newFixture(t, DefaultSettings(), noon)
	running := openTicket("T2", 1, noon.Add(-22*time.Hour))
	paused := openTicket("T3", 1, noon.Add(-23*time.Hour-50*time.Minute))
	paused.Status, paused.SLAPausedAt = domain.TicketAwaitingCustomer, noon.Add(-time.Hour)
	apply(t, f.store, domain.ResTickets, running, paused)

	// when the ticker runs now and 95 minutes later
	now := f.tick(t)
	f.clock.Advance(95 * time.Minute)
	later := f.tick(t)

	// then only the running ticket warns, once inside 30 minutes, with its minutes left
	assert.Empty(t, now)
	require.Len(t, later, 1)
	assert.Equal(t, "T2", later[0].RecordID)
	assert.Contains(t, later[0].Body, "剩余 25 分钟")
}

func TestSyncAndTickerAtOnceTellOnce(t *testing.T) {
	// given an alert 9 minutes from unsubscription, reported by a sync while the ticker runs
	f := newFixture(t, DefaultSettings(), noon)
	changes := apply(t, f.store, domain.ResAlerts, failingAlert("A1", 1, noon.Add(-171*time.Minute), noon.Add(9*time.Minute)))

	// when both paths race eight times over
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(2)
		go func() { defer wg.Done(); assert.NoError(t, f.engine.HandleChanges(changes)) }()
		go func() { defer wg.Done(); assert.NoError(t, f.engine.Tick()) }()
	}
	wg.Wait()

	// then the countdown and the new failure were each told once
	got := keysOf(f.inbox.Take())
	assert.ElementsMatch(t, []string{"alert-countdown:acct-1:A1:10m", "new-alert:acct-1:A1:" + unix(noon.Add(-171*time.Minute))}, got)
}
