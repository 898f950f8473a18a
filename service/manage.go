package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/syncer"
)

// NewAccount is what Settings collects to add an account.
type NewAccount struct {
	Name    string
	Site    string
	BaseURL string // optional override (a seller gateway, the sandbox)
	AK, SK  string
}

func (n NewAccount) config() (config.Account, error) {
	site, err := config.ParseSite(n.Site)
	if err != nil {
		return config.Account{}, err
	}
	acc := config.Account{Name: n.Name, Site: site, BaseURL: n.BaseURL}
	return acc, acc.Validate()
}

// TestConnection signs a whoami with the new account's keys.
func (s *Service) TestConnection(ctx context.Context, n NewAccount) (marketapi.WhoAmI, error) {
	acc, err := n.config()
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	opts := syncer.OptionsFor(acc, n.AK, n.SK)
	s.opts.Client.apply(&opts)
	c, err := syncer.NewClient(opts)
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	defer c.Close()
	return c.WhoAmI(ctx)
}

// AddAccount stores the keys in the keyring first (nothing is written if
// that fails), then the account list, then opens the account and, once
// started, syncs it. It may block on the keyring and the disk: call it off
// the UI's goroutine. No lock is held while it waits.
func (s *Service) AddAccount(n NewAccount) error {
	acc, err := n.config()
	if err != nil {
		return err
	}
	s.configMu.Lock()
	defer s.configMu.Unlock() // one edit of the account list at a time
	if s.account(acc.Name) != nil {
		return fmt.Errorf("an account named %q exists already", acc.Name)
	}
	if err := credentials.Save(acc.Name, n.AK, n.SK); err != nil {
		return err
	}
	list, err := config.LoadAccounts(s.paths.AccountsFile())
	if err != nil {
		return err
	}
	if err := config.SaveAccounts(s.paths.AccountsFile(), append(list, acc)); err != nil {
		return err
	}
	cache, err := s.cachePath(acc.Name)
	if err != nil {
		return err
	}
	a, err := s.build(accountSpec{cfg: acc, cache: cache, keys: apig.Signer{AK: n.AK, SK: n.SK},
		info: Account{Name: acc.Name, Label: acc.Name, Site: string(acc.Site)}})
	if err != nil {
		return err
	}
	s.publish(a)
	if s.isStarted() {
		s.holdForFirstSync(a.info.Name)
		s.schedule(a)
	}
	return nil
}

// RemoveAccount stops and forgets an account, deletes its keys and takes
// it off the account list; its cache stays on disk. Sandbox accounts
// cannot be removed. Like AddAccount, call it off the UI's goroutine.
func (s *Service) RemoveAccount(name string) error {
	s.configMu.Lock()
	defer s.configMu.Unlock()
	a := s.account(name)
	if a == nil || a.info.Sandbox {
		return fmt.Errorf("account %q cannot be removed", name)
	}
	s.unlist(a)
	if s.notes != nil {
		s.notes.RemoveAccount(name)
		s.synced(name) // its first sync will never end now
	}
	errs := []error{a.close()}
	if err := credentials.Delete(name); err != nil && !errors.Is(err, credentials.ErrNotFound) {
		errs = append(errs, err)
	}
	list, err := config.LoadAccounts(s.paths.AccountsFile())
	if err == nil {
		kept := list[:0]
		for _, c := range list {
			if c.Name != name {
				kept = append(kept, c)
			}
		}
		err = config.SaveAccounts(s.paths.AccountsFile(), kept)
	}
	return errors.Join(append(errs, err)...)
}

// unlist takes an account off the list and stops its scheduler.
func (s *Service) unlist(a *account) {
	s.schedMu.Lock()
	defer s.schedMu.Unlock()
	s.mu.Lock()
	for i, x := range s.accounts {
		if x == a {
			s.accounts = append(s.accounts[:i:i], s.accounts[i+1:]...)
			break
		}
	}
	s.mu.Unlock()
	s.manager.Remove(a.info.Name)
}

// LookupOrder asks the open API about an order line and returns the reply
// in the API's own shape.
func (s *Service) LookupOrder(ctx context.Context, name, orderID, lineID string) (marketapi.OrderQueryResponse, error) {
	a := s.account(name)
	if a == nil || a.client == nil {
		return marketapi.OrderQueryResponse{}, fmt.Errorf("order lookup: account %q is not connected", name)
	}
	o, err := a.client.QueryOrder(ctx, orderID, lineID)
	if err != nil {
		return marketapi.OrderQueryResponse{}, err
	}
	info := marketapi.ToOpen(o)
	return marketapi.OrderQueryResponse{Envelope: marketapi.Envelope{ResultCode: marketapi.CodeOK, ResultMsg: "success"}, OrderInfo: &info}, nil
}

// ProbeKeyring finds out once whether the OS keyring answers; a missing
// Secret Service can take seconds to time out, so it runs on its own
// goroutine and KeyringProblem reports the answer.
func (s *Service) ProbeKeyring() {
	go func() { // not waited for by Close: it touches no cache
		_, err := credentials.Lookup("merchant-console-keyring-probe")
		if errors.Is(err, credentials.ErrNoKeyring) {
			s.keyring.Store(&err)
		}
	}()
}

// KeyringProblem is nil when the OS keyring works (or was not probed yet),
// else why it does not.
func (s *Service) KeyringProblem() error {
	if p := s.keyring.Load(); p != nil {
		return *p
	}
	return nil
}
