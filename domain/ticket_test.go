package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestTicketSLALeft(t *testing.T) {
	created := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	due := created.Add(4 * time.Hour)
	now := created.Add(3 * time.Hour)
	pausedAt := created.Add(time.Hour)
	tests := []struct {
		name   string
		ticket Ticket
		want   time.Duration
		wantOK bool
	}{
		{"pending accept: clock runs", Ticket{Status: TicketPendingAccept, SLADue: due}, time.Hour, true},
		{"processing: clock runs", Ticket{Status: TicketProcessing, SLADue: due}, time.Hour, true},
		{"processing past due: negative", Ticket{Status: TicketProcessing, SLADue: created.Add(2 * time.Hour)}, -time.Hour, true},
		{"awaiting customer: frozen at pause", Ticket{Status: TicketAwaitingCustomer, SLADue: due, SLAPausedAt: pausedAt}, 3 * time.Hour, true},
		{"awaiting confirm: none", Ticket{Status: TicketAwaitingConfirm, SLADue: due}, 0, false},
		{"completed: none", Ticket{Status: TicketCompleted, SLADue: due}, 0, false},
		{"revoked: none", Ticket{Status: TicketRevoked, SLADue: due}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// when
			got, ok := tt.ticket.SLALeft(now)
			// then
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestTicketSLAPausedDoesNotTick(t *testing.T) {
	// given a ticket paused while waiting for the customer
	created := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	tk := Ticket{Status: TicketAwaitingCustomer, SLADue: created.Add(4 * time.Hour), SLAPausedAt: created.Add(time.Hour)}
	// when time passes, even past the due time
	early, _ := tk.SLALeft(created.Add(90 * time.Minute))
	late, _ := tk.SLALeft(created.Add(48 * time.Hour))
	// then the time left stays what it was at the pause
	assert.Equal(t, early, late)
	assert.True(t, tk.SLAPaused())
	assert.False(t, tk.SLARunning())
}

func TestTicketConversationTimes(t *testing.T) {
	created := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	msgs := []TicketMessage{
		{ID: "m1", From: PartyUser, Body: "无法登录", At: created},
		{ID: "m2", From: PartySystem, Body: "已分配", At: created.Add(time.Minute)},
		{ID: "m3", From: PartyMerchant, Author: "张三", Body: "请提供截图", At: created.Add(20 * time.Minute)},
		{ID: "m4", From: PartyUser, Body: "截图见附件", At: created.Add(time.Hour)},
		{ID: "m5", From: PartyMerchant, Author: "李四", Body: "已修复", At: created.Add(2 * time.Hour)},
	}
	tests := []struct {
		name         string
		ticket       Ticket
		wantLast     string
		wantFirst    time.Duration
		wantFirstOK  bool
		wantResolve  time.Duration
		wantResolved bool
	}{
		{"full conversation, resolved",
			Ticket{CreatedAt: created, Messages: msgs, ResolvedAt: created.Add(3 * time.Hour)},
			"m4", 20 * time.Minute, true, 3 * time.Hour, true},
		{"only the customer spoke",
			Ticket{CreatedAt: created, Messages: msgs[:2]},
			"m1", 0, false, 0, false},
		{"no messages",
			Ticket{CreatedAt: created},
			"", 0, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			last, ok := tt.ticket.LastCustomerMessage()
			assert.Equal(t, tt.wantLast != "", ok)
			assert.Equal(t, tt.wantLast, last.ID)
			first, ok := tt.ticket.FirstResponseTime()
			assert.Equal(t, tt.wantFirstOK, ok)
			assert.Equal(t, tt.wantFirst, first)
			res, ok := tt.ticket.ResolutionTime()
			assert.Equal(t, tt.wantResolved, ok)
			assert.Equal(t, tt.wantResolve, res)
		})
	}
}

func TestTicketStatusOpen(t *testing.T) {
	want := map[TicketStatus]bool{
		TicketPendingAccept: true, TicketProcessing: true, TicketAwaitingCustomer: true,
		TicketAwaitingConfirm: true, TicketCompleted: false, TicketRevoked: false,
	}
	assert.Len(t, TicketStatuses, len(want), "every status is listed for filters")
	for _, s := range TicketStatuses {
		t.Run(string(s), func(t *testing.T) {
			w, known := want[s]
			assert.True(t, known)
			assert.Equal(t, w, s.Open())
		})
	}
}

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
