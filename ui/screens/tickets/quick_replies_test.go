package tickets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// quickDetail shows ticket T5 (customer 客户T5, order O-77, product 云备份)
// with a quick-reply library in a temporary config folder holding the
// given personal replies; the examples ship in Chinese.
func quickDetail(t *testing.T, personal ...quickreply.Reply) (*ticketDetail, fyne.Window) {
	t.Helper()
	i18n.Set(i18n.Chinese)
	t.Cleanup(func() { i18n.Set(i18n.English) })
	tk := uitest.Ticket("T5", "开票", domain.TicketProcessing)
	tk.OrderID = "O-77"
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	lib := quickreply.Open(t.TempDir())
	for _, r := range personal {
		_, err := lib.Add(r)
		require.NoError(t, err)
	}
	b.QuickReplies = func() *quickreply.Library { return lib }
	var w fyne.Window
	b.Window = func() fyne.Window { return w }
	d := newTicketDetail(b)
	w = uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()
	return d, w
}

func titles(es []quickreply.Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Title
	}
	return out
}

func TestQuickReplies_SearchFindsChineseSubstringsWithTheSetMarked(t *testing.T) {
	// given a personal reply about invoices beside the shipped examples
	d, _ := quickDetail(t, quickreply.Reply{Title: "发票寄出", Category: "售后", Text: "{customer}您好，发票已寄出。"})

	// when the agent opens the picker and types part of a word
	test.Tap(uitest.FindButton(t, d.root, "Quick replies…"))
	require.NotNil(t, d.picker)
	test.Type(d.picker.search, "截图")

	// then only replies containing it are listed, and the personal one by its set
	require.NotEmpty(t, d.picker.hits)
	for _, e := range d.picker.hits {
		assert.Contains(t, e.Title+e.Category+e.Text, "截图")
	}
	d.picker.search.SetText("发票")
	require.NotEmpty(t, d.picker.hits)
	assert.Equal(t, "发票寄出", d.picker.hits[0].Title, titles(d.picker.hits))
	assert.Equal(t, "发票寄出 · 售后 · Personal", screens.QuickReplyLine(d.picker.hits[0]))
}

func TestQuickReplies_InsertExpandsVariablesAtTheCursor(t *testing.T) {
	// given a reply box with text typed and a reply using every variable
	d, _ := quickDetail(t, quickreply.Reply{Title: "核对", Text: "{customer}，订单{order}（{product}）由{客服}处理。"})
	test.Type(d.reply, "您好！")

	// when the agent picks it
	test.Tap(uitest.FindButton(t, d.root, "Quick replies…"))
	d.picker.search.SetText("核对")
	require.Equal(t, "核对", d.picker.hits[0].Title)
	d.picker.insertSelected()

	// then the filled text lands after what was typed, and the picker closes
	assert.Equal(t, "您好！客户T5，订单O-77（云备份）由李四处理。", d.reply.Text)
	assert.Nil(t, d.picker)
}

func TestQuickReplies_UnknownVariableIsShownBeforeInserting(t *testing.T) {
	// given a reply with a misspelt variable
	d, w := quickDetail(t, quickreply.Reply{Title: "错字", Text: "{cutsomer}您好"})

	// when the agent picks it
	test.Tap(uitest.FindButton(t, d.root, "Quick replies…"))
	d.picker.search.SetText("错字")
	d.picker.insertSelected()

	// then nothing is inserted yet and the unknown name is shown
	assert.Empty(t, d.reply.Text)
	top := w.Canvas().Overlays().Top()
	require.NotNil(t, top)
	assert.True(t, uitest.Shows(top, "Unknown variables: {cutsomer}"), uitest.VisibleLabels(top))

	// and when the agent inserts anyway, the placeholder stays as written
	test.Tap(uitest.FindButton(t, top, "Yes"))
	assert.Equal(t, "{cutsomer}您好", d.reply.Text)
}

func TestQuickReplies_CtrlKInTheReplyBoxOpensThePicker(t *testing.T) {
	// given the reply box focused, and a window shortcut Ctrl+R
	d, w := quickDetail(t)
	synced := 0
	ctrl := func(k fyne.KeyName) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	w.Canvas().AddShortcut(ctrl(fyne.KeyR), func(fyne.Shortcut) { synced++ })
	w.Canvas().Focus(d.reply)

	// when the agent presses Ctrl+R, then Ctrl+K, in the box
	d.reply.TypedShortcut(ctrl(fyne.KeyR))
	require.Nil(t, d.picker)
	d.reply.TypedShortcut(ctrl(fyne.KeyK))

	// then the window still got Ctrl+R, and Ctrl+K opened the picker with the search focused
	assert.Equal(t, 1, synced)
	require.NotNil(t, d.picker)
	assert.True(t, w.Canvas().Focused() == fyne.Focusable(d.picker.search), "the search has focus")
}

func TestQuickReplies_ButtonIsOffWhenTheTicketTakesNoReply(t *testing.T) {
	// given a completed ticket shown with a quick-reply library
	d, _ := quickDetail(t)
	done := uitest.Ticket("T6", "已完成", domain.TicketCompleted)
	uitest.PutRecords(t, d.b.CurrentStore(), done)

	// when it is shown
	d.Load(done)
	d.f.Jobs.Wait()

	// then the quick-reply button is off like the reply box, and Ctrl+K opens nothing
	assert.True(t, d.reply.Disabled())
	assert.True(t, uitest.FindButton(t, d.root, "Quick replies…").Disabled())
	d.reply.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault})
	assert.Nil(t, d.picker)
}
