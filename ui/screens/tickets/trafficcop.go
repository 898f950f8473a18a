package tickets

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
)

// The ticket's side of the traffic cop (domain/trafficcop.go): replies and
// resolves carry what the agent saw, and a held one offers send anyway,
// edit (back into the reply box or the resolve dialog) or discard.

// queueChecked queues an action; a reply or a resolve carries what the
// agent has in front of them, so the sender can tell whether someone else
// moved the ticket on before it leaves.
func (d *ticketDetail) queueChecked(name domain.ActionName, p domain.ActionParams, show func([]domain.Action)) {
	var seen *domain.Seen
	if name == domain.ActTicketReply || name == domain.ActTicketResolve {
		seen = domain.SeenOf(d.ticket)
	}
	screens.QueueSeenAction(d.f, d.b, domain.ResTickets, d.ticket.ID, name, p, seen,
		func(acts []domain.Action, _ error) { show(acts) })
}

// stopChoices wires the held-action card of the ticket's outbox.
func (d *ticketDetail) stopChoices() *screens.StopChoices {
	return &screens.StopChoices{
		SendAnyway: func(a domain.Action) { screens.SettleStop(d.f, d.b, a, true, d.showActions(a.RecordID)) },
		Discard:    func(a domain.Action) { screens.SettleStop(d.f, d.b, a, false, d.showActions(a.RecordID)) },
		Edit:       d.editStopped,
	}
}

// editStopped discards the held action and gives its words back to the
// agent: a reply returns to the reply box, a resolve reopens its dialog.
func (d *ticketDetail) editStopped(a domain.Action) {
	screens.SettleStop(d.f, d.b, a, false, d.showActions(a.RecordID))
	switch a.Name {
	case domain.ActTicketReply:
		d.reply.SetText(a.Params.Message)
		d.f.ShowProblem(lang.L("Your reply is back in the box: read what changed, edit it and send again."))
	case domain.ActTicketResolve:
		d.askResolve()
	}
}

// flagStopped says at the top of the detail that an action was held, since
// its card sits with the outbox below the conversation.
func (d *ticketDetail) flagStopped(acts []domain.Action) {
	for _, a := range acts {
		if a.State == domain.ActionStopped {
			d.f.ShowProblem(lang.L("Not sent: the ticket changed since you opened it.") + " " +
				lang.L("See below: send anyway, edit or discard."))
			return
		}
	}
}

func (d *ticketDetail) showActions(id string) func([]domain.Action) {
	return func(acts []domain.Action) {
		if d.ticket.ID == id {
			d.show(d.ticket, acts)
		}
	}
}
