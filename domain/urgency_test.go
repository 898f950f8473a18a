package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestBindingDeadline_NamesTheEarliestTimer(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	cases := []struct {
		name   string
		task   SupervisionTask
		want   SupervisionDeadline
		passed bool
	}{
		{"merchant stalled six days: the user may appeal since yesterday",
			SupervisionTask{Kind: KindManualService, Current: NodeDeliver, NodeEnteredAt: now.Add(-6 * day), CreatedAt: now.Add(-7 * day)},
			DeadlineStallAppeal, true},
		{"hardware signed for nine days ago: accepted tomorrow",
			SupervisionTask{Kind: KindHardware, Current: NodeInTransit, SignedForAt: now.Add(-9 * day), CreatedAt: now.Add(-12 * day)},
			DeadlineAutoAccept, false},
		{"waiting on the user for 181 days: the warning passed",
			SupervisionTask{Kind: KindManualService, Current: NodeAcceptance, CreatedAt: now.Add(-181 * day)},
			DeadlineWarning, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			which, at := c.task.BindingDeadline()
			assert.Equal(t, c.want, which)
			assert.Equal(t, c.task.NextDeadline(), at, "the same time NextDeadline gives")
			assert.Equal(t, c.passed, c.task.DeadlinePassed(now))
		})
	}
	which, at := SupervisionTask{Current: NodeDone}.BindingDeadline()
	assert.Empty(t, which, "a finished flow has no deadline")
	assert.True(t, at.IsZero())
}

func TestAlertRank_CountdownThenManualRestartThenRetryingThenFinished(t *testing.T) {
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	assert.Equal(t, 0, AlertRank(InterfaceAlert{State: AlertRetrying, UnsubscribeAt: at}))
	assert.Equal(t, 1, AlertRank(InterfaceAlert{State: AlertFailed}))
	assert.Equal(t, 2, AlertRank(InterfaceAlert{State: AlertRetrying}))
	assert.Equal(t, 2, AlertRank(InterfaceAlert{State: AlertRestarting}))
	assert.Equal(t, 3, AlertRank(InterfaceAlert{State: AlertUnsubscribed, UnsubscribeAt: at}))
}

func TestActionLabels_EveryActionIsNamedInBothLanguages(t *testing.T) {
	for _, r := range AllResources {
		for _, a := range ActionsFor(r) {
			l := a.Label()
			assert.NotEqual(t, string(a), l.En, "%s has no English name", a)
			assert.NotEqual(t, string(a), l.Zh, "%s has no Chinese name", a)
		}
	}
}
