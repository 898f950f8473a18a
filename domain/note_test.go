package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestNoteIsAllowedOnACompletedTicketButNotARevokedOne(t *testing.T) {
	for _, st := range TicketStatuses {
		// given a ticket in each status
		tk := Ticket{Status: st}
		// when asked whether a note may be added
		got := Allows(tk, ActTicketNote)
		// then every status but the withdrawn one takes notes
		assert.Equal(t, st != TicketRevoked, got, "status %s", st)
	}
}

func TestAnInternalNoteIsNotAFirstResponseNorCustomerVisible(t *testing.T) {
	// given a ticket where an agent first wrote a note, then answered
	at := time.Date(2026, 10, 3, 9, 0, 0, 0, time.UTC)
	tk := Ticket{CreatedAt: at, Messages: []TicketMessage{
		{ID: "1", From: PartyUser, Body: "help", At: at},
		{ID: "2", From: PartyMerchant, Body: "check the logs", At: at.Add(time.Minute), Internal: true},
		{ID: "3", From: PartyMerchant, Body: "fixed", At: at.Add(time.Hour)},
	}}
	// when the first response and the customer's view are read
	first, ok := tk.FirstResponseTime()
	// then the note counts for neither
	assert.True(t, ok)
	assert.Equal(t, time.Hour, first)
	assert.Equal(t, []string{"1", "3"}, ids(tk.CustomerVisible()))
	assert.Equal(t, []string{"2"}, ids(tk.Notes()))
}

func ids(ms []TicketMessage) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}
