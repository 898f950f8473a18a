package tickets

import (
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// stoppedReply is a ticket whose reply the traffic cop held because 张三
// answered first, shown in the detail; sends counts the sender's wake-ups.
func stoppedReply(t *testing.T) (*ticketDetail, *localstore.Store, domain.Action, *atomic.Int32) {
	t.Helper()
	tk := uitest.Ticket("T9", "发票", domain.TicketProcessing)
	s := uitest.NewStore(t, tk)
	b := screentest.NewBackend(t, s)
	var sends atomic.Int32
	b.SendOutbox = func() { sends.Add(1) }
	a, err := screentest.EnqueueAction(b, domain.ResTickets, "T9", domain.ActTicketReply, domain.ActionParams{Agent: "李四", Message: "已开票"})
	require.NoError(t, err)
	newer := tk
	newer.Version = tk.Version + 1
	newer.Messages = append(newer.Messages, domain.TicketMessage{ID: "m9", From: domain.PartyMerchant, Author: "张三", Body: "发票已寄出", At: uitest.Now})
	a.Seen = domain.SeenOf(tk)
	changes := domain.TicketChanges(*a.Seen, newer, "李四")
	require.NoError(t, s.UpdateAction(a.Stop(changes, newer)))
	loop = uitest.NewLoop(t)
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	settle(t, d)
	return d, s, a, &sends
}

// loop stands in for Fyne's goroutine in these tests (set by each fixture).
var loop *uitest.Loop

// settle joins the detail's workers and applies what they handed to the
// window, as Fyne's goroutine would.
func settle(t *testing.T, d *ticketDetail) {
	t.Helper()
	d.f.Jobs.Wait()
	for loop.Pending() > 0 {
		loop.RunOne(t)
	}
}

func storedAction(t *testing.T, s *localstore.Store, key string) domain.Action {
	t.Helper()
	acts, err := s.ActionsFor(domain.ResTickets, "T9")
	require.NoError(t, err)
	for _, a := range acts {
		if a.Key == key {
			return a
		}
	}
	t.Fatalf("no action %s", key)
	return domain.Action{}
}

func TestTrafficCopPrompt_SaysWhatChangedAndOffersThreeChoices(t *testing.T) {
	// given a reply held because another agent answered first
	d, _, _, _ := stoppedReply(t)

	// then the detail says it was not sent, who did what, and offers the choices
	assert.True(t, uitest.Shows(d.root, "Not sent: the ticket changed since you opened it."))
	assert.True(t, uitest.Shows(d.root, "张三 replied: 发票已寄出"))
	assert.True(t, d.f.ErrText.Visible(), "said at the top too")
	assert.Contains(t, d.f.ErrText.Text, "See below: send anyway, edit or discard.")
	for _, b := range []string{"Send anyway", "Edit", "Discard"} {
		assert.False(t, uitest.FindButton(t, d.root, b).Disabled(), b)
	}
}

func TestTrafficCopPrompt_TheHeldReplysBubbleSaysHeldNotWaiting(t *testing.T) {
	// given a reply held because another agent answered first
	d, _, _, _ := stoppedReply(t)

	// then its turn in the conversation says it was held, not that it waits
	assert.True(t, uitest.Shows(d.conversation, "Held: the ticket changed"))
	assert.False(t, uitest.Shows(d.conversation, "Waiting to send"))
}

func TestTrafficCopPrompt_SendAnywayReleasesItOnceWithTheNewerSeenVersion(t *testing.T) {
	// given a held reply
	d, s, a, sends := stoppedReply(t)

	// when the agent sends anyway, tapping twice
	btn := uitest.FindButton(t, d.root, "Send anyway")
	test.Tap(btn)
	test.Tap(btn)
	settle(t, d)

	// then it waits to send again, vouching for the ticket as it was when held, and the sender woke once
	got := storedAction(t, s, a.Key)
	assert.Equal(t, domain.ActionPending, got.State)
	require.NotNil(t, got.Seen)
	assert.Equal(t, a.Seen.Version+1, got.Seen.Version)
	assert.Empty(t, got.Changes)
	assert.Equal(t, int32(1), sends.Load())
	assert.False(t, uitest.Shows(d.root, "Not sent: the ticket changed"))
	assert.False(t, d.f.ErrText.Visible())
}

func TestTrafficCopPrompt_EditPutsTheReplyBackAndDiscardsTheHeldOne(t *testing.T) {
	// given a held reply
	d, s, a, sends := stoppedReply(t)

	// when the agent chooses to edit it
	test.Tap(uitest.FindButton(t, d.root, "Edit"))
	settle(t, d)

	// then the words are back in the reply box and the held one will never leave
	assert.Equal(t, "已开票", d.reply.Text)
	assert.Equal(t, domain.ActionDiscarded, storedAction(t, s, a.Key).State)
	assert.Zero(t, sends.Load())
}

func TestTrafficCopPrompt_DiscardDropsIt(t *testing.T) {
	// given a held reply
	d, s, a, _ := stoppedReply(t)

	// when the agent discards it
	test.Tap(uitest.FindButton(t, d.root, "Discard"))
	settle(t, d)

	// then it is final and no longer offered
	assert.Equal(t, domain.ActionDiscarded, storedAction(t, s, a.Key).State)
	assert.True(t, uitest.Shows(d.root, screens.ActionStateText(domain.ActionDiscarded)))
	assert.False(t, uitest.Shows(d.root, "Send anyway"))
}

func TestTicketDetail_AReplyCarriesTheVersionTheAgentSaw(t *testing.T) {
	// given a ticket at version 7 in the detail
	tk := uitest.Ticket("T8", "账号", domain.TicketProcessing)
	tk.Version = 7
	s := uitest.NewStore(t, tk)
	loop = uitest.NewLoop(t)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	settle(t, d)

	// when the agent sends a reply
	d.reply.SetText("请稍等")
	test.Tap(d.send)
	settle(t, d)

	// then the outbox entry records what was on screen
	acts, err := s.ActionsFor(domain.ResTickets, "T8")
	require.NoError(t, err)
	require.Len(t, acts, 1)
	require.NotNil(t, acts[0].Seen)
	assert.Equal(t, int64(7), acts[0].Seen.Version)
	assert.Equal(t, len(tk.Messages), acts[0].Seen.Messages)
}
