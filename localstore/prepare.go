package localstore

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/domain"
)

// prepareItems encodes a page's records before the write transaction, so
// the writer lock is held for as short a time as possible. Records that
// cannot be stored come back set aside; only a record of another account
// fails the page (it is another seller's data, not a bad record).
func prepareItems(p Page, account string, a *arena) ([]prepared, []SetAside, error) {
	c, err := codecFor(p.Resource)
	if err != nil {
		return nil, nil, fmt.Errorf("localstore: apply page: %w", err)
	}
	items := make([]prepared, 0, len(p.Items))
	var aside []SetAside
	for _, r := range p.Items {
		item, err := c.prepareIn(r, account, a)
		if errors.Is(err, ErrForeignAccount) || errors.Is(err, errWrongKind) {
			return nil, nil, fmt.Errorf("localstore: apply %s page: %w", p.Resource, err)
		}
		problem := ""
		if err != nil {
			problem = err.Error()
		} else {
			problem = contractProblem(item.id, &item.f)
		}
		if problem != "" {
			aside = append(aside, setAsideRecord(p.Resource, r, problem))
			continue
		}
		items = append(items, item)
	}
	return items, aside, nil
}

// setAsideRecord describes a decoded record the cache refused.
func setAsideRecord(res domain.Resource, r domain.Record, reason string) SetAside {
	m := metaOrZero(r)
	raw, _ := json.Marshal(r)
	return NewSetAside(res, m.ID, m.Version, reason, raw)
}

// metaOrZero is r's meta, or the zero Meta for a nil record (a nil *T
// inside the interface would panic on the value-receiver method).
func metaOrZero(r domain.Record) (m domain.Meta) {
	defer func() { _ = recover() }()
	if r != nil {
		m = r.RecordMeta()
	}
	return m
}
