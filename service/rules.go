package service

import (
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Delisting is account's delisting counter at the marketplace's now: per
// product, this month's orders failed by interface errors against the limit
// of 5 (warning from 3), and the orders still counting down, for the
// Overview and the alert screen.
func (s *Service) Delisting(account string) ([]domain.DelistingCount, error) {
	a, err := s.mustAccount(account)
	if err != nil {
		return nil, fmt.Errorf("delisting: %w", err)
	}
	return a.store.DelistingCounts(s.Now())
}

// SupervisionRules are the marketplace's rules as they stand for one
// supervision flow: whether the merchant may appeal (and why, and from
// when), and the 180-day warning and hardware auto-acceptance countdowns.
type SupervisionRules struct {
	Appeal            domain.MerchantAppealRule
	UnacceptedWarning domain.Countdown
	AutoAccept        domain.Countdown
}

// RulesFor applies the rules to a task the caller already holds.
func RulesFor(t domain.SupervisionTask, now time.Time) SupervisionRules {
	return SupervisionRules{
		Appeal:            domain.MerchantAppeal(t, now),
		UnacceptedWarning: domain.UnacceptedWarningCountdown(t, now),
		AutoAccept:        domain.AutoAcceptCountdown(t, now),
	}
}

// SupervisionRules reads the cached task of account and applies the rules
// at the marketplace's now, for the supervision detail.
func (s *Service) SupervisionRules(account, taskID string) (SupervisionRules, error) {
	a, err := s.mustAccount(account)
	if err != nil {
		return SupervisionRules{}, fmt.Errorf("supervision rules: %w", err)
	}
	t, ok, err := localstore.Get[domain.SupervisionTask](a.store, taskID)
	switch {
	case err != nil:
		return SupervisionRules{}, fmt.Errorf("supervision rules: %w", err)
	case !ok:
		return SupervisionRules{}, fmt.Errorf("supervision rules: task %q is not in the cache of %q", taskID, account)
	}
	return RulesFor(t, s.Now()), nil
}
