package reports

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestExportCountsInternalNotesApartFromTheConversation(t *testing.T) {
	// given the sample open ticket (three customer-visible turns) with two internal notes added
	tk := sampleTickets()[0]
	at := tk.CreatedAt
	tk.Messages = append(tk.Messages,
		domain.TicketMessage{ID: "n1", From: domain.PartyMerchant, Author: "客服小王", Body: "查过配额", At: at, Internal: true},
		domain.TicketMessage{ID: "n2", From: domain.PartyMerchant, Author: "客服小李", Body: "同意", At: at, Internal: true})
	path := outPath(t, "tickets.xlsx")

	// when it is exported
	_, err := ExportTickets(context.Background(), path, FromSlice([]domain.Ticket{tk}), Options{Location: shanghai, Now: exportNow})
	require.NoError(t, err)

	// then the message count is the customer's conversation and the notes have their own column
	f := openBook(t, path)
	assert.InDelta(t, 3, number(t, f, "工单", "L2"), 0)
	assert.Equal(t, "内部备注数", text(t, f, "工单", "U1"))
	assert.InDelta(t, 2, number(t, f, "工单", "U2"), 0)
}
