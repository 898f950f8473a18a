package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleNow is 2026-11-20 10:00 Beijing time.
var ruleNow = time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)

func unsubscribed(product, order string, at time.Time) InterfaceAlert {
	return InterfaceAlert{ProductName: product, OrderID: order, State: AlertUnsubscribed, UnsubscribeAt: at, LastAttemptAt: at}
}

func TestDelistingCountsDistinctOrdersFailedThisMarketMonth(t *testing.T) {
	// given failures of one product: two alerts of one order, one just after
	// midnight of 11-01 Beijing time (still October in UTC), one the month
	// before, a restartable FAILED one and one counting down
	nov1CST := time.Date(2026, 10, 31, 16, 30, 0, 0, time.UTC)
	alerts := []InterfaceAlert{
		unsubscribed("网盘", "O1", ruleNow.Add(-time.Hour)),
		unsubscribed("网盘", "O1", ruleNow.Add(-2*time.Hour)),
		unsubscribed("网盘", "O2", nov1CST),
		unsubscribed("网盘", "O3", nov1CST.Add(-time.Hour)),
		{ProductName: "网盘", OrderID: "O4", State: AlertFailed},
		{ProductName: "网盘", OrderID: "O5", State: AlertRetrying, UnsubscribeAt: ruleNow.Add(time.Hour)},
		unsubscribed("邮箱", "O6", ruleNow),
	}

	// when counted at ruleNow
	got := DelistingCounts(alerts, ruleNow)

	// then O1 counts once, O2 counts for November, O3 and O4 do not, O5 is at risk
	require.Len(t, got, 2)
	assert.Equal(t, "网盘", got[0].Product, "most failed first")
	assert.Equal(t, []string{"O1", "O2"}, got[0].FailedOrders)
	assert.Equal(t, []string{"O5"}, got[0].AtRisk)
	assert.Equal(t, 3, got[0].Left())
	assert.Equal(t, []string{"O6"}, got[1].FailedOrders)
}

func TestDelistingLevelWarnsAtThreeAndDelistsAboveFive(t *testing.T) {
	for n, want := range map[int]DelistLevel{0: DelistClear, 2: DelistClear, 3: DelistWarning, 5: DelistWarning, 6: DelistOver} {
		// given n failed orders
		c := DelistingCount{FailedOrders: make([]string, n)}
		// then the level follows the rule
		assert.Equal(t, want, c.Level(), "%d failed", n)
	}
	assert.Contains(t, DelistingCount{FailedOrders: []string{"a", "b", "c"}}.Summary().Zh, "3/5")
	for _, l := range []DelistLevel{DelistClear, DelistWarning, DelistOver} {
		assert.NotEmpty(t, l.Label().Zh)
		assert.NotEmpty(t, l.Label().En)
	}
}

func TestMerchantAppealOpensAfterTheUserStallsFiveDays(t *testing.T) {
	// given a flow waiting for the user's acceptance since 5 days minus a minute
	entered := ruleNow.Add(-MerchantStallAppeal + time.Minute)
	task := SupervisionTask{Kind: KindManualService, Current: NodeAcceptance, NodeEnteredAt: entered}

	// when the rule is asked now and two minutes later
	before := MerchantAppeal(task, ruleNow)
	after := MerchantAppeal(task, ruleNow.Add(2*time.Minute))

	// then it opens exactly 5 days after the node was entered, and says so
	assert.False(t, before.Allowed)
	assert.Equal(t, entered.Add(MerchantStallAppeal), before.At)
	assert.Contains(t, before.Reason.En, "1m left")
	assert.True(t, after.Allowed)
	assert.Contains(t, after.Reason.Zh, "停滞超过 5 天")
}

func TestMerchantAppealNeedsMoreThanThreeUserRejections(t *testing.T) {
	// given a flow back on the merchant's side after user rejections
	reject := func(at time.Time) NodeEvent { return NodeEvent{By: PartyUser, Action: EventUserReject, At: at} }
	task := SupervisionTask{Kind: KindManualService, Current: NodeDeliver, NodeEnteredAt: ruleNow,
		Rejections: 5, // two of them the merchant's own rejected requirements
		History: []NodeEvent{reject(ruleNow.Add(-4 * time.Hour)), reject(ruleNow.Add(-3 * time.Hour)),
			{By: PartyMerchant, Action: "reject-requirement"}, reject(ruleNow.Add(-2 * time.Hour))}}

	// when three user rejections, then four
	three := MerchantAppeal(task, ruleNow)
	task.History = append(task.History, reject(ruleNow.Add(-time.Hour)))
	four := MerchantAppeal(task, ruleNow)

	// then only the fourth opens the appeal, and the time is that rejection's
	assert.False(t, three.Allowed, "the merchant's own rejections do not count")
	assert.True(t, three.At.IsZero(), "on the merchant's turn no stall time is in sight")
	assert.True(t, four.Allowed)
	assert.Equal(t, ruleNow.Add(-time.Hour), four.At)
}

func TestMerchantAppealIsClosedOnAFrozenOrDoneFlow(t *testing.T) {
	old := ruleNow.Add(-30 * 24 * time.Hour)
	frozen := SupervisionTask{Current: NodeAcceptance, NodeEnteredAt: old, Appeal: &Appeal{Status: AppealOpen}}
	done := SupervisionTask{Current: NodeDone, NodeEnteredAt: old}
	assert.False(t, MerchantAppeal(frozen, ruleNow).Allowed)
	assert.False(t, MerchantAppeal(done, ruleNow).Allowed)
}

func TestSupervisionCountdowns(t *testing.T) {
	// given a hardware delivery signed for 9 days ago, created 179 days ago
	task := SupervisionTask{Kind: KindHardware, Current: NodeInTransit,
		CreatedAt: ruleNow.Add(-179 * 24 * time.Hour), SignedForAt: ruleNow.Add(-9 * 24 * time.Hour)}

	// when the countdowns are read
	auto, warn := AutoAcceptCountdown(task, ruleNow), UnacceptedWarningCountdown(task, ruleNow)

	// then one day is left on each
	assert.Equal(t, Countdown{Deadline: ruleNow.Add(24 * time.Hour), Remaining: 24 * time.Hour, Running: true}, auto)
	assert.Equal(t, 24*time.Hour, warn.Remaining)
	assert.True(t, AutoAcceptCountdown(task, ruleNow.Add(25*time.Hour)).Passed())
	// and a mismatched phone stops the automatic acceptance
	task.PhoneMismatch = true
	assert.False(t, AutoAcceptCountdown(task, ruleNow).Running)
}
