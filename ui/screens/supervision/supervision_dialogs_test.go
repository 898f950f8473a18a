package supervision

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// dialogEntry finds the one text field of the dialog on top of w.
func dialogEntry(t *testing.T, w fyne.Window) (fyne.CanvasObject, *widgets.Entry) {
	t.Helper()
	dlg := w.Canvas().Overlays().Top()
	require.NotNil(t, dlg, "no dialog")
	var e *widgets.Entry
	uitest.Walk(dlg, func(o fyne.CanvasObject) {
		if x, ok := o.(*widgets.Entry); ok {
			e = x
		}
	})
	require.NotNil(t, e, "no text field in the dialog")
	return dlg, e
}

func TestSupervisionDialogs_AskFullWidthAndShowWhatWasEntered(t *testing.T) {
	cases := []struct {
		name  string
		node  domain.Node
		act   domain.ActionName
		typed string
		label string
		param func(domain.ActionParams) string
	}{
		{"ship", domain.NodeShip, domain.ActShip, "SF1234567890", "Tracking number",
			func(p domain.ActionParams) string { return p.Tracking }},
		{"appeal", domain.NodeAcceptance, domain.ActAppeal, "客户拖延验收超过十天", "Appeal reason",
			func(p domain.ActionParams) string { return p.Message }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// given a task waiting for the merchant, shown in a window
			task := uitest.Task("S9", domain.KindHardware, tc.node)
			if tc.act == domain.ActAppeal {
				// the customer has sat on the acceptance for six days: the rule allows an appeal
				task = uitest.Task("S9", domain.KindManualService, tc.node)
				task.NodeEnteredAt = uitest.Now.Add(-6 * 24 * time.Hour)
			}
			s := uitest.NewStore(t, task)
			b := screentest.NewBackend(t, s)
			d := newSupervisionDetail(b)
			w := uitest.NewWindow(t, d.root)
			w.Resize(fyne.NewSize(1024, 640))
			b.Window = func() fyne.Window { return w }
			d.Load(task)
			d.f.Jobs.Wait()

			// when the action's button is pressed
			test.Tap(uitest.FindButton(t, d.root, screens.ActionName(tc.act)))
			dlg, e := dialogEntry(t, w)
			confirm := uitest.FindButton(t, dlg, screens.ActionName(tc.act))

			// then the field spans the dialog and confirming waits for text
			assert.Greater(t, e.Size().Width, dlg.MinSize().Width*0.6, "field %v in dialog %v", e.Size(), dlg.MinSize())
			assert.GreaterOrEqual(t, e.Size().Width, float32(360))
			assert.True(t, confirm.Disabled(), "confirm offered with a blank field")
			test.Type(e, "   ")
			assert.True(t, confirm.Disabled(), "confirm offered with only spaces")

			// when the text is typed and confirmed
			e.SetText(tc.typed)
			require.False(t, confirm.Disabled())
			test.Tap(confirm)
			d.f.Jobs.Wait()

			// then the action carries it and the detail shows it
			acts, err := s.ActionsFor(domain.ResSupervision, "S9")
			require.NoError(t, err)
			require.Len(t, acts, 1)
			assert.Equal(t, tc.typed, tc.param(acts[0].Params))
			assert.True(t, uitest.Shows(d.root, tc.label), uitest.VisibleLabels(d.root))
			assert.True(t, uitest.Shows(d.root, tc.typed), uitest.VisibleLabels(d.root))
		})
	}
}

func TestSupervisionDetail_ShowsTheTrackingNumberFromTheFlowsHistory(t *testing.T) {
	// given a hardware task the marketplace has recorded as shipped
	task := uitest.Task("S10", domain.KindHardware, domain.NodeInTransit)
	task.History = []domain.NodeEvent{{Node: domain.NodeShip, By: domain.PartyMerchant, Action: string(domain.ActShip), Note: "YT998877", At: uitest.Now}}
	s := uitest.NewStore(t, task)
	d := newSupervisionDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	// when shown
	d.Load(task)
	d.f.Jobs.Wait()

	// then its tracking number is among the facts
	assert.True(t, uitest.Shows(d.root, "YT998877"), uitest.VisibleLabels(d.root))
}
