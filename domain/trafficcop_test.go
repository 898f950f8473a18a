package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTicketChanges_NamesTheCustomerAndAnotherAgentsAccept(t *testing.T) {
	// given a waiting ticket as the agent saw it
	seen := Ticket{Meta: Meta{ID: "T1", Version: 3}, Status: TicketPendingAccept,
		Messages: []TicketMessage{{ID: "m1", From: PartyUser, Body: "help"}}}
	now := seen
	now.Version, now.Assignee, now.Status = 5, "张三", TicketProcessing
	now.Messages = append(now.Messages[:1:1], TicketMessage{ID: "m2", From: PartyUser, Author: "客户", Body: "still broken"})

	// when the changes are listed for agent 李四
	got := TicketChanges(*SeenOf(seen), now, "李四")

	// then the accept and the customer's new message are named, in both languages
	require.Len(t, got, 2)
	assert.Equal(t, ChangeAccepted, got[0].Kind)
	assert.Equal(t, ChangeCustomerMessage, got[1].Kind)
	assert.Contains(t, ChangesText(got), "张三 已受理此工单 / 张三 accepted the ticket")
	assert.Contains(t, ChangesText(got), "the customer wrote: still broken")
}

func TestTicketChanges_NothingWhenTheVersionHasNotMoved(t *testing.T) {
	// given a ticket unchanged since the agent looked
	tk := Ticket{Meta: Meta{ID: "T1", Version: 3}, Assignee: "张三"}

	// then there is nothing to stop for, even for another agent
	assert.Empty(t, TicketChanges(*SeenOf(tk), tk, "李四"))
}

func TestStoppedActionIsNotFinalAndDiscardIs(t *testing.T) {
	// given a stopped action
	a := Action{State: ActionPending}.Stop([]TicketChange{{Kind: ChangeAgentReply, Who: "张三"}}, Ticket{Meta: Meta{Version: 9}})

	// then it waits for the agent, and discarding it ends it
	assert.False(t, a.State.Final())
	assert.Equal(t, ReasonTicketChanged, a.ReasonCode)
	assert.True(t, a.Discard().State.Final())
	assert.Equal(t, int64(9), a.SendAnyway().Seen.Version)
}
