package shell

import (
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
)

// bindRules adapts the backend's per-account rule and feed callbacks (the
// delisting counter, what the account's server publishes, the seller
// center's page) to the screens'.
func (s *Shell) bindRules(b *screens.Backend, acct string) {
	if s.b.Delisting != nil {
		b.Delisting = func() ([]domain.DelistingCount, error) { return s.b.Delisting(acct) }
	}
	if s.b.Served != nil {
		b.Served = func() []domain.Resource { return s.b.Served(acct) }
	}
	if s.b.SellerCenterURL != nil {
		b.SellerCenterURL = func() string { return s.b.SellerCenterURL(acct) }
	}
}
