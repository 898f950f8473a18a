package tickets

import (
	"testing"

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

func TestTicketResolve_DialogOffersResolveOnlyWithCauseAndSolution(t *testing.T) {
	// given a ticket being processed, shown in a window
	tk := uitest.Ticket("T6", "无法续费", domain.TicketProcessing)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	d := newTicketDetail(b)
	w := uitest.NewWindow(t, d.root)
	w.Resize(fyne.NewSize(1024, 640))
	b.Window = func() fyne.Window { return w }
	d.Load(tk)
	d.f.Jobs.Wait()

	// when Resolve is pressed
	test.Tap(uitest.FindButton(t, d.root, screens.ActionName(domain.ActTicketResolve)))
	dlg := w.Canvas().Overlays().Top()
	require.NotNil(t, dlg, "a dialog asks for cause and solution")
	var entries []*widgets.Entry
	uitest.Walk(dlg, func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.Entry); ok {
			entries = append(entries, e)
		}
	})
	require.Len(t, entries, 2)
	resolve := uitest.FindButton(t, dlg, screens.ActionName(domain.ActTicketResolve))

	// then Resolve waits for both texts, blanks not counting
	assert.True(t, resolve.Disabled(), "offered with both empty")
	test.Type(entries[0], "证书过期")
	assert.True(t, resolve.Disabled(), "offered without a solution")
	test.Type(entries[1], "  ")
	assert.True(t, resolve.Disabled(), "offered with a blank solution")
	test.Tap(resolve)
	d.f.Jobs.Wait()
	acts, err := s.ActionsFor(domain.ResTickets, "T6")
	require.NoError(t, err)
	assert.Empty(t, acts, "a disabled Resolve queued something")

	// when the solution is written and Resolve pressed
	entries[1].SetText("已更新证书")
	require.False(t, resolve.Disabled())
	test.Tap(resolve)
	d.f.Jobs.Wait()

	// then the resolve is queued with both, and the ticket shows them
	acts, err = s.ActionsFor(domain.ResTickets, "T6")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, domain.ActionParams{Agent: "李四", Cause: "证书过期", Solution: "已更新证书"}, acts[0].Params)
	assert.Nil(t, w.Canvas().Overlays().Top(), "the dialog stayed open")
	assert.True(t, uitest.Shows(d.root, "证书过期"), uitest.VisibleLabels(d.root))
	assert.True(t, uitest.Shows(d.root, "已更新证书"), uitest.VisibleLabels(d.root))
}

func TestTicketResolve_ResolvedTicketShowsCauseAndSolution(t *testing.T) {
	// given a ticket the marketplace has as resolved (awaiting the customer's confirmation), with its cause and solution
	tk := uitest.Ticket("T8", "报错", domain.TicketAwaitingConfirm)
	tk.Cause, tk.Solution = "配置错误", "已修正配置"
	s := uitest.NewStore(t, tk)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	// when shown
	d.Load(tk)
	d.f.Jobs.Wait()

	// then both are on the ticket, under their names
	for _, want := range []string{"Resolution", "Cause", "配置错误", "Solution", "已修正配置"} {
		assert.True(t, uitest.Shows(d.root, want), "%q missing from %v", want, uitest.VisibleLabels(d.root))
	}
}
