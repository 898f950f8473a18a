package shell

import (
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
)

// amender adapts the backend's retry, edit and discard of outbox entries to
// the screens'; nil (the screens then use the store) unless all three are set.
func (s *Shell) amender(acct string) func(domain.Action, screens.Amend, *domain.ActionParams) error {
	if s.b.RetryAction == nil || s.b.EditAction == nil || s.b.DiscardAction == nil {
		return nil
	}
	return func(a domain.Action, op screens.Amend, p *domain.ActionParams) error {
		defer s.dirty.Store(true) // the outbox count changed
		switch {
		case op == screens.AmendDiscard:
			return s.b.DiscardAction(acct, a.Key)
		case op == screens.AmendEdit && p != nil:
			return s.b.EditAction(acct, a.Key, *p)
		}
		return s.b.RetryAction(acct, a.Key)
	}
}
