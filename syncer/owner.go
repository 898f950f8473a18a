package syncer

import (
	"fmt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

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
