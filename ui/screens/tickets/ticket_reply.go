package tickets

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
)

func (d *ticketDetail) sendReply() {
	text := strings.TrimSpace(d.reply.Text)
	if text == "" {
		d.f.ShowProblem(lang.L("The reply is empty: write something first."))
		return
	}
	// The box is cleared before queueing: UI changes come first, then the
	// worker, whose result lands on Fyne's goroutine later. If the outbox
	// refuses it, the text comes back unless something new was typed.
	d.reply.SetText("")
	id := d.ticket.ID
	delete(d.drafts, id) // sent or queued: no longer a draft, also after a restart
	d.saveDrafts()
	// The reply carries what the agent saw, for the traffic cop.
	screens.QueueSeenAction(d.f, d.b, domain.ResTickets, id, domain.ActTicketReply, domain.ActionParams{Message: text},
		domain.SeenOf(d.ticket), func(acts []domain.Action, err error) {
			if d.ticket.ID != id {
				return
			}
			if err != nil && d.reply.Text == "" {
				d.reply.SetText(text)
			}
			if acts != nil {
				d.show(d.ticket, acts)
			}
		})
}

// swapDraft keeps what was typed for the ticket left and brings back what
// was typed for the one shown, so no text is lost and none is sent to the
// wrong customer; a changed draft is saved for the next start (drafts.go).
func (d *ticketDetail) swapDraft(from, to string) {
	if d.keepDraft(from) {
		d.saveDrafts() // before the box changes: the save reads it as from's text
	}
	d.reply.SetText(d.drafts[to])
}
