package tickets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
)

// askResolve asks for the cause and the solution, both required by the
// marketplace when a ticket is confirmed solved; the dialog's Resolve button
// stays off until both are written.
func (d *ticketDetail) askResolve() {
	fields := []screens.TextField{
		{Prompt: lang.L("Cause"), MultiLine: true},
		{Prompt: lang.L("Solution"), MultiLine: true},
	}
	screens.AskTexts(d.b.ParentWindow(), lang.L("Resolve the ticket"), lang.L("Resolve"), fields, func(s []string) {
		d.queue(domain.ActTicketResolve, domain.ActionParams{Cause: s[0], Solution: s[1]})
	})
}

// showResolution shows the cause and the solution of a resolved ticket, or
// of a resolve still on its way, above the conversation.
func (d *ticketDetail) showResolution(t domain.Ticket, actions []domain.Action) {
	cause, solution := resolution(t, actions)
	if cause == "" && solution == "" {
		d.resolution.Objects = nil
	} else {
		d.resolution.Objects = []fyne.CanvasObject{
			screens.SectionTitle(lang.L("Resolution")),
			screens.KV(lang.L("Cause"), cause, lang.L("Solution"), solution),
		}
	}
	d.resolution.Refresh()
}

// resolution is the ticket's cause and solution: the marketplace's once it
// has them, else those of a resolve in the outbox.
func resolution(t domain.Ticket, actions []domain.Action) (cause, solution string) {
	if t.Cause != "" || t.Solution != "" {
		return t.Cause, t.Solution
	}
	for i := len(actions) - 1; i >= 0; i-- {
		if a := actions[i]; a.Name == domain.ActTicketResolve && !a.State.Final() {
			return a.Params.Cause, a.Params.Solution
		}
	}
	return "", ""
}
