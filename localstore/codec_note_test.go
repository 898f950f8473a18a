package localstore

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func noteTicket() domain.Ticket {
	return domain.Ticket{Meta: domain.Meta{ID: "T1", Account: testAccount, Version: 2}, Subject: "s",
		Status: domain.TicketCompleted, CreatedAt: baseTime, Messages: []domain.TicketMessage{
			{ID: "T1-M1", From: domain.PartyUser, Author: "客户", Body: "help", At: baseTime},
			{ID: "T1-M2", From: domain.PartyMerchant, Author: "张三", Body: "查日志", At: baseTime, Internal: true},
		}}
}

func TestInternalNoteFlagSurvivesTheCacheFile(t *testing.T) {
	// given a cache holding a ticket with an internal note
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	_, err = s.ApplyPage(Page{Resource: domain.ResTickets, Items: []domain.Record{noteTicket()}})
	require.NoError(t, err)
	require.NoError(t, s.Close())

	// when the file is opened again and the ticket read
	s, err = Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	got, ok, err := Get[domain.Ticket](s, "T1")

	// then the note is still a note and the customer's message is not
	require.NoError(t, err)
	require.True(t, ok)
	require.Len(t, got.Messages, 2)
	assert.False(t, got.Messages[0].Internal)
	assert.True(t, got.Messages[1].Internal)
}

func TestTicketsWrittenBeforeNotesStillDecode(t *testing.T) {
	// given a ticket stored by the layout-1 codec, whose messages had no internal flag
	c, err := codecFor(domain.ResTickets)
	require.NoError(t, err)
	tk := noteTicket()
	tk.Messages = tk.Messages[:1]
	p, err := c.prepare(tk, testAccount)
	require.NoError(t, err)
	// layout 2 ends: …, message's internal byte, attachment count (0)
	n := len(p.data)
	require.Equal(t, byte(0), p.data[n-2], "a false flag is one zero byte")
	v1 := append([]byte{p.data[0], 1}, p.data[2:n-2]...)
	v1 = append(v1, p.data[n-1])

	// when it is read by today's codec
	got, err := c.decode(v1)

	// then every field is there and the message is customer-visible
	require.NoError(t, err)
	assert.Equal(t, tk, got)
	_, err = c.decode(append([]byte{p.data[0], 9}, p.data[2:]...))
	assert.ErrorContains(t, err, "ticket layout 9 not known")
}
