package tickets

import (
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestTicketDetail_ShowsConversationAndAttachments(t *testing.T) {
	// given a ticket with a customer turn, an agent turn and an attachment
	tk := uitest.Ticket("T1", "登录失败", domain.TicketProcessing)
	tk.Messages = append(tk.Messages, domain.TicketMessage{ID: "m2", From: domain.PartyMerchant, Author: "王五", Body: "请提供截图", At: uitest.Now})
	tk.Attachments = []domain.Attachment{{ID: "a1", Name: "screen.png", Size: 2048, MIME: "image/png"}}
	s := uitest.NewStore(t, tk)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	// when it is selected
	d.Load(tk)
	d.f.Jobs.Wait()

	// then subject, both turns and the attachment are shown
	assert.True(t, uitest.Shows(d.root, "登录失败"))
	assert.True(t, uitest.Shows(d.root, "无法登录 😢"))
	assert.True(t, uitest.Shows(d.root, "请提供截图"))
	assert.True(t, uitest.Shows(d.root, "screen.png (PNG image, 2.0 KB)"), uitest.VisibleLabels(d.root))
}

func TestTicketDetail_AcceptLandsInOutboxAndShowsPending(t *testing.T) {
	// given a ticket waiting to be accepted
	tk := uitest.Ticket("T2", "无法开通", domain.TicketPendingAccept)
	s := uitest.NewStore(t, tk)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()

	// when the agent presses accept
	test.Tap(uitest.FindButton(t, d.root, screens.ActionName(domain.ActTicketAccept)))
	d.f.Jobs.Wait()

	// then the outbox holds one pending accept with a random key and the agent's name
	acts, err := s.ActionsFor(domain.ResTickets, "T2")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, domain.ActTicketAccept, acts[0].Name)
	assert.Equal(t, domain.ActionPending, acts[0].State)
	assert.Equal(t, "李四", acts[0].Params.Agent)
	assert.Len(t, acts[0].Key, 32)
	assert.True(t, uitest.Shows(d.root, screens.ActionStateText(domain.ActionPending)))
	assert.True(t, uitest.FindButton(t, d.root, screens.ActionName(domain.ActTicketAccept)).Disabled(), "accept must not be queued twice")
}

func TestTicketDetail_RejectedAcceptSaysAnotherAgentWasFirst(t *testing.T) {
	// given an accept the marketplace refused because 张三 accepted first
	tk := uitest.Ticket("T3", "退款", domain.TicketPendingAccept)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	a, err := screentest.EnqueueAction(b, domain.ResTickets, "T3", domain.ActTicketAccept, domain.ActionParams{})
	require.NoError(t, err)
	uitest.RejectAction(t, s, a, marketapi.ReasonAlreadyAccepted, "ticket already accepted by 张三")
	tk.Meta.Version, tk.Status, tk.Assignee = 2, domain.TicketProcessing, "张三"
	uitest.PutRecords(t, s, tk)
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)

	// when the ticket is shown
	d.Load(uitest.Ticket("T3", "退款", domain.TicketPendingAccept))
	d.f.Jobs.Wait()

	// then the refusal is explained with the other agent's name
	assert.True(t, uitest.Shows(d.root, "Another agent (张三) accepted this ticket first."), uitest.VisibleLabels(d.root))
	assert.True(t, uitest.Shows(d.root, screens.ActionStateText(domain.ActionRejected)))
}

func TestTicketDetail_ReplySendsTextAndClearsBox(t *testing.T) {
	tk := uitest.Ticket("T5", "咨询", domain.TicketProcessing)
	s := uitest.NewStore(t, tk)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()

	test.Type(d.reply, "您好，已处理 👍")
	test.Tap(d.send)
	d.f.Jobs.Wait()

	acts, err := s.ActionsFor(domain.ResTickets, "T5")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, domain.ActTicketReply, acts[0].Name)
	assert.Equal(t, "您好，已处理 👍", acts[0].Params.Message)
	assert.Empty(t, d.reply.Text)
}

func TestSafeText_DropsHidingCharactersAndBoundsLength(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"bidi override removed", "abc\u202Eevil", "abcevil"},
		{"control removed, newline kept", "a\x00b\r\nc\td", "ab\nc\td"},
		{"emoji kept", "好的 😀👍", "好的 😀👍"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, screens.SafeText(c.in)) })
	}
	long := screens.SafeText(strings.Repeat("字", screens.MaxShownRunes+10))
	assert.Equal(t, screens.MaxShownRunes+1, len([]rune(long)))
	assert.True(t, strings.HasSuffix(long, "…"))
}

func TestMessageBubble_LongUnbrokenTextDoesNotWidenThePane(t *testing.T) {
	// given a message of one 3000-character word
	m := domain.TicketMessage{From: domain.PartyUser, Author: "客户", Body: strings.Repeat("x", 3000), At: uitest.Now}

	// when drawn
	b := messageBubble(m, nil)

	// then it asks for no more width than a short one would (it wraps)
	short := messageBubble(domain.TicketMessage{From: domain.PartyUser, Author: "客户", Body: "hi", At: uitest.Now}, nil)
	assert.InDelta(t, short.MinSize().Width, b.MinSize().Width, 1)
}

func TestTicketDetail_UsesTheBackendsEnqueueWhenGiven(t *testing.T) {
	// given a backend whose Enqueue wakes a sender (here: counts) and stores
	tk := uitest.Ticket("T7", "咨询", domain.TicketPendingAccept)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	var woken atomic.Int32
	b.Enqueue = func(a domain.Action) error {
		woken.Add(1)
		_, err := s.Enqueue(a)
		return err
	}
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()

	// when the agent accepts
	d.accept()
	d.f.Jobs.Wait()

	// then the backend was used once and the pane shows the pending entry
	assert.Equal(t, int32(1), woken.Load())
	assert.True(t, uitest.Shows(d.root, screens.ActionStateText(domain.ActionPending)))
}
