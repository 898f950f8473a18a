package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failingCreate picks, from A's cache, the failed create-instance call with
// the most time left before the order is unsubscribed automatically.
func (d *day) failingCreate(t *testing.T) domain.InterfaceAlert {
	t.Helper()
	var best domain.InterfaceAlert
	for _, a := range scanAll[domain.InterfaceAlert](t, d.a.store) {
		if a.Kind == domain.IfaceCreateInstance && a.State == domain.AlertRetrying &&
			a.UnsubscribeAt.After(best.UnsubscribeAt) {
			best = a
		}
	}
	require.NotEmpty(t, best.ID, "seed %d has no retrying create-instance failure", worldSeed)
	left, ok := best.Countdown(d.w.now())
	require.True(t, ok)
	require.Greater(t, left, 35*time.Minute, "alert %s must leave room for the 30-minute warning", best.ID)
	return best
}

// deadlines lists every running countdown the cache knows at the clock's now.
func deadlines(t *testing.T, c *console) []localstore.Deadline {
	t.Helper()
	dl, err := c.store.NearestDeadlines(c.now(), 1000)
	require.NoError(t, err)
	return dl
}

// deadlineOf finds one record's running countdown.
func deadlineOf(t *testing.T, c *console, id string) (localstore.Deadline, bool) {
	t.Helper()
	for _, dl := range deadlines(t, c) {
		if dl.ID == id {
			return dl, true
		}
	}
	return localstore.Deadline{}, false
}

// countdowns takes the countdown notifications about one alert.
func countdowns(c *console, id string) []notify.Notification {
	return ofKind(c.centre.take(), notify.KindAlertCountdown, id)
}

// alertCountdown: with the network down, the clock runs to 29 and then 9
// minutes before the automatic unsubscription; the notification ticker
// fires each countdown once from the cached deadline alone. The merchant
// restarts the call through the outbox; when the network is back the alert
// is resolved before its deadline and no countdown fires any more.
func (d *day) alertCountdown(t *testing.T) {
	a, sb := d.a, d.w.sb
	// given a retrying create-instance failure in A's cache
	al := d.failingCreate(t)
	deadline := al.UnsubscribeAt
	lastSync, err := syncer.LastSync(a.store)
	require.NoError(t, err)
	a.centre.take()

	// when the network is down and the clock reaches 31 minutes before the deadline
	sb.SetOffline(true)
	sb.Advance(deadline.Add(-31 * time.Minute).Sub(d.w.now()))
	_, err = a.sync(t)
	require.Error(t, err, "offline")
	a.tick(t)

	// then it is too early for a countdown
	assert.Empty(t, countdowns(a, al.ID), "31 minutes left is outside every lead")

	// when the clock reaches 29 minutes before the deadline
	sb.Advance(2 * time.Minute)
	a.tick(t)

	// then the 30-minute countdown fires once, urgent, with the time left,
	// and the cache lists the deadline among the running countdowns
	dl, ok := deadlineOf(t, a, al.ID)
	require.True(t, ok, "alert %s among the running countdowns", al.ID)
	assert.Equal(t, domain.ResAlerts, dl.Resource)
	assert.Equal(t, "unsubscribe", dl.Kind)
	assert.True(t, dl.At.Equal(deadline), "countdown ends at %s, want %s", dl.At, deadline)
	got := countdowns(a, al.ID)
	require.Len(t, got, 1, "30-minute countdown")
	assert.True(t, got[0].Urgent)
	assert.Equal(t, al.ID, got[0].RecordID)
	assert.Contains(t, got[0].Body, "29 min left")
	a.tick(t)
	assert.Empty(t, countdowns(a, al.ID), "a second tick repeats nothing")
	a.restart(t, nil)
	a.tick(t)
	assert.Empty(t, countdowns(a, al.ID), "nor does a restarted console: the log remembers")

	// when the clock reaches 11 minutes before the deadline, still offline
	sb.Advance(18 * time.Minute)
	a.tick(t)

	// then nothing fires: the 30-minute warning was given, the 10-minute one is not due
	assert.Empty(t, countdowns(a, al.ID), "11 minutes left")

	// when the clock reaches 9 minutes before the deadline
	sb.Advance(2 * time.Minute)
	a.tick(t)

	// then the 10-minute countdown fires once
	got = countdowns(a, al.ID)
	require.Len(t, got, 1, "10-minute countdown")
	assert.Contains(t, got[0].Body, "9 min left")
	a.tick(t)
	assert.Empty(t, countdowns(a, al.ID))
	still, err := syncer.LastSync(a.store)
	require.NoError(t, err)
	assert.True(t, still.Equal(lastSync), "the countdowns came from the cache: no sync succeeded")

	// when the merchant presses restart while offline, then the network returns
	a.enqueue(t, "A-restart-"+al.ID, domain.ResAlerts, al.ID, domain.ActRestart, domain.ActionParams{Agent: a.agent})
	_, err = a.sync(t)
	require.Error(t, err, "still offline")
	assert.Len(t, a.pending(t), 1)
	sb.SetOffline(false)
	sum := a.mustSync(t)

	// then the restart was delivered before the deadline and the alert is resolved
	assert.Equal(t, 1, sum.Push.Done)
	assert.True(t, d.w.now().Before(deadline))
	cached := get[domain.InterfaceAlert](t, a, al.ID)
	assert.Equal(t, domain.AlertResolved, cached.State)
	assert.Greater(t, cached.Attempts, al.Attempts)
	rec, ok := sb.Record(sandbox.AccountMain, domain.ResAlerts, al.ID)
	require.True(t, ok)
	assert.Equal(t, domain.AlertResolved, rec.(domain.InterfaceAlert).State)
	assertConverged(t, a, domain.ResAlerts, domain.ResOrders)
	_, ok = deadlineOf(t, a, al.ID)
	assert.False(t, ok, "a resolved alert has no countdown")

	// and when the deadline passes, no countdown fires and the order was not unsubscribed
	sb.Advance(30 * time.Minute)
	a.mustSync(t)
	a.tick(t)
	assert.Empty(t, countdowns(a, al.ID))
	assert.Equal(t, domain.AlertResolved, get[domain.InterfaceAlert](t, a, al.ID).State)

	// and the notification log holds exactly the two countdowns of this alert
	notices, err := a.store.Notices(10000)
	require.NoError(t, err)
	var leads []string
	for _, n := range notices {
		if n.RecordID == al.ID && strings.HasPrefix(n.Key, string(notify.KindAlertCountdown)) {
			leads = append(leads, n.Key[strings.LastIndex(n.Key, ":")+1:])
		}
	}
	assert.ElementsMatch(t, []string{"30m", "10m"}, leads)
	d.b.mustSync(t)
	d.b.centre.take()
}
