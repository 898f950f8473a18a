package syncer

import (
	"context"
	"net/http"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// Ticket fetches one ticket as the server has it now (the detail endpoint).
func (c *Client) Ticket(ctx context.Context, id string) (domain.Ticket, error) {
	var d marketapi.Detail[domain.Ticket]
	what := "ticket " + id + " detail"
	err := c.call(ctx, &request{
		method: http.MethodGet, path: marketapi.DetailPath(domain.ResTickets, id), what: what,
		decode: decodeInto(what, &d, func() marketapi.Envelope { return d.Envelope }),
	})
	return d.Data, err
}

// trafficCop checks a reply or resolve just before it leaves (domain
// trafficcop.go): it fetches the ticket and, when someone else moved it on
// since the agent looked, stores the action as stopped and reports true.
// The fetched ticket goes into the cache either way, so the detail shows
// what changed, and its changes go to the notifications as a pull's would
// (not as ours). An error means the ticket could not be fetched and the
// action stays pending; a refusal of the fetch itself (the ticket is gone)
// lets the send go ahead and the server's answer decide.
func (e *Engine) trafficCop(ctx context.Context, a domain.Action, owner Owner) (bool, error) {
	if !domain.TrafficChecked(a) {
		return false, nil
	}
	t, err := e.opts.Client.Ticket(ctx, a.RecordID)
	if _, refused := rejection(err); refused {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if err := e.applyOne(t, owner, false); err != nil {
		return false, err
	}
	changes := domain.TicketChanges(*a.Seen, t, a.Params.Agent)
	if len(changes) == 0 {
		return false, nil
	}
	return true, e.opts.Store.UpdateAction(a.Stop(changes, t))
}
