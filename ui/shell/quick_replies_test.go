package shell

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// entries lists the text fields drawn under root, in drawing order.
func entries(root fyne.CanvasObject) []*widgets.Entry {
	var out []*widgets.Entry
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

func TestQuickReplyAddedInSettingsIsOfferedInTheReplyBoxPicker(t *testing.T) {
	// given the console with a quick-reply library, a ticket being worked on
	// and its picker opened once before
	stores := shellStores(t, "acct-a")
	tk := uitest.Ticket("TK-work", "无法登录", domain.TicketProcessing)
	tk.Account = "acct-a"
	uitest.PutRecords(t, stores["acct-a"], tk)
	lib := quickreply.Open(t.TempDir())
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}},
		func(b *backend.Backend) { b.QuickReplies = func() *quickreply.Library { return lib } })
	w := h.shell.Window()
	openPicker := func() fyne.CanvasObject {
		h.shell.Show(ScreenTickets)
		tbl := h.ticketsTable(t)
		for row := 0; ; row++ {
			r, _, ok := tbl.Row(row)
			require.True(t, ok, "ticket TK-work not listed")
			if r.ID == "TK-work" {
				tbl.Select(row)
				break
			}
		}
		h.loop.RunUntil(t, func() bool { return !uitest.FindButton(t, w.Content(), "Quick replies…").Disabled() })
		test.Tap(uitest.FindButton(t, w.Content(), "Quick replies…"))
		picker := w.Canvas().Overlays().Top()
		require.NotNil(t, picker)
		return picker
	}
	picker := openPicker()
	require.False(t, uitest.Shows(picker, "退款进度"))
	picker.Hide()

	// when the agent opens the manager from Settings and adds a reply
	h.shell.Show(ScreenSettings)
	test.Tap(uitest.FindButton(t, w.Content(), "Manage personal replies…"))
	manager := w.Canvas().Overlays().Top()
	require.NotNil(t, manager, "no manager opened from Settings")
	require.True(t, uitest.Shows(manager, "Personal quick replies"), uitest.VisibleLabels(manager))
	assert.True(t, uitest.Shows(manager, "No personal replies yet"), "an empty set says what to do")
	test.Tap(uitest.FindButton(t, manager, "Add"))
	form := w.Canvas().Overlays().Top()
	fields := entries(form)
	require.Len(t, fields, 3, "title, category, text")
	fields[0].SetText("退款进度")
	fields[1].SetText("售后")
	fields[2].SetText("{customer}您好，退款已提交。")
	test.Tap(uitest.FindButton(t, form, "Save"))
	require.True(t, uitest.Shows(w.Canvas().Overlays().Top(), "退款进度 · 售后 · Personal"), "the manager lists the new reply")
	assert.False(t, uitest.Shows(w.Canvas().Overlays().Top(), "No personal replies yet"))
	w.Canvas().Overlays().Top().Hide()

	// and goes back to the ticket's reply box and opens the picker again
	picker = openPicker()

	// then the reply added in Settings is offered there
	assert.True(t, uitest.Shows(picker, "退款进度 · 售后 · Personal"), uitest.VisibleLabels(picker))
}
