package service

import (
	"fmt"

	"github.com/koogallery/merchant-console/domain"
)

// What a person does with an action that did not go through (refused by
// the marketplace, held behind a refusal, or still waiting unsent): send it
// again, send it changed, or drop it. Each wakes the sender, so a retry
// goes out at once when the marketplace is reachable.

// RetryAction queues a refused or unsent action again, with its inputs, in
// place of the old entry (see localstore.Store.ResendAction).
func (s *Service) RetryAction(account, key string) (domain.Action, error) {
	return s.resend(account, key, nil)
}

// EditAction queues a refused or unsent action again with new inputs, in
// place of the old entry.
func (s *Service) EditAction(account, key string, params domain.ActionParams) (domain.Action, error) {
	return s.resend(account, key, &params)
}

func (s *Service) resend(account, key string, params *domain.ActionParams) (domain.Action, error) {
	a, err := s.cachedAccount(account)
	if err != nil {
		return domain.Action{}, fmt.Errorf("send the action again: %w", err)
	}
	out, err := a.store.ResendAction(key, params, s.Now())
	if err != nil {
		return out, err
	}
	s.SyncNow(account)
	return out, nil
}

// DiscardAction drops a refused or unsent action: it stays in the history,
// marked discarded, and is never sent.
func (s *Service) DiscardAction(account, key string) (domain.Action, error) {
	a, err := s.cachedAccount(account)
	if err != nil {
		return domain.Action{}, fmt.Errorf("discard the action: %w", err)
	}
	return a.store.DiscardAction(key)
}
