package syncer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
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
	// Bytes is the length of the reply body the page was decoded from:
	// what the sync bounds its pages in flight by (see inflight).
	Bytes int
	// SetAside are items that could not be decoded (a field of the wrong
	// type); they are kept aside with the page instead of failing it.
	SetAside []localstore.SetAside
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
// Errors are *marketapi.Error when the envelope reports a failure,
// *ContractError when the page breaks the contract in a way a resend will
// not cure, and plain errors otherwise (the caller wraps them in
// *DecodeError). An item with a field of the wrong type is set aside, not
// fatal: the page is decoded again item by item.
func DecodeChanges[T domain.Record](body []byte, owner Owner) (Page, error) {
	var p marketapi.ChangesPage[T]
	var aside []localstore.SetAside
	err := json.Unmarshal(body, &p)
	if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) {
		p, aside, err = decodeItemByItem[T](body)
	}
	if err != nil {
		return Page{}, describeJSON(err)
	}
	if err := checkEnvelope(p.Envelope); err != nil {
		return Page{}, err
	}
	var zero T
	out := Page{
		Resource: zero.Resource(), Removed: p.Removed, SetAside: aside,
		NextCursor: p.NextCursor, HasMore: p.HasMore, Total: p.Total,
		Items: make([]domain.Record, 0, len(p.Items)),
	}
	for i := range p.Items {
		// an item without an ID reaches the store, which sets it aside
		if err := owner.adopt(&p.Items[i]); err != nil {
			return Page{}, &ContractError{What: string(out.Resource) + " changes page", Err: fmt.Errorf("item %d: %w", i, err)}
		}
		out.Items = append(out.Items, p.Items[i])
	}
	for i, t := range p.Removed {
		if t.ID == "" {
			return Page{}, &ContractError{What: string(out.Resource) + " changes page", Err: fmt.Errorf("removal %d has no id", i)}
		}
	}
	if p.HasMore && p.NextCursor == "" {
		return Page{}, &ContractError{What: string(out.Resource) + " changes page", Err: errors.New("hasMore without a nextCursor")}
	}
	if p.Total < 0 {
		return Page{}, &ContractError{What: string(out.Resource) + " changes page", Err: fmt.Errorf("negative total %d", p.Total)}
	}
	return out, nil
}

// rawChangesPage is a changes page with its items left undecoded.
type rawChangesPage struct {
	marketapi.Envelope
	Items      []json.RawMessage  `json:"items"`
	Removed    []domain.Tombstone `json:"removed"`
	NextCursor string             `json:"nextCursor"`
	HasMore    bool               `json:"hasMore"`
	Total      int                `json:"total,omitempty"`
}

// decodeItemByItem decodes a page whose items did not all decode: the
// envelope must, each item that does is kept, each that does not is set
// aside with the reason.
func decodeItemByItem[T domain.Record](body []byte) (marketapi.ChangesPage[T], []localstore.SetAside, error) {
	var raw rawChangesPage
	if err := json.Unmarshal(body, &raw); err != nil {
		return marketapi.ChangesPage[T]{}, nil, err
	}
	p := marketapi.ChangesPage[T]{Envelope: raw.Envelope, Removed: raw.Removed,
		NextCursor: raw.NextCursor, HasMore: raw.HasMore, Total: raw.Total, Items: make([]T, 0, len(raw.Items))}
	var zero T
	var aside []localstore.SetAside
	for _, item := range raw.Items {
		var v T
		if err := json.Unmarshal(item, &v); err != nil {
			id, version := identify(item)
			aside = append(aside, localstore.NewSetAside(zero.Resource(), id, version, describeJSON(err).Error(), item))
			continue
		}
		p.Items = append(p.Items, v)
	}
	return p, aside, nil
}

// identify reads what it can of an undecodable item's id and version.
func identify(item json.RawMessage) (string, int64) {
	var m struct {
		ID      any `json:"id"`
		Version any `json:"version"`
	}
	_ = json.Unmarshal(item, &m)
	id, _ := m.ID.(string)
	v, _ := m.Version.(float64)
	return id, int64(v)
}

// checkEnvelope insists on a result code: a 2xx body without one is not a
// marketplace reply at all.
func checkEnvelope(e marketapi.Envelope) error {
	if e.ResultCode == "" {
		return errors.New("no resultCode in the reply")
	}
	return envelopeErr(e, 200)
}

// envelopeErr is the envelope's failure with the server's texts quoted
// short: a 40 KB resultMsg must not become a 40 KB error line.
func envelopeErr(e marketapi.Envelope, status int) error {
	e.ResultCode, e.ResultMsg, e.Reason = localstore.Quote(e.ResultCode), localstore.Quote(e.ResultMsg), localstore.Quote(e.Reason)
	return e.Err(status)
}

// describeJSON makes encoding/json's errors say what a person needs.
func describeJSON(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return fmt.Errorf("field %q has the wrong type (got JSON %s, want %s)", localstore.Quote(te.Field), te.Value, te.Type)
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
		return envelopeErr(e, status)
	}
}

// metaOf reaches the Meta inside a decoded record so it can be checked and
// relabelled in place without copying the record.
func metaOf(p any) *domain.Meta {
	switch v := p.(type) {
	case *domain.Order:
		return &v.Meta
	case *domain.SupervisionTask:
		return &v.Meta
	case *domain.Ticket:
		return &v.Meta
	case *domain.InterfaceAlert:
		return &v.Meta
	case *domain.Bill:
		return &v.Meta
	case *domain.TransactionDetail:
		return &v.Meta
	case *domain.Message:
		return &v.Meta
	}
	return nil
}

// Owner says whose records a page may hold: Remote is the marketplace's
// account ID the credentials belong to, Local the cache's account name.
// A record of any other account is refused (it would be another seller's
// data); records of Remote are relabelled Local before they are stored.
type Owner struct{ Remote, Local string }

// adopt checks and relabels a decoded record in place.
func (o Owner) adopt(p any) error {
	if o.Remote == "" || o.Remote == o.Local {
		return nil // the store's own foreign-account check applies
	}
	m := metaOf(p)
	if m == nil {
		return fmt.Errorf("record type %T unknown", p)
	}
	switch m.Account {
	case "", o.Remote:
		m.Account = o.Local
		return nil
	}
	return fmt.Errorf("record %s belongs to account %q, not %q (another seller's data)",
		localstore.Quote(m.ID), localstore.Quote(m.Account), o.Remote)
}
