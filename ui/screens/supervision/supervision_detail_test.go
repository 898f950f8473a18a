package supervision

import (
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/kit"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

func TestFlowStepStates(t *testing.T) {
	cases := []struct {
		name string
		kind domain.ProductKind
		node domain.Node
		want []stepState
	}{
		{"manual service at delivery", domain.KindManualService, domain.NodeDeliver,
			[]stepState{stepDone, stepDone, stepCurrent, stepNext, stepNext, stepNext}},
		{"hardware just shipped", domain.KindHardware, domain.NodeShip,
			[]stepState{stepCurrent, stepNext, stepNext, stepNext}},
		{"license finished", domain.KindLicense, domain.NodeDone,
			[]stepState{stepDone, stepDone, stepDone, stepDone}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, flowStepStates(fixtureTask("S", c.kind, c.node)))
		})
	}
}

func TestSupervisionDetail_ShowsWhoActsAndOffersNodeActions(t *testing.T) {
	// given a manual-service task waiting for the merchant to confirm the requirement
	task := fixtureTask("S1", domain.KindManualService, domain.NodeConfirmRequirement)
	s := newFixtureStore(t, task)
	d := newSupervisionDetail(newFixtureBackend(t, s))
	newTestWindow(t, d.root)

	// when shown
	d.load(task)
	d.f.Jobs.Wait()

	// then the merchant is told it is their turn, every node is drawn, and
	// confirm / reject / appeal are offered
	assert.Contains(t, d.f.Status.Text, "You (the merchant)")
	assert.Len(t, d.steps.Objects, len(task.Flow()))
	assert.False(t, findButton(t, d.root, screens.ActionName(domain.ActConfirmRequirement)).Disabled())
	assert.False(t, findButton(t, d.root, screens.ActionName(domain.ActRejectRequirement)).Disabled())
	assert.False(t, findButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
	assert.False(t, d.banner.Visible())

	// when the merchant confirms
	d.queue(domain.ActConfirmRequirement, domain.ActionParams{})
	d.f.Jobs.Wait()

	// then it is in the outbox and shown as waiting to send
	acts, err := s.ActionsFor(domain.ResSupervision, "S1")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, domain.ActConfirmRequirement, acts[0].Name)
	assert.True(t, shows(d.root, actionStateText(domain.ActionPending)))
}

func TestSupervisionDetail_OpenAppealFreezesEverything(t *testing.T) {
	// given a task frozen by the customer's appeal
	task := fixtureTask("S2", domain.KindManualService, domain.NodeDeliver)
	task.Appeal = &domain.Appeal{By: domain.PartyUser, Reason: "交付物不完整", OpenedAt: fixtureNow.Add(-time.Hour), Status: domain.AppealOpen}
	s := newFixtureStore(t, task)
	d := newSupervisionDetail(newFixtureBackend(t, s))
	newTestWindow(t, d.root)

	// when shown
	d.load(task)
	d.f.Jobs.Wait()

	// then the frozen banner explains it and no action can be taken
	assert.True(t, d.banner.Visible())
	assert.Contains(t, d.banner.Text, "交付物不完整")
	assert.Contains(t, d.f.Status.Text, kit.LabelParty(domain.PartyOperations))
	assert.True(t, findButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
}

func TestSupervisionDetail_RejectedActionExplainsTheFreeze(t *testing.T) {
	task := fixtureTask("S3", domain.KindHardware, domain.NodeShip)
	s := newFixtureStore(t, task)
	b := newFixtureBackend(t, s)
	a, err := b.enqueueAction(domain.ResSupervision, "S3", domain.ActShip, domain.ActionParams{Tracking: "SF123"})
	require.NoError(t, err)
	rejectAction(t, s, a, marketapi.ReasonFlowFrozen, "")
	d := newSupervisionDetail(b)
	newTestWindow(t, d.root)

	d.load(task)
	d.f.Jobs.Wait()

	assert.True(t, shows(d.root, "The flow is frozen by an appeal"), visibleLabels(d.root))
	assert.False(t, findButton(t, d.root, screens.ActionName(domain.ActShip)).Disabled(), "a rejected ship may be tried again")
}
