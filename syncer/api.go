package syncer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// Changes fetches one page of a resource's changes after cursor ("" is the
// beginning); owner checks whose records they are (see Owner).
func (c *Client) Changes(ctx context.Context, res domain.Resource, cursor string, owner Owner) (Page, error) {
	dec, err := DecoderFor(res)
	if err != nil {
		return Page{}, err
	}
	q := url.Values{"limit": {strconv.Itoa(c.opts.PageSize)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	var page Page
	what := string(res) + " changes page"
	err = c.call(ctx, &request{
		method: http.MethodGet, path: marketapi.ChangesPath(res), query: q, what: what,
		decode: func(status int, body []byte) error {
			p, err := dec(body, owner)
			var me *marketapi.Error
			var ce *ContractError
			switch {
			case errors.As(err, &me):
				me.HTTPStatus = status
				return me
			case errors.As(err, &ce):
				return ce
			case err != nil:
				return &DecodeError{What: what, Status: status, Err: err}
			}
			page = p
			page.Bytes = len(body)
			return nil
		},
	})
	return page, err
}

// ActionOutcome is the server's answer to an accepted action.
type ActionOutcome struct {
	Record   domain.Record // the record as it stands afterwards
	Replayed bool          // the key had been seen: nothing was applied twice
}

// Act posts an outbox action with its idempotency key. A refusal comes back
// as *marketapi.Error with Reason set (ALREADY_ACCEPTED, FLOW_FROZEN, ...).
func (c *Client) Act(ctx context.Context, a domain.Action) (ActionOutcome, error) {
	if a.Key == "" {
		return ActionOutcome{}, ErrNoIdempotencyKey
	}
	dec, ok := actionDecoders[a.Resource]
	if !ok {
		return ActionOutcome{}, fmt.Errorf("no actions on resource %q", a.Resource)
	}
	body, err := json.Marshal(a.Params)
	if err != nil {
		return ActionOutcome{}, fmt.Errorf("encoding %s params: %w", a.Name, err)
	}
	var out ActionOutcome
	what := fmt.Sprintf("%s %s reply", a.Resource, a.Name)
	err = c.call(ctx, &request{
		method: http.MethodPost, path: marketapi.ActionPath(a.Resource, a.RecordID, a.Name),
		body: body, idemKey: a.Key, what: what,
		decode: func(status int, b []byte) error {
			o, err := dec(what, status, b)
			out = o
			return err
		},
	})
	return out, err
}

type actionDecoder func(what string, status int, body []byte) (ActionOutcome, error)

var actionDecoders = map[domain.Resource]actionDecoder{
	domain.ResTickets:     decodeAction[domain.Ticket],
	domain.ResSupervision: decodeAction[domain.SupervisionTask],
	domain.ResAlerts:      decodeAction[domain.InterfaceAlert],
}

func decodeAction[T domain.Record](what string, status int, body []byte) (ActionOutcome, error) {
	var r marketapi.ActionResult[T]
	if err := decodeInto(what, &r, func() marketapi.Envelope { return r.Envelope })(status, body); err != nil {
		return ActionOutcome{}, err
	}
	if r.Data.RecordMeta().ID == "" {
		return ActionOutcome{}, &DecodeError{What: what, Status: status, Err: errors.New("no record in the reply")}
	}
	return ActionOutcome{Record: r.Data, Replayed: r.Replayed}, nil
}

// WhoAmI asks which account the credentials belong to ("test connection").
func (c *Client) WhoAmI(ctx context.Context) (marketapi.WhoAmI, error) {
	var w marketapi.WhoAmI
	err := c.call(ctx, &request{
		method: http.MethodGet, path: marketapi.WhoAmIPath, what: "whoami reply",
		decode: decodeInto("whoami reply", &w, func() marketapi.Envelope { return w.Envelope }),
	})
	return w, err
}

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
