package syncer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// Page is one decoded page of changes, with the records as domain.Record
// so that every resource goes through the same store call.
type Page struct {
	Resource   domain.Resource
	Items      []domain.Record
	Removed    []domain.Tombstone
	NextCursor string
	HasMore    bool
	Total      int
}

// PageDecoder reads one reply body of a resource's change listing; owner
// checks and relabels the records' account (the zero Owner does neither).
type PageDecoder func(body []byte, owner Owner) (Page, error)

// pageDecoders maps each resource to its typed decoder.
var pageDecoders = map[domain.Resource]PageDecoder{
	domain.ResOrders:       DecodeChanges[domain.Order],
	domain.ResSupervision:  DecodeChanges[domain.SupervisionTask],
	domain.ResTickets:      DecodeChanges[domain.Ticket],
	domain.ResAlerts:       DecodeChanges[domain.InterfaceAlert],
	domain.ResBills:        DecodeChanges[domain.Bill],
	domain.ResTransactions: DecodeChanges[domain.TransactionDetail],
	domain.ResMessages:     DecodeChanges[domain.Message],
}

// DecoderFor returns the page decoder of a resource.
func DecoderFor(res domain.Resource) (PageDecoder, error) {
	d, ok := pageDecoders[res]
	if !ok {
		return nil, fmt.Errorf("no decoder for resource %q", res)
	}
	return d, nil
}

// DecodeChanges reads a ChangesPage[T] and checks it against the contract.
// Errors are *marketapi.Error when the envelope reports a failure and plain
// errors otherwise (the caller wraps them in *DecodeError).
func DecodeChanges[T domain.Record](body []byte, owner Owner) (Page, error) {
	var p marketapi.ChangesPage[T]
	if err := json.Unmarshal(body, &p); err != nil {
		return Page{}, describeJSON(err)
	}
	if err := checkEnvelope(p.Envelope); err != nil {
		return Page{}, err
	}
	var zero T
	out := Page{
		Resource: zero.Resource(), Removed: p.Removed,
		NextCursor: p.NextCursor, HasMore: p.HasMore, Total: p.Total,
		Items: make([]domain.Record, 0, len(p.Items)),
	}
	for i := range p.Items {
		if p.Items[i].RecordMeta().ID == "" {
			return Page{}, fmt.Errorf("item %d has no id", i)
		}
		if err := owner.adopt(&p.Items[i]); err != nil {
			return Page{}, fmt.Errorf("item %d: %w", i, err)
		}
		out.Items = append(out.Items, p.Items[i])
	}
	for i, t := range p.Removed {
		if t.ID == "" {
			return Page{}, fmt.Errorf("removal %d has no id", i)
		}
	}
	if p.HasMore && p.NextCursor == "" {
		return Page{}, errors.New("hasMore without a nextCursor")
	}
	if p.Total < 0 {
		return Page{}, fmt.Errorf("negative total %d", p.Total)
	}
	return out, nil
}

// checkEnvelope insists on a result code: a 2xx body without one is not a
// marketplace reply at all.
func checkEnvelope(e marketapi.Envelope) error {
	if e.ResultCode == "" {
		return errors.New("no resultCode in the reply")
	}
	return e.Err(200)
}

// describeJSON makes encoding/json's errors say what a person needs.
func describeJSON(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return fmt.Errorf("field %q has the wrong type (got JSON %s, want %s)", te.Field, te.Value, te.Type)
	case strings.Contains(err.Error(), "unexpected end of JSON input"):
		return fmt.Errorf("truncated JSON: %w", err)
	case errors.As(err, &se):
		return fmt.Errorf("malformed JSON at byte %d: %w", se.Offset, err)
	}
	return err
}

// decodeInto returns a request.decode that unmarshals into dst (a reply
// embedding marketapi.Envelope) and reports envelope failures.
func decodeInto(what string, dst any, env func() marketapi.Envelope) func(int, []byte) error {
	return func(status int, body []byte) error {
		if err := json.Unmarshal(body, dst); err != nil {
			return &DecodeError{What: what, Status: status, Err: describeJSON(err)}
		}
		e := env()
		if e.ResultCode == "" {
			return &DecodeError{What: what, Status: status, Err: errors.New("no resultCode in the reply")}
		}
		return e.Err(status)
	}
}
