package notify

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestQuietHoursAndUrgentExceptions(t *testing.T) {
	night := time.Date(2026, 11, 20, 23, 30, 0, 0, shanghai)
	early := time.Date(2026, 11, 21, 7, 59, 0, 0, shanghai)
	cases := []struct {
		name        string
		at          time.Time
		quietOn     bool
		ticketPopup bool // a new ticket is not urgent
	}{
		{"late evening is quiet", night, true, false},
		{"just before the end is quiet", early, true, false},
		{"noon is not quiet", noon, true, true},
		{"quiet hours off", night, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given default quiet hours 22:00-08:00, on or off
			s := DefaultSettings()
			s.Quiet.On = tc.quietOn
			f := newFixture(t, s, tc.at)

			// when a new ticket arrives and an order is 8 minutes from unsubscription
			tickets := f.sync(t, domain.ResTickets, openTicket("T1", 1, tc.at))
			alerts := f.sync(t, domain.ResAlerts, failingAlert("A1", 1, tc.at.Add(-172*time.Minute), tc.at.Add(8*time.Minute)))

			// then the ticket pops up only outside quiet hours but always reaches the centre,
			// and the countdown always breaks through
			require.Len(t, tickets, 1)
			assert.Equal(t, tc.ticketPopup, tickets[0].Popup)
			require.Len(t, alerts, 2, "new failure and countdown")
			byKind := map[Kind]Notification{}
			for _, n := range alerts {
				byKind[n.Kind] = n
			}
			assert.True(t, byKind[KindAlertCountdown].Popup)
			assert.Equal(t, tc.ticketPopup, byKind[KindNewAlert].Popup)
			assert.Equal(t, KindAlertCountdown, alerts[0].Kind, "urgent goes out first")
		})
	}
}

func TestQuietWindow(t *testing.T) {
	cases := []struct {
		start, end, at string
		want           bool
	}{
		{"22:00", "08:00", "22:00", true},
		{"22:00", "08:00", "03:15", true},
		{"22:00", "08:00", "08:00", false},
		{"22:00", "08:00", "21:59", false},
		{"13:00", "14:00", "13:30", true},
		{"13:00", "14:00", "14:30", false},
		{"00:00", "00:00", "12:00", false},
	}
	for _, tc := range cases {
		at, err := time.ParseInLocation("15:04", tc.at, shanghai)
		require.NoError(t, err)
		q := QuietHours{On: true, Start: tc.start, End: tc.end}
		assert.Equal(t, tc.want, q.quiet(at), "%s-%s at %s", tc.start, tc.end, tc.at)
	}
}

func TestNoRepeatAcrossReopenedStore(t *testing.T) {
	// given an alert 20 minutes from unsubscription and a ticket, told once
	dir := t.TempDir()
	c := &clock{now: noon}
	first := &inbox{}
	store := openStore(t, dir, "acct-1")
	engine := newTestEngine(t, c, first, DefaultSettings())
	engine.AddAccount(store, "Shop One")
	alertChanges := apply(t, store, domain.ResAlerts, failingAlert("A1", 1, noon.Add(-160*time.Minute), noon.Add(20*time.Minute)))
	ticketChanges := apply(t, store, domain.ResTickets, openTicket("T1", 1, noon))
	require.NoError(t, engine.HandleChanges(append(alertChanges, ticketChanges...)))
	require.NoError(t, engine.Tick())
	told := first.Take()
	require.Len(t, told, 3, "new failure, countdown, new ticket")
	require.NoError(t, store.Close())

	// when the app restarts: the cache is reopened, a new engine ticks and
	// the sync engine hands over the same changes again
	again := &inbox{}
	reopened := openStore(t, dir, "acct-1")
	engine2 := newTestEngine(t, c, again, DefaultSettings())
	engine2.AddAccount(reopened, "Shop One")
	require.NoError(t, engine2.Tick())
	require.NoError(t, engine2.HandleChanges(append(alertChanges, ticketChanges...)))

	// then nothing is told twice, and the log still holds each notice once
	assert.Empty(t, again.Take())
	logged, err := reopened.Notices(10)
	require.NoError(t, err)
	assert.Len(t, logged, 3)
}

func TestPerRuleOnOffSilent(t *testing.T) {
	cases := []struct {
		name      string
		rule      *RuleSetting // nil: the default
		wantCount int
		wantPopup bool
	}{
		{"default: new ticket pops up", nil, 1, true},
		{"off: neither shown nor logged", &RuleSetting{On: false, Popup: true}, 0, false},
		{"silent: badge only", &RuleSetting{On: true, Popup: false}, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given the new-ticket rule set as in the case
			s := DefaultSettings()
			if tc.rule != nil {
				s.Rules[KindNewTicket] = *tc.rule
			}
			f := newFixture(t, s, noon)

			// when a new ticket arrives
			got := f.sync(t, domain.ResTickets, openTicket("T1", 1, noon))

			// then the rule decides
			require.Len(t, got, tc.wantCount)
			logged, err := f.store.Notices(10)
			require.NoError(t, err)
			assert.Len(t, logged, tc.wantCount)
			if tc.wantCount > 0 {
				assert.Equal(t, tc.wantPopup, got[0].Popup)
			}
		})
	}
}

func TestNewOrdersAreBadgeOnlyByDefault(t *testing.T) {
	// given default settings
	f := newFixture(t, DefaultSettings(), noon)

	// when a new order arrives
	got := f.sync(t, domain.ResOrders, newOrder("CS1", noon))

	// then it reaches the centre and its badge, without a popup
	require.Len(t, got, 1)
	assert.False(t, got[0].Popup)
}

func TestAccountNamedWhenSeveralAreOpen(t *testing.T) {
	// given two accounts open in one engine
	f := newFixture(t, DefaultSettings(), noon)
	other := openStore(t, t.TempDir(), "acct-2")
	f.engine.AddAccount(other, "Shop Two")
	single := f.sync(t, domain.ResTickets, openTicket("T1", 1, noon))

	// when the second account closes and another ticket arrives
	f.engine.RemoveAccount("acct-2")
	alone := f.sync(t, domain.ResTickets, openTicket("T2", 1, noon))

	// then the title names the account only while several are open, in the log too
	require.Len(t, single, 1)
	assert.Equal(t, "[Shop One] 新工单", single[0].Title)
	require.Len(t, alone, 1)
	assert.Equal(t, "新工单", alone[0].Title)
	logged, err := f.store.Notices(10)
	require.NoError(t, err)
	require.Len(t, logged, 2)
	assert.Equal(t, "[Shop One] 新工单", logged[1].Title)
}

func TestSyncFailingForALongTime(t *testing.T) {
	// given a sync failing since 12:00
	f := newFixture(t, DefaultSettings(), noon)
	since := noon

	// when the sync engine reports it after 10, 31 and 45 minutes
	var got [][]Notification
	for _, after := range []time.Duration{10 * time.Minute, 21 * time.Minute, 14 * time.Minute} {
		f.clock.Advance(after)
		require.NoError(t, f.engine.SyncFailing("acct-1", since, "dial tcp: connection refused"))
		got = append(got, f.inbox.Take())
	}

	// then the user hears once, past 30 minutes
	assert.Empty(t, got[0])
	require.Len(t, got[1], 1)
	assert.Equal(t, "Shop One 已连续 31 分钟无法同步：dial tcp: connection refused", got[1][0].Body)
	assert.Empty(t, got[2])
}

func TestUnwatchedAccountIsAnError(t *testing.T) {
	// given an engine watching acct-1 only
	f := newFixture(t, DefaultSettings(), noon)

	// when a change for another account arrives
	err := f.engine.HandleChanges([]domain.Change{{Account: "acct-9", Resource: domain.ResTickets,
		Kind: domain.ChangeNew, ID: "T1", After: openTicket("T1", 1, noon)}})

	// then it says so and delivers nothing
	require.ErrorContains(t, err, `account "acct-9" is not watched`)
	assert.Empty(t, f.inbox.Take())
}

func TestSettingsRoundTripAndDefaults(t *testing.T) {
	// given settings saved by an older release that knew no sync-failing rule
	s := DefaultSettings()
	s.Rules[KindNewOrder] = RuleSetting{On: true}
	delete(s.Rules, KindSyncFailing)
	data, err := json.Marshal(s)
	require.NoError(t, err)

	// when they are loaded again
	var back Settings
	require.NoError(t, json.Unmarshal(data, &back))

	// then they survive and the missing rule takes its default
	assert.Equal(t, s, back)
	assert.Equal(t, RuleSetting{On: true}, back.Rule(KindNewOrder))
	assert.Equal(t, RuleSetting{On: true, Popup: true}, back.Rule(KindSyncFailing))
	assert.NoError(t, back.Validate())
}

func TestBadSettingsAreRefused(t *testing.T) {
	cases := map[string]func(*Settings){
		"language":    func(s *Settings) { s.Lang = "fr" },
		"quiet start": func(s *Settings) { s.Quiet.Start = "25:00" },
		"alert lead":  func(s *Settings) { s.AlertLeadMinutes = []int{30, 0} },
		"unknown":     func(s *Settings) { s.Rules["bogus"] = RuleSetting{On: true} },
		"negative":    func(s *Settings) { s.SLALeadMinutes = -1 },
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			// given an engine and settings spoiled in one way
			f := newFixture(t, DefaultSettings(), noon)
			s := DefaultSettings()
			spoil(&s)

			// when they are set
			err := f.engine.SetSettings(s)

			// then they are refused and the old ones stay
			require.Error(t, err)
			assert.Equal(t, DefaultSettings(), f.engine.Settings())
		})
	}
}

func TestRunTicksAtOnce(t *testing.T) {
	// given an alert 10 minutes from unsubscription and an engine delivering to a channel
	c := &clock{now: noon}
	store := openStore(t, t.TempDir(), "acct-1")
	apply(t, store, domain.ResAlerts, failingAlert("A1", 1, noon.Add(-170*time.Minute), noon.Add(10*time.Minute)))
	out := make(chan Notification, 4)
	e, err := NewEngine(Options{Settings: DefaultSettings(), Now: c.Now, Location: shanghai,
		Deliver: func(n Notification) { out <- n }})
	require.NoError(t, err)
	e.AddAccount(store, "Shop One")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})

	// when Run starts with a long interval
	go func() { e.Run(ctx, time.Hour); close(done) }()

	// then the countdown arrives from the first tick, and Run ends with its context
	n := <-out
	cancel()
	<-done
	assert.Equal(t, "alert-countdown:acct-1:A1:10m", n.Key)
}

func TestSetSettingsTakesEffectAndIsCopied(t *testing.T) {
	// given an engine in Chinese
	f := newFixture(t, DefaultSettings(), noon)
	s := DefaultSettings()
	s.Lang = LangEN

	// when English is set and the caller then edits its own copy
	require.NoError(t, f.engine.SetSettings(s))
	s.Rules[KindNewTicket] = RuleSetting{On: false}
	got := f.sync(t, domain.ResTickets, openTicket("T1", 1, noon))

	// then the new language applies and the caller's later edit does not
	require.Len(t, got, 1)
	assert.Equal(t, "New ticket", got[0].Title)
}

func TestNewEngineRefusesBadOptions(t *testing.T) {
	bad := DefaultSettings()
	bad.Quiet.End = "8am"
	_, err := NewEngine(Options{Settings: DefaultSettings()})
	assert.ErrorContains(t, err, "Deliver is required")
	_, err = NewEngine(Options{Settings: bad, Deliver: func(Notification) {}})
	assert.ErrorContains(t, err, "quiet hours end")
}

func TestRecordsByPointerAreRead(t *testing.T) {
	// given a change whose record comes by pointer
	f := newFixture(t, DefaultSettings(), noon)
	tk := openTicket("T1", 1, noon)

	// when it is handled
	require.NoError(t, f.engine.HandleChanges([]domain.Change{{Account: "acct-1", Resource: domain.ResTickets,
		Kind: domain.ChangeNew, ID: "T1", After: &tk}}))

	// then it is told like a value
	assert.Equal(t, []string{"new-ticket:acct-1:T1"}, keysOf(f.inbox.Take()))
}
