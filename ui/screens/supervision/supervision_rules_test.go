package supervision

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// stillDetail is a supervision pane whose countdowns do not tick on their
// own during the test.
func stillDetail(t *testing.T, task domain.SupervisionTask) *supervisionDetail {
	t.Helper()
	d := newSupervisionDetail(screentest.NewBackend(t, uitest.NewStore(t, task)))
	d.rules.warning.Interval, d.rules.autoAccept.Interval = time.Hour, time.Hour
	t.Cleanup(d.Close)
	uitest.NewWindow(t, d.root)
	d.Load(task)
	d.f.Jobs.Wait()
	return d
}

func TestSupervisionRules_AppealOffWhileTheCustomerIsWithinFiveDaysAndSaysWhen(t *testing.T) {
	// given a hardware delivery the customer has had for accepting for 2 days
	task := uitest.Task("S1", domain.KindHardware, domain.NodeAcceptance)
	task.NodeEnteredAt = uitest.Now.Add(-48 * time.Hour)

	// when shown
	d := stillDetail(t, task)

	// then the appeal button is off, and the pane says why and from when
	assert.True(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
	assert.Contains(t, d.rules.appeal.Text, "You may appeal once the customer has stalled more than 5 days (3d 0h left)")
	assert.Contains(t, d.rules.appeal.Text, "Appeal allowed from")
}

func TestSupervisionRules_AppealOnOnceTheCustomerStalledMoreThanFiveDays(t *testing.T) {
	// given the customer has sat on the acceptance for 6 days
	task := uitest.Task("S2", domain.KindHardware, domain.NodeAcceptance)
	task.NodeEnteredAt = uitest.Now.Add(-6 * 24 * time.Hour)

	// when shown
	d := stillDetail(t, task)

	// then the appeal button is on and the reason names the stall
	assert.False(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
	assert.Contains(t, d.rules.appeal.Text, "The customer has stalled more than 5 days: you may appeal")
	assert.Contains(t, d.rules.appeal.Text, "Appeal allowed since")
}

func TestSupervisionRules_AppealOnAfterMoreThanThreeRejections(t *testing.T) {
	// given the customer rejected the delivery four times, the last an hour ago
	task := uitest.Task("S3", domain.KindManualService, domain.NodeAcceptance)
	task.NodeEnteredAt = uitest.Now.Add(-time.Hour)
	for i := range 4 {
		task.History = append(task.History, domain.NodeEvent{By: domain.PartyUser, Action: domain.EventUserReject, At: uitest.Now.Add(-time.Duration(4-i) * time.Hour)})
	}

	// when shown
	d := stillDetail(t, task)

	// then the appeal is allowed on the rejections' ground
	assert.False(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActAppeal)).Disabled())
	assert.Contains(t, d.rules.appeal.Text, "rejected 4 times (more than 3)")
}

func TestSupervisionRules_CountdownsToTheWarningAndTheHardwareAutoAcceptance(t *testing.T) {
	// given a hardware delivery signed for 3 days ago, created 3 days ago
	task := uitest.Task("S4", domain.KindHardware, domain.NodeAcceptance)
	task.SignedForAt = uitest.Now.Add(-72 * time.Hour)

	// when shown
	d := stillDetail(t, task)

	// then both countdowns run: 7 days to auto-acceptance, 177 to the warning
	require.True(t, d.rules.acceptRow.Visible())
	assert.Equal(t, "7d 0:00:00 left", d.rules.autoAccept.Text)
	require.True(t, d.rules.warnRow.Visible())
	assert.Equal(t, "177d 0:00:00 left", d.rules.warning.Text)
}

func TestSupervisionRules_NoAutoAcceptanceCountdownWhenThePhoneDoesNotMatch(t *testing.T) {
	// given a signed hardware delivery whose recipient's phone does not match
	task := uitest.Task("S5", domain.KindHardware, domain.NodeAcceptance)
	task.SignedForAt = uitest.Now.Add(-72 * time.Hour)
	task.PhoneMismatch = true

	// when shown
	d := stillDetail(t, task)

	// then no auto-acceptance countdown is shown (the user must accept by hand)
	assert.False(t, d.rules.acceptRow.Visible())
	assert.True(t, d.rules.warnRow.Visible())
}
