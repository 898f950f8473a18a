package notify

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestMode_EachModeRoundTripsAndKeepsUrgent(t *testing.T) {
	for _, m := range Modes {
		// given an urgent rule set to mode m
		r := RuleSetting{Urgent: true}.WithMode(m)

		// then it reads back as m and still breaks through quiet hours
		assert.Equal(t, m, r.Mode())
		assert.True(t, r.Urgent, m)
	}
}

func TestMode_DefaultsAreWhatAMerchantWouldPick(t *testing.T) {
	st := DefaultSettings()
	want := map[Kind]Mode{
		KindNewAlert: ModePersistent, KindAlertCountdown: ModePersistent, KindTicketSLA: ModePersistent,
		KindNewTicket: ModePopup, KindCustomerReplied: ModePopup, KindBillInvoice: ModePopup,
		KindSupervisionWaiting: ModePopup, KindNewOrder: ModeBadge,
	}
	for k, m := range want {
		assert.Equal(t, m, st.Rule(k).Mode(), k)
	}
}

func TestMode_PersistentPopupsStayAndPlainOnesDoNot(t *testing.T) {
	// given new tickets set to persistent and interface failures to a plain popup
	st := DefaultSettings()
	st.Rules[KindNewTicket] = st.Rule(KindNewTicket).WithMode(ModePersistent)
	st.Rules[KindNewAlert] = st.Rule(KindNewAlert).WithMode(ModePopup)
	f := newFixture(t, st, noon)

	// when a ticket and a failure arrive
	tickets := f.sync(t, domain.ResTickets, openTicket("T1", 1, noon))
	alerts := f.sync(t, domain.ResAlerts, failingAlert("A1", 1, noon, noon.Add(48*time.Hour)))

	// then the ticket's popup stays until dismissed and the failure's does not
	require.Len(t, tickets, 1)
	assert.True(t, tickets[0].Popup)
	assert.True(t, tickets[0].Critical, "persistent")
	require.NotEmpty(t, alerts)
	assert.False(t, alerts[0].Critical)
}

func TestSLA_WarnsAheadAndOnceMoreAtBreach(t *testing.T) {
	// given a running ticket due in 20 minutes (inside the 30-minute lead)
	tk := openTicket("T-SLA", 1, noon.Add(-time.Hour))
	tk.SLADue = noon.Add(20 * time.Minute)
	lead := 30 * time.Minute

	// when the rule is asked now, again later before the breach, at the breach and after it
	ahead := ticketSLA("acct-1", tk, noon, lead)
	later := ticketSLA("acct-1", tk, noon.Add(10*time.Minute), lead)
	breach := ticketSLA("acct-1", tk, noon.Add(20*time.Minute), lead)
	after := ticketSLA("acct-1", tk, noon.Add(2*time.Hour), lead)

	// then there are exactly two distinct notices: the warning and the breach
	require.Len(t, ahead, 1)
	require.Len(t, breach, 1)
	assert.Equal(t, ahead[0].key, later[0].key, "the warning is told once")
	assert.NotEqual(t, ahead[0].key, breach[0].key, "the breach is told again")
	assert.Equal(t, breach[0].key, after[0].key, "and only once")
}

func TestSLA_TheTickerTellsTheBreachOnceAfterTheWarning(t *testing.T) {
	// given a ticket whose SLA ends in 20 minutes, in the cache the ticker scans
	f := newFixture(t, DefaultSettings(), noon)
	tk := openTicket("T-B", 1, noon.Add(-time.Hour))
	tk.SLADue = noon.Add(20 * time.Minute)
	apply(t, f.store, domain.ResTickets, tk)

	// when the ticker runs now, at the breach, and again after it
	warned := f.tick(t)
	f.clock.Advance(21 * time.Minute)
	breached := f.tick(t)
	f.clock.Advance(time.Hour)
	again := f.tick(t)

	// then the warning, then the breach once, then nothing
	require.Len(t, warned, 1)
	require.Len(t, breached, 1)
	assert.Equal(t, "T-B", breached[0].RecordID)
	assert.True(t, breached[0].Critical, "an SLA popup stays until dismissed")
	assert.Empty(t, again)
}
