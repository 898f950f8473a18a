package tickets

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

func TestTicketDetail_AnInternalNoteIsMarkedAsSuch(t *testing.T) {
	// given a ticket whose conversation holds a reply and an internal note
	tk := uitest.Ticket("T7", "发票", domain.TicketProcessing)
	tk.Messages = append(tk.Messages,
		domain.TicketMessage{From: domain.PartyMerchant, Author: "李四", Body: "已为您补开发票", At: uitest.Now},
		domain.TicketMessage{From: domain.PartyMerchant, Author: "李四", Body: "客户上月也催过", At: uitest.Now, Internal: true})
	d := newTicketDetail(screentest.NewBackend(t, uitest.NewStore(t, tk)))
	uitest.NewWindow(t, d.root)

	// when it is shown
	d.show(tk, nil)

	// then the note says it is internal and the reply does not
	note := kit.InWindowLanguage(domain.NoteLabel)
	marked := 0
	for _, l := range uitest.VisibleLabels(d.conversation) {
		if len(l) >= len(note) && l[:len(note)] == note {
			marked++
		}
	}
	assert.Equal(t, 1, marked, "exactly the note is marked internal")
}
