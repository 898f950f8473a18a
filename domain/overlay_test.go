package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var overlayNow = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)

func waitingTicket() Ticket {
	return Ticket{Meta: Meta{ID: "T1", Version: 3}, Status: TicketPendingAccept,
		Messages: []TicketMessage{{ID: "m1", From: PartyUser, Body: "无法登录"}}}
}

func queued(seq uint64, name ActionName, p ActionParams, st ActionState) Action {
	return Action{Key: "k" + string(rune('0'+seq)), Seq: seq, Resource: ResTickets, RecordID: "T1", Name: name,
		Params: p, State: st, CreatedAt: overlayNow}
}

func TestWithQueued_AcceptThenReplyReadsProcessingWithThePendingTurn(t *testing.T) {
	// given a ticket waiting for acceptance and, queued offline, an accept then a reply
	tk := waitingTicket()
	acts := []Action{
		queued(2, ActTicketReply, ActionParams{Agent: "李四", Message: "马上处理"}, ActionPending),
		queued(1, ActTicketAccept, ActionParams{Agent: "李四"}, ActionSending),
	}

	// when the overlay is applied
	view, changed := WithQueued(tk, acts)

	// then the ticket reads as the marketplace will leave it, the reply marked pending
	require.True(t, changed)
	assert.Equal(t, TicketProcessing, view.Status)
	assert.Equal(t, "李四", view.Assignee)
	require.Len(t, view.Messages, 2)
	assert.Equal(t, "马上处理", view.Messages[1].Body)
	assert.True(t, IsPendingMessage(view.Messages[1]))
	assert.False(t, IsPendingMessage(view.Messages[0]))
	assert.True(t, Allows(view, ActTicketResolve), "the next step is allowed on the overlaid record")
	// and the cached record is untouched
	assert.Equal(t, TicketPendingAccept, tk.Status)
	assert.Len(t, tk.Messages, 1)
}

func TestWithQueued_ReplyBeforeItsAcceptDoesNotApply(t *testing.T) {
	// given a reply queued ahead of the accept (Seq order decides, not slice order)
	acts := []Action{
		queued(1, ActTicketReply, ActionParams{Message: "早了"}, ActionPending),
		queued(2, ActTicketAccept, ActionParams{Agent: "李四"}, ActionPending),
	}

	// when the overlay is applied
	view, _ := WithQueued(waitingTicket(), acts)

	// then the marketplace's rule refuses the reply on a ticket not yet accepted
	assert.Equal(t, TicketProcessing, view.Status)
	assert.Len(t, view.Messages, 1)
}

func TestWithQueued_FinalActionsAreNotApplied(t *testing.T) {
	// given a refused accept, a discarded one and a done one
	acts := []Action{
		queued(1, ActTicketAccept, ActionParams{Agent: "李四"}, ActionRejected),
		queued(2, ActTicketAccept, ActionParams{Agent: "李四"}, ActionDiscarded),
		queued(3, ActTicketAccept, ActionParams{Agent: "李四"}, ActionDone),
	}

	// when the overlay is applied
	view, changed := WithQueued(waitingTicket(), acts)

	// then the server's version stands: a refusal rolls back by itself
	assert.False(t, changed)
	assert.Equal(t, TicketPendingAccept, view.Status)
}

func TestApplyAction_DoesNotWriteIntoTheCachedConversation(t *testing.T) {
	// given a processing ticket whose messages slice has spare capacity
	tk := waitingTicket()
	tk.Status = TicketProcessing
	tk.Messages = append(make([]TicketMessage, 0, 4), tk.Messages...)

	// when two overlays are computed from it
	a, _ := ApplyAction(tk, queued(1, ActTicketReply, ActionParams{Message: "一"}, ActionPending))
	b, _ := ApplyAction(tk, queued(2, ActTicketReply, ActionParams{Message: "二"}, ActionPending))

	// then each has its own turn
	assert.Equal(t, "一", a.(Ticket).Messages[1].Body)
	assert.Equal(t, "二", b.(Ticket).Messages[1].Body)
}
