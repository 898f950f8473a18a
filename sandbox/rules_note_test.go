package sandbox

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

func TestNoteOnACompletedTicketIsKeptInternalAndMovesNothing(t *testing.T) {
	// given a completed ticket
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := find(t, srv, AccountMain, domain.ResTickets, func(tk domain.Ticket) bool { return tk.Status == domain.TicketCompleted })

	// when an agent adds a note
	st, res := act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketNote, "n-1",
		domain.ActionParams{Agent: "客服-甲", Message: "客户下次续费前提醒"})

	// then it is the last message, internal, and the ticket is otherwise as it was
	require.Equal(t, http.StatusOK, st, res.ResultMsg)
	got := res.Data
	require.Len(t, got.Messages, len(tk.Messages)+1)
	note := got.Messages[len(got.Messages)-1]
	assert.True(t, note.Internal)
	assert.Equal(t, domain.PartyMerchant, note.From)
	assert.Equal(t, "客服-甲", note.Author)
	assert.Equal(t, tk.Status, got.Status)
	assert.Greater(t, got.Version, tk.Version, "other consoles sync it")
	assert.Len(t, got.CustomerVisible(), len(tk.Messages))
}

func TestNoteIsRefusedBlankOrOnAWithdrawnTicket(t *testing.T) {
	// given a revoked ticket and one in progress
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	revoked := find(t, srv, AccountMain, domain.ResTickets, func(tk domain.Ticket) bool { return tk.Status == domain.TicketRevoked })
	open := find(t, srv, AccountMain, domain.ResTickets, func(tk domain.Ticket) bool { return tk.Status == domain.TicketProcessing })
	before := srv.Seq(AccountMain)

	// when notes are sent to the revoked one, and a blank one to the open one
	st1, r1 := act[domain.Ticket](c, domain.ResTickets, revoked.ID, domain.ActTicketNote, "n-1", domain.ActionParams{Agent: "甲", Message: "x"})
	st2, r2 := act[domain.Ticket](c, domain.ResTickets, open.ID, domain.ActTicketNote, "n-2", domain.ActionParams{Agent: "甲", Message: " "})

	// then both are refused with the contract's codes and nothing changed
	assert.Equal(t, http.StatusConflict, st1)
	assert.Equal(t, marketapi.ReasonInvalidState, r1.Reason)
	assert.Equal(t, http.StatusBadRequest, st2)
	assert.Equal(t, marketapi.CodeBadParam, r2.ResultCode)
	assert.Equal(t, before, srv.Seq(AccountMain))
}
