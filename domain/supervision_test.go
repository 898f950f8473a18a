package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

var day = 24 * time.Hour

func TestFlowFor(t *testing.T) {
	manual := []Node{NodeSubmitRequirement, NodeConfirmRequirement, NodeDeliver, NodeConfirmCompletion, NodeAcceptance, NodeDone}
	tests := []struct {
		kind ProductKind
		want []Node
	}{
		// user submits → merchant confirms → delivers + report → confirms completion → user accepts
		{KindManualService, manual},
		{KindSaaSOffline, manual},
		// hardware starts at "merchant delivers": ship, courier, acceptance (auto after sign-off)
		{KindHardware, []Node{NodeShip, NodeInTransit, NodeAcceptance, NodeDone}},
		// orchestration starts at "merchant delivers"
		{KindOrchestration, []Node{NodeDeliver, NodeConfirmCompletion, NodeAcceptance, NodeDone}},
		// License: merchant confirms → code activated → merchant uploads proof
		{KindLicense, []Node{NodeConfirmRequirement, NodeActivateCode, NodeUploadProof, NodeDone}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			// when
			got := FlowFor(tt.kind)
			// then
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want, SupervisionTask{Kind: tt.kind}.Flow())
		})
	}
}

func TestFlowForHardwareAndOrchestrationSkipRequirements(t *testing.T) {
	for _, k := range []ProductKind{KindHardware, KindOrchestration} {
		t.Run(string(k), func(t *testing.T) {
			flow := FlowFor(k)
			assert.NotContains(t, flow, NodeSubmitRequirement)
			assert.NotContains(t, flow, NodeConfirmRequirement)
			assert.Equal(t, PartyMerchant, NodeActor(flow[0]), "the merchant acts first")
		})
	}
}

func TestNodeActor(t *testing.T) {
	tests := []struct {
		node Node
		want Party
	}{
		{NodeSubmitRequirement, PartyUser},
		{NodeConfirmRequirement, PartyMerchant},
		{NodeDeliver, PartyMerchant},
		{NodeShip, PartyMerchant},
		{NodeInTransit, PartySystem},
		{NodeConfirmCompletion, PartyMerchant},
		{NodeActivateCode, PartySystem},
		{NodeUploadProof, PartyMerchant},
		{NodeAcceptance, PartyUser},
		{NodeDone, PartySystem},
	}
	for _, tt := range tests {
		t.Run(string(tt.node), func(t *testing.T) {
			assert.Equal(t, tt.want, NodeActor(tt.node))
		})
	}
}

func TestSupervisionNextActor(t *testing.T) {
	opened := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		task        SupervisionTask
		wantActor   Party
		wantFrozen  bool
		wantWaiting bool
	}{
		{"merchant must confirm", SupervisionTask{Kind: KindManualService, Current: NodeConfirmRequirement}, PartyMerchant, false, true},
		{"user must accept", SupervisionTask{Kind: KindManualService, Current: NodeAcceptance}, PartyUser, false, false},
		{"courier under way", SupervisionTask{Kind: KindHardware, Current: NodeInTransit}, PartySystem, false, false},
		{"open appeal freezes merchant node",
			SupervisionTask{Kind: KindManualService, Current: NodeDeliver, Appeal: &Appeal{By: PartyUser, Status: AppealOpen, OpenedAt: opened}},
			PartyOperations, true, false},
		{"decided appeal no longer freezes",
			SupervisionTask{Kind: KindManualService, Current: NodeDeliver, Appeal: &Appeal{By: PartyUser, Status: AppealRejected, OpenedAt: opened}},
			PartyMerchant, false, true},
		{"upheld appeal no longer freezes",
			SupervisionTask{Kind: KindLicense, Current: NodeUploadProof, Appeal: &Appeal{By: PartyMerchant, Status: AppealUpheld}},
			PartyMerchant, false, true},
		{"done", SupervisionTask{Kind: KindLicense, Current: NodeDone}, PartySystem, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.wantActor, tt.task.NextActor())
			assert.Equal(t, tt.wantFrozen, tt.task.Frozen())
			assert.Equal(t, tt.wantWaiting, tt.task.WaitingOnMerchant())
		})
	}
}

func TestAutoAcceptAt(t *testing.T) {
	signed := time.Date(2026, 11, 10, 15, 30, 0, 0, time.UTC)
	hw := SupervisionTask{Kind: KindHardware, Current: NodeAcceptance, SignedForAt: signed}
	tests := []struct {
		name string
		task func(SupervisionTask) SupervisionTask
		want time.Time
	}{
		{"ten days after signed for", func(t SupervisionTask) SupervisionTask { return t }, signed.Add(10 * day)},
		{"phone mismatch stops the timer", func(t SupervisionTask) SupervisionTask { t.PhoneMismatch = true; return t }, time.Time{}},
		{"not signed for yet", func(t SupervisionTask) SupervisionTask {
			t.SignedForAt = time.Time{}
			t.Current = NodeInTransit
			return t
		}, time.Time{}},
		{"not hardware", func(t SupervisionTask) SupervisionTask { t.Kind = KindOrchestration; return t }, time.Time{}},
		{"done", func(t SupervisionTask) SupervisionTask { t.Current = NodeDone; return t }, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given
			task := tt.task(hw)
			// when
			got := task.AutoAcceptAt()
			// then
			assert.True(t, tt.want.Equal(got), "want %v, got %v", tt.want, got)
		})
	}
}

func TestStallAppealAt(t *testing.T) {
	entered := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		task SupervisionTask
		want time.Time
	}{
		{"merchant to confirm: five days", SupervisionTask{Kind: KindManualService, Current: NodeConfirmRequirement, NodeEnteredAt: entered}, entered.Add(5 * day)},
		{"merchant to ship: five days", SupervisionTask{Kind: KindHardware, Current: NodeShip, NodeEnteredAt: entered}, entered.Add(5 * day)},
		{"user to accept: none", SupervisionTask{Kind: KindManualService, Current: NodeAcceptance, NodeEnteredAt: entered}, time.Time{}},
		{"system step: none", SupervisionTask{Kind: KindLicense, Current: NodeActivateCode, NodeEnteredAt: entered}, time.Time{}},
		{"frozen by appeal: none", SupervisionTask{Kind: KindManualService, Current: NodeDeliver, NodeEnteredAt: entered, Appeal: &Appeal{Status: AppealOpen}}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.task.StallAppealAt()
			assert.True(t, tt.want.Equal(got), "want %v, got %v", tt.want, got)
		})
	}
}

func TestWarningAt(t *testing.T) {
	created := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	open := SupervisionTask{Kind: KindManualService, Current: NodeAcceptance, CreatedAt: created}
	assert.True(t, created.Add(180*day).Equal(open.WarningAt()), "180 days after the order")
	done := open
	done.Current = NodeDone
	assert.True(t, done.WarningAt().IsZero(), "no warning once accepted")
}

func TestNextDeadline(t *testing.T) {
	created := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	entered := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	signed := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		task SupervisionTask
		want time.Time
	}{
		{"stall before warning", SupervisionTask{Kind: KindManualService, Current: NodeDeliver, CreatedAt: entered.Add(-day), NodeEnteredAt: entered}, entered.Add(5 * day)},
		{"warning before stall", SupervisionTask{Kind: KindManualService, Current: NodeDeliver, CreatedAt: created, NodeEnteredAt: created.Add(179 * day)}, created.Add(180 * day)},
		{"auto-accept before warning", SupervisionTask{Kind: KindHardware, Current: NodeAcceptance, CreatedAt: entered, SignedForAt: signed}, signed.Add(10 * day)},
		{"phone mismatch leaves the warning", SupervisionTask{Kind: KindHardware, Current: NodeAcceptance, CreatedAt: entered, SignedForAt: signed, PhoneMismatch: true}, entered.Add(180 * day)},
		{"done has none", SupervisionTask{Kind: KindHardware, Current: NodeDone, CreatedAt: entered, SignedForAt: signed}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.task.NextDeadline()
			assert.True(t, tt.want.Equal(got), "want %v, got %v", tt.want, got)
		})
	}
}

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
