package localstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/recordenc"
	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// Record encodings, told apart by the first byte so the encoding of a kind
// can change without rewriting the records already stored.
const (
	encJSON   byte = 'J'
	encBinary byte = 'B'
)

// codec turns one resource's records into stored bytes and index fields.
type codec interface {
	resource() domain.Resource
	prepare(r domain.Record, account string) (prepared, error)
	// prepareIn is prepare with the encoded bytes placed in a (nil: their own allocation).
	prepareIn(r domain.Record, account string, a *writebuf.Arena) (prepared, error)
	decode(b []byte) (domain.Record, error)
}

// prepared is a record made ready for a write, outside the transaction.
type prepared struct {
	id   string
	f    fields
	data []byte
	rec  domain.Record // the normalized value, with Account set
	// tombstoned is set by the writer when a tombstone must be cleared.
	tombstoned bool
}

// kind is the codec of one record type T (a value type such as domain.Order).
type kind[T domain.Record] struct {
	res    domain.Resource
	meta   func(*T) *domain.Meta
	fields func(*T) fields
	enc    func([]byte, *T) []byte // nil: JSON
	dec    func([]byte, *T) error
}

func (k *kind[T]) resource() domain.Resource { return k.res }

// normalize accepts T or *T, so callers may hand over either.
func (k *kind[T]) normalize(r domain.Record) (T, error) {
	var zero T
	if v, ok := r.(T); ok {
		return v, nil
	}
	if p, ok := any(r).(*T); ok {
		if p == nil {
			return zero, fmt.Errorf("nil %s record: %w", k.res, errWrongKind)
		}
		return *p, nil
	}
	return zero, fmt.Errorf("a %T record in a %s page: %w", r, k.res, errWrongKind)
}

// errWrongKind is a caller's mistake (a record of one type in another's
// page), not bad data from the server: it fails the page.
var errWrongKind = errors.New("wrong record kind")

func (k *kind[T]) prepare(r domain.Record, account string) (prepared, error) {
	return k.prepareIn(r, account, nil)
}

func (k *kind[T]) prepareIn(r domain.Record, account string, a *writebuf.Arena) (prepared, error) {
	v, err := k.normalize(r)
	if err != nil {
		return prepared{}, err
	}
	m := k.meta(&v)
	if m.ID == "" {
		return prepared{}, fmt.Errorf("%s record without an ID", k.res)
	}
	if m.Account == "" {
		m.Account = account
	} else if m.Account != account {
		return prepared{}, fmt.Errorf("%s %s of account %q in the cache of %q: %w",
			k.res, m.ID, m.Account, account, ErrForeignAccount)
	}
	f := k.fields(&v)
	f.version = m.Version
	f.status = clip(f.status, 255)
	f.customer = clip(f.customer, 4096)
	f.product = clip(f.product, 4096)
	data, err := k.encode(&v, a)
	if err != nil {
		return prepared{}, fmt.Errorf("encode %s %s: %w", k.res, m.ID, err)
	}
	return prepared{id: m.ID, f: f, data: data, rec: v}, nil
}

func (k *kind[T]) encode(v *T, a *writebuf.Arena) ([]byte, error) {
	if k.enc != nil {
		if a != nil {
			return a.Keep(k.enc(append(a.Free(4096), encBinary), v)), nil
		}
		return k.enc(append(make([]byte, 0, 384), encBinary), v), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append([]byte{encJSON}, b...), nil
}

func (k *kind[T]) decode(b []byte) (domain.Record, error) {
	v, err := k.decodeT(b)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func (k *kind[T]) decodeT(b []byte) (T, error) {
	var v T
	if len(b) == 0 {
		return v, errors.New("empty record")
	}
	var err error
	switch b[0] {
	case encJSON:
		err = json.Unmarshal(b[1:], &v)
	case encBinary:
		if k.dec == nil {
			return v, fmt.Errorf("%s: binary encoding not known", k.res)
		}
		err = k.dec(b[1:], &v)
	default:
		return v, fmt.Errorf("%s: unknown record encoding %q", k.res, b[0])
	}
	if err != nil {
		return v, fmt.Errorf("decode %s record: %w", k.res, err)
	}
	return v, nil
}

// codecs maps every synced resource to its codec; kinds maps record types.
var (
	codecs = map[domain.Resource]codec{}
	kinds  = map[reflect.Type]codec{}
)

func register[T domain.Record](k *kind[T]) {
	codecs[k.res] = k
	kinds[reflect.TypeFor[T]()] = k
}

// codecFor returns the codec of res or an error naming the bad resource.
func codecFor(res domain.Resource) (codec, error) {
	c, ok := codecs[res]
	if !ok {
		return nil, fmt.Errorf("unknown resource %q", res)
	}
	return c, nil
}

// kindOf returns the typed codec for T, which must be a value record type.
func kindOf[T domain.Record]() (*kind[T], error) {
	c, ok := kinds[reflect.TypeFor[T]()]
	if !ok {
		return nil, fmt.Errorf("localstore: %v is not a cached record type (use a value type such as domain.Order)", reflect.TypeFor[T]())
	}
	return c.(*kind[T]), nil
}

// The index fields of each record type. The status and the primary time (the
// one lists sort and filter by) are the domain's (domain.StatusOf, TimeOf:
// order createTime, alert firstFailureAt, bill generatedAt …), so the cache
// indexes what the screens and exports call a record's status and time.
func init() {
	register(&kind[domain.Order]{
		res:  domain.ResOrders,
		meta: func(v *domain.Order) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Order) fields {
			return fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				amount: int64(v.Amount), customer: lower(v.Buyer.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID)}
		},
		enc: recordenc.EncodeOrder, dec: recordenc.DecodeOrder,
	})
	register(&kind[domain.SupervisionTask]{
		res:  domain.ResSupervision,
		meta: func(v *domain.SupervisionTask) *domain.Meta { return &v.Meta },
		fields: func(v *domain.SupervisionTask) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				deadline: v.NextDeadline(), customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.OrderID)}
			if v.WaitingOnMerchant() {
				f.flags |= flagWaitingMerchant
			}
			return f
		},
		enc: recordenc.EncodeSupervision, dec: recordenc.DecodeSupervision,
	})
	register(&kind[domain.Ticket]{
		res:  domain.ResTickets,
		meta: func(v *domain.Ticket) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Ticket) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.Subject, v.OrderID)}
			if v.SLARunning() {
				f.deadline = v.SLADue
				f.flags |= flagOpen
			}
			return f
		},
		enc: recordenc.EncodeTicket, dec: recordenc.DecodeTicket,
	})
	register(&kind[domain.InterfaceAlert]{
		res:  domain.ResAlerts,
		meta: func(v *domain.InterfaceAlert) *domain.Meta { return &v.Meta },
		fields: func(v *domain.InterfaceAlert) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.OrderID)}
			if v.State.Open() {
				f.flags |= flagOpen
				f.deadline = v.UnsubscribeAt
			}
			return f
		},
		enc: recordenc.EncodeAlert, dec: recordenc.DecodeAlert,
	})
	register(&kind[domain.Bill]{
		res:  domain.ResBills,
		meta: func(v *domain.Bill) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Bill) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				amount: int64(v.Amount), search: searchText(v.ID, v.Period, v.PaymentAppNo)}
			if v.Status.NeedsMerchant() {
				f.flags |= flagNeedsMerchant
			}
			return f
		},
		enc: recordenc.EncodeBill, dec: recordenc.DecodeBill,
	})
	register(&kind[domain.TransactionDetail]{
		res:  domain.ResTransactions,
		meta: func(v *domain.TransactionDetail) *domain.Meta { return &v.Meta },
		fields: func(v *domain.TransactionDetail) fields {
			return fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				amount: int64(v.Amount), customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.OrderID)}
		},
		enc: recordenc.EncodeTransaction, dec: recordenc.DecodeTransaction,
	})
	register(&kind[domain.Message]{
		res:  domain.ResMessages,
		meta: func(v *domain.Message) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Message) fields {
			return fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				search: searchText(v.ID, v.Title)}
		},
		enc: recordenc.EncodeNotification, dec: recordenc.DecodeNotification,
	})
}
