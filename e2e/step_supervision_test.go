package e2e

import (
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requirementTask picks, from A's cache, a manual-service or offline-SaaS
// task waiting for the merchant to confirm the requirements.
func (d *day) requirementTask(t *testing.T) domain.SupervisionTask {
	t.Helper()
	for _, s := range scanAll[domain.SupervisionTask](t, d.a.store) {
		if (s.Kind == domain.KindManualService || s.Kind == domain.KindSaaSOffline) &&
			s.Current == domain.NodeConfirmRequirement && s.WaitingOnMerchant() {
			return s
		}
	}
	t.Fatalf("seed %d has no task waiting for the merchant to confirm requirements", worldSeed)
	return domain.SupervisionTask{}
}

// supervision: the merchant confirms the requirements, uploads the
// acceptance report and confirms completion through the outbox; a day
// later the simulated user accepts and the task ends DONE in the cache.
func (d *day) supervision(t *testing.T) {
	a, sb := d.a, d.w.sb
	// given a task waiting on the merchant at "confirm requirements"
	task := d.requirementTask(t)
	applied := sb.Applied(sandbox.AccountMain)
	report := "交付验收报告-" + task.OrderID + ".pdf"

	// when the merchant takes the three steps and the console syncs
	a.enqueue(t, "A-confirm-"+task.ID, domain.ResSupervision, task.ID, domain.ActConfirmRequirement, domain.ActionParams{Agent: a.agent, Message: "需求已确认"})
	a.enqueue(t, "A-report-"+task.ID, domain.ResSupervision, task.ID, domain.ActUploadReport, domain.ActionParams{Agent: a.agent, FileName: report})
	a.enqueue(t, "A-complete-"+task.ID, domain.ResSupervision, task.ID, domain.ActConfirmCompletion, domain.ActionParams{Agent: a.agent})
	sum := a.mustSync(t)

	// then all three were applied once, in order, and the task waits for the user
	assert.Equal(t, 3, sum.Push.Done)
	assert.Equal(t, applied+3, sb.Applied(sandbox.AccountMain))
	got := get[domain.SupervisionTask](t, a, task.ID)
	assert.Equal(t, domain.NodeAcceptance, got.Current)
	assert.Equal(t, domain.PartyUser, got.NextActor())
	assert.Equal(t, report, got.ReportName)
	var steps []string
	for _, ev := range got.History[len(task.History):] {
		if ev.By == domain.PartyMerchant {
			steps = append(steps, ev.Action)
		}
	}
	assert.Equal(t, []string{string(domain.ActConfirmRequirement), string(domain.ActUploadReport),
		string(domain.ActConfirmCompletion)}, steps)
	// and the merchant is not told about steps the merchant just took
	assert.Empty(t, ofKind(a.centre.take(), notify.KindSupervisionWaiting, task.ID),
		"the nodes this push passed through are the merchant's own doing")

	// when a day passes (the user accepts) and the console syncs
	sb.Advance(sandbox.UserActAfter + 1)
	a.mustSync(t)

	// then the task is DONE in the cache, accepted by the user, as on the marketplace
	got = get[domain.SupervisionTask](t, a, task.ID)
	assert.Equal(t, domain.NodeDone, got.Current)
	require.NotEmpty(t, got.History)
	last := got.History[len(got.History)-1]
	assert.Equal(t, domain.PartyUser, last.By)
	assert.Equal(t, "accept", last.Action)
	assertConverged(t, a, domain.ResSupervision)
	assert.Empty(t, ofKind(a.centre.take(), notify.KindSupervisionWaiting, task.ID),
		"a finished task waits on nobody")
	d.b.mustSync(t)
}
