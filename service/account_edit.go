package service

import (
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
)

// EditAccount changes the account named old: name, site, URL, key store
// or keys (n.AK and n.SK empty: keep the current keys). It stops the
// account's sync and closes its cache (credentials.EditAccount moves the
// cache folder on a rename), then opens it again under the new settings
// and resumes sync; when the edit fails the account is opened again under
// its old settings and the error returned. Call it off the UI's goroutine.
func (s *Service) EditAccount(old string, n NewAccount) error {
	s.configMu.Lock()
	defer s.configMu.Unlock()
	a := s.account(old)
	if a == nil || a.info.Sandbox {
		return fmt.Errorf("account %q cannot be edited", old)
	}
	prev, err := s.configuredAccount(old)
	if err != nil {
		return err
	}
	if n.Store == config.KeyStoreLegacy {
		n.Store = prev.Store
	}
	acc, err := n.config()
	if err != nil {
		return err
	}
	acc.SubAccount = prev.SubAccount
	if err := s.unlockFor(n.Passphrase, prev.Store, acc.Store); err != nil {
		return err
	}
	at := s.unlist(a)
	if err := a.close(); err != nil {
		return errors.Join(err, s.openAt(at, prev))
	}
	if err := credentials.EditAccount(s.paths, old, acc, n.typed()); err != nil {
		return errors.Join(err, s.openAt(at, prev))
	}
	return s.openAt(at, acc)
}

// Unlock opens the credentials file with passphrase for this session
// (credentials.ErrWrongPassphrase when it does not), then opens again
// every account that was waiting for it and resumes its sync.
func (s *Service) Unlock(passphrase string) error {
	if err := credentials.Unlock(s.paths.CredentialsFile(), passphrase); err != nil {
		return err
	}
	s.configMu.Lock()
	defer s.configMu.Unlock()
	var errs []error
	for _, a := range s.snapshot() {
		if !a.info.Locked {
			continue
		}
		cfg, err := s.configuredAccount(a.info.Name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		at := s.unlist(a)
		errs = append(errs, a.close(), s.openAt(at, cfg))
	}
	return errors.Join(errs...)
}

// NeedsUnlock reports whether a configured account keeps its keys in the
// credentials file and this session cannot open it yet. It is quick.
func (s *Service) NeedsUnlock() bool {
	list, err := s.configured()
	return err == nil && credentials.NeedsUnlock(s.paths, list)
}

// KeyStores says which key stores work here and which one a new account
// uses; it probes the keyring, which can take seconds.
func (s *Service) KeyStores() credentials.StoreChoice { return credentials.Stores(s.paths) }

// configuredAccount is the account list's entry for name.
func (s *Service) configuredAccount(name string) (config.Account, error) {
	list, err := config.LoadAccounts(s.paths.AccountsFile())
	if err != nil {
		return config.Account{}, err
	}
	return config.FindAccount(list, name)
}

// openAt opens the configured account cfg (cache, keys, client, engine),
// lists it at position at (-1: last) and, once started, schedules it.
func (s *Service) openAt(at int, cfg config.Account) error {
	sp, err := s.configuredSpec(cfg)
	if err != nil {
		return err
	}
	a, err := s.build(sp)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if at < 0 || at > len(s.accounts) {
		at = len(s.accounts)
	}
	s.accounts = append(s.accounts[:at:at], append([]*account{a}, s.accounts[at:]...)...)
	s.mu.Unlock()
	if s.isStarted() {
		s.schedule(a)
	}
	return nil
}
