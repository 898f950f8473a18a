package supervision

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
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
			assert.Equal(t, c.want, flowStepStates(uitest.Task("S", c.kind, c.node)))
		})
	}
}

func TestSupervisionDetail_ShowsWhoActsAndOffersNodeActions(t *testing.T) {
	// given a manual-service task waiting for the merchant to confirm the requirement
	task := uitest.Task("S1", domain.KindManualService, domain.NodeConfirmRequirement)
	s := uitest.NewStore(t, task)
	d := newSupervisionDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	// when shown
	d.Load(task)
	d.f.Jobs.Wait()

	// then the merchant is told it is their turn, every node is drawn, and
	// confirm / reject are offered; the appeal waits for the customer's stall
	assert.Contains(t, d.f.Status.Text, "You (the merchant)")
	assert.Len(t, d.steps.Objects, len(task.Flow()))
	assert.False(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActConfirmRequirement)).Disabled())
	assert.False(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActRejectRequirement)).Disabled())
	assert.True(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
	assert.False(t, d.banner.Visible())

	// when the merchant confirms
	d.queue(domain.ActConfirmRequirement, domain.ActionParams{})
	d.f.Jobs.Wait()

	// then it is in the outbox and shown as waiting to send
	acts, err := s.ActionsFor(domain.ResSupervision, "S1")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, domain.ActConfirmRequirement, acts[0].Name)
	assert.True(t, uitest.Shows(d.root, screens.ActionStateText(domain.ActionPending)))
}

func TestSupervisionDetail_OpenAppealFreezesEverything(t *testing.T) {
	// given a task frozen by the customer's appeal
	task := uitest.Task("S2", domain.KindManualService, domain.NodeDeliver)
	task.Appeal = &domain.Appeal{By: domain.PartyUser, Reason: "交付物不完整", OpenedAt: uitest.Now.Add(-time.Hour), Status: domain.AppealOpen}
	s := uitest.NewStore(t, task)
	d := newSupervisionDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	// when shown
	d.Load(task)
	d.f.Jobs.Wait()

	// then the frozen banner explains it and no action can be taken
	assert.True(t, d.banner.Visible())
	assert.Contains(t, d.banner.Text, "交付物不完整")
	assert.Contains(t, d.f.Status.Text, kit.LabelParty(domain.PartyOperations))
	assert.True(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
}

func TestSupervisionDetail_RejectedActionExplainsTheFreeze(t *testing.T) {
	task := uitest.Task("S3", domain.KindHardware, domain.NodeShip)
	s := uitest.NewStore(t, task)
	b := screentest.NewBackend(t, s)
	a, err := screentest.EnqueueAction(b, domain.ResSupervision, "S3", domain.ActShip, domain.ActionParams{Tracking: "SF123"})
	require.NoError(t, err)
	uitest.RejectAction(t, s, a, marketapi.ReasonFlowFrozen, "")
	d := newSupervisionDetail(b)
	uitest.NewWindow(t, d.root)

	d.Load(task)
	d.f.Jobs.Wait()

	assert.True(t, uitest.Shows(d.root, "The flow is frozen by an appeal"), uitest.VisibleLabels(d.root))
	assert.False(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActShip)).Disabled(), "a rejected ship may be tried again")
}
