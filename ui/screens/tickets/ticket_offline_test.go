package tickets

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// inChinese shows the test's window in Chinese, English again afterwards.
func inChinese(t *testing.T) {
	t.Helper()
	require.NoError(t, kit.ApplyLanguage(i18n.Chinese))
	t.Cleanup(func() { _ = kit.ApplyLanguage(i18n.English) })
}

func TestTicketDetail_AcceptedWhileUnsentReadsProcessingPendingAndTakesAReply(t *testing.T) {
	// given a ticket waiting for acceptance, shown in Chinese
	inChinese(t)
	tk := uitest.Ticket("T7", "无法开通", domain.TicketPendingAccept)
	s := uitest.NewStore(t, tk)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()
	require.True(t, d.reply.Disabled(), "no reply before the ticket is accepted")

	// when the agent accepts it (nothing is sent: the outbox only holds it)
	test.Tap(uitest.FindButton(t, d.root, screens.ActionName(domain.ActTicketAccept)))
	d.f.Jobs.Wait()

	// then it reads 处理中 · 待发送 and a reply can be queued right after
	assert.Contains(t, d.f.Status.Text, "处理中 · 待发送")
	require.False(t, d.reply.Disabled())
	test.Type(d.reply, "您好，正在处理")
	test.Tap(d.send)
	d.f.Jobs.Wait()
	acts, err := s.ActionsFor(domain.ResTickets, "T7")
	require.NoError(t, err)
	require.Len(t, acts, 2)
	assert.Equal(t, domain.ActTicketReply, acts[1].Name)
	// and the reply shows in the conversation, marked pending, while the cache keeps the server's version
	assert.True(t, uitest.Shows(d.root, "您好，正在处理"), uitest.VisibleLabels(d.root))
	assert.True(t, uitest.Shows(d.root, "李四 · "+kit.FormatDateTime(uitest.Now)+" · 待发送"), uitest.VisibleLabels(d.root))
	assert.Equal(t, domain.TicketPendingAccept, d.ticket.Status)
}

func TestTicketDetail_ARefusedAcceptRollsBackVisibly(t *testing.T) {
	// given an accept queued, then refused by the marketplace
	tk := uitest.Ticket("T8", "退款", domain.TicketPendingAccept)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	a, err := screentest.EnqueueAction(b, domain.ResTickets, "T8", domain.ActTicketAccept, domain.ActionParams{Agent: "李四"})
	require.NoError(t, err)
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()
	require.Contains(t, d.f.Status.Text, screens.ActionStateText(domain.ActionPending))

	// when the refusal arrives and the ticket is shown again
	uitest.RejectAction(t, s, a, marketapi.ReasonInvalidState, "")
	d.Load(tk)
	d.f.Jobs.Wait()

	// then it reads as the server has it, and no reply can be queued
	assert.NotContains(t, d.f.Status.Text, screens.ActionStateText(domain.ActionPending))
	assert.True(t, d.reply.Disabled())
}

func TestTicketDetail_TheReplyTextComesBackWhenItCannotBeQueued(t *testing.T) {
	// given a ticket being processed whose outbox refuses new entries
	tk := uitest.Ticket("T9", "咨询", domain.TicketProcessing)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	b.Enqueue = func(domain.Action) error { return errors.New("disk full") }
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()

	// when a reply is sent
	test.Type(d.reply, "请稍候")
	test.Tap(d.send)
	d.f.Jobs.Wait()

	// then the text is back in the box and the failure is said
	assert.Equal(t, "请稍候", d.reply.Text)
	assert.True(t, d.f.ErrText.Visible())
}

func TestTicketDetail_ARefusedReplyOffersRetryEditAndDiscard(t *testing.T) {
	// given a reply the marketplace refused
	tk := uitest.Ticket("T10", "咨询", domain.TicketProcessing)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	a, err := screentest.EnqueueAction(b, domain.ResTickets, "T10", domain.ActTicketReply, domain.ActionParams{Agent: "李四", Message: "初稿"})
	require.NoError(t, err)
	uitest.RejectAction(t, s, a, marketapi.ReasonFlowFrozen, "")
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()

	// when the agent presses Retry
	require.NotNil(t, uitest.FindButton(t, d.root, "Edit…"))
	test.Tap(uitest.FindButton(t, d.root, "Retry"))
	d.f.Jobs.Wait()

	// then a fresh copy waits, and it offers no retry (it goes by itself) but can be discarded
	acts, err := s.ActionsFor(domain.ResTickets, "T10")
	require.NoError(t, err)
	require.Len(t, acts, 2)
	assert.Equal(t, domain.ActionDiscarded, acts[0].State)
	assert.Equal(t, domain.ActionPending, acts[1].State)
	assert.Equal(t, "初稿", acts[1].Params.Message)
	assert.True(t, uitest.Shows(d.root, "初稿"), "the retried reply is in the conversation, pending")

	// when it is discarded
	test.Tap(uitest.FindButton(t, d.root, "Discard"))
	d.f.Jobs.Wait()

	// then nothing waits and the pending turn is gone
	n, err := s.PendingCount()
	require.NoError(t, err)
	assert.Zero(t, n)
	assert.False(t, uitest.Shows(d.root, "初稿"))
}

func TestTicketDetail_ADraftStaysWithItsTicket(t *testing.T) {
	// given two tickets being processed and a reply typed on the first
	a, b := uitest.Ticket("T11", "一", domain.TicketProcessing), uitest.Ticket("T12", "二", domain.TicketProcessing)
	s := uitest.NewStore(t, a, b)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)
	d.Load(a)
	d.f.Jobs.Wait()
	test.Type(d.reply, "写了一半")

	// when the agent looks at the other ticket, then its box is empty
	d.Load(b)
	d.f.Jobs.Wait()
	assert.Empty(t, d.reply.Text, "a draft must not be sent to another customer")

	// when the agent comes back, then the draft is there
	d.Load(a)
	d.f.Jobs.Wait()
	assert.Equal(t, "写了一半", d.reply.Text)
}
