package service

import (
	"log/slog"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/syncer"
)

// Served is the resources account's server publishes, as its last whoami
// said; nil when it publishes everything or is not known yet (a gateway
// publishes orders and alerts only).
func (s *Service) Served(account string) []domain.Resource {
	st := s.Store(account)
	if st == nil {
		return nil
	}
	rs, err := syncer.ServedResources(st)
	if err != nil {
		slog.Warn("served resources", "account", account, "err", err)
		return nil
	}
	return rs
}

// SellerCenterURL is the seller center of account's site, where the
// marketplace's own 生产接口消息 page is; "" for an unknown account.
func (s *Service) SellerCenterURL(account string) string {
	a := s.account(account)
	if a == nil {
		return ""
	}
	site, err := config.ParseSite(a.info.Site)
	if err != nil {
		site = config.SiteCustom
	}
	return site.SellerCenterURL()
}
