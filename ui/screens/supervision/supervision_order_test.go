package supervision

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// boundTask is a manual-service task at node, in it since enteredAgo and
// created createdAgo before uitest.Now.
func boundTask(id string, node domain.Node, enteredAgo, createdAgo time.Duration) domain.SupervisionTask {
	tk := uitest.Task(id, domain.KindManualService, node)
	tk.NodeEnteredAt, tk.CreatedAt = uitest.Now.Add(-enteredAgo), uitest.Now.Add(-createdAgo)
	return tk
}

// dangerLabels are the texts of the red labels under o.
func dangerLabels(o fyne.CanvasObject) []string {
	var out []string
	uitest.Walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Visible() && l.Importance == widget.DangerImportance && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

func TestSupervisionScreen_ByBindingDeadlineWithPassedOnesRed(t *testing.T) {
	// given a stalled task (the user may appeal since a day), one a day from
	// it, one waiting on the user (only the 180-day warning binds) and a
	// finished one; the newest task is the least urgent
	day := 24 * time.Hour
	test.NewTempApp(t)
	s := New(screentest.NewBackend(t, uitest.NewStore(t,
		boundTask("S-done", domain.NodeDone, day, day),
		boundTask("S-user", domain.NodeAcceptance, day, 2*day),
		boundTask("S-soon", domain.NodeConfirmRequirement, 4*day, 7*day),
		boundTask("S-stalled", domain.NodeDeliver, 6*day, 8*day),
	)))
	screentest.Show(t, s)

	// then the list runs from the passed stall to the far warning, done last
	assert.Equal(t, []string{"S-stalled", "S-soon", "S-user", "S-done"}, screentest.RowIDs(s))

	// and only the stalled task's row is red, naming the deadline that passed
	red := strings.Join(dangerLabels(s.Object()), "\n")
	assert.Contains(t, red, "S-stalled"[2:], "the stalled row is red")
	assert.NotContains(t, red, "CSS-soon")
	_, cells, ok := s.Table().Row(0)
	require.True(t, ok)
	assert.Contains(t, cells[1], "User may appeal", "the deadline column, second")

	// when the stalled task is opened
	s.Table().Select(0)
	d := s.Detail().(*supervisionDetail)
	d.f.Jobs.Wait()

	// then its stall-appeal time is red in the pane and says it passed
	assert.Contains(t, strings.Join(dangerLabels(d.Object()), "\n"), "passed")
}
