package rules

import (
	"strconv"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// noteTicket adds an agent's internal note to the conversation. A note moves
// nothing: no status change, no SLA effect (it answers nobody), and the
// simulated customer, who acts on the ticket's status and times only,
// never answers it. Other agents' consoles sync it like any change, as the
// ticket's version moves.
func noteTicket(t domain.Ticket, p domain.ActionParams, now time.Time) (domain.Ticket, bool, *Refusal) {
	if strings.TrimSpace(p.Message) == "" {
		return t, false, BadParam("内部备注需要 message / a note needs message")
	}
	if strings.TrimSpace(p.Agent) == "" {
		return t, false, BadParam("内部备注需要 agent / a note needs agent")
	}
	if !domain.Allows(t, domain.ActTicketNote) {
		return t, false, invalidState(t.Status, domain.ActTicketNote)
	}
	t.Messages = append(t.Messages, domain.TicketMessage{
		ID: t.ID + "-M" + strconv.Itoa(len(t.Messages)+1), From: domain.PartyMerchant, Author: p.Agent,
		Body: p.Message, At: now, Internal: true,
	})
	return t, true, nil
}
