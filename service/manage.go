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

// NewAccount is what Settings collects to add or edit an account.
type NewAccount struct {
	Name    string
	Site    string
	BaseURL string // optional override (a seller gateway, the sandbox)
	// Store is where the keys go. Empty: for an add, the default of
	// credentials.Stores; for an edit, the account's current store.
	Store config.KeyStore
	// AK, SK are the typed keys; the env store ignores them, and an edit
	// with both empty keeps the current ones.
	AK, SK string
	// Passphrase unlocks (or, for a new file, creates) the credentials
	// file; empty when it is already unlocked or not involved.
	Passphrase string
	// Editing is the name of the account being edited ("" when adding):
	// TestConnection then uses its current keys when AK and SK are empty.
	Editing string
}

func (n NewAccount) config() (config.Account, error) {
	site, err := config.ParseSite(n.Site)
	if err != nil {
		return config.Account{}, err
	}
	acc := config.Account{Name: n.Name, Site: site, BaseURL: n.BaseURL, Store: n.Store}
	return acc, acc.Validate()
}

// typed is the pair the form holds, nil when both halves are empty.
func (n NewAccount) typed() *credentials.Keys {
	if n.AK == "" && n.SK == "" {
		return nil
	}
	return &credentials.Keys{AK: n.AK, SK: n.SK}
}

// TestConnection signs a whoami with the keys the account would use: the
// environment's for the env store, the typed ones, or (an edit with no
// keys typed) the account's current ones. It may unlock the credentials
// file with n.Passphrase, so call it off the UI's goroutine.
func (s *Service) TestConnection(ctx context.Context, n NewAccount) (marketapi.WhoAmI, error) {
	acc, err := n.config()
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	keys, err := s.testKeys(n, acc)
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	opts := syncer.OptionsFor(acc, keys.AK, keys.SK)
	s.opts.Client.apply(&opts)
	c, err := syncer.NewClient(opts)
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	defer c.Close()
	return c.WhoAmI(ctx)
}

func (s *Service) testKeys(n NewAccount, acc config.Account) (credentials.Keys, error) {
	if k := n.typed(); k != nil && acc.Store != config.KeyStoreEnv {
		return *k, nil
	}
	store, name := acc.Store, acc.Name
	if acc.Store != config.KeyStoreEnv {
		if n.Editing == "" {
			return credentials.Keys{}, errors.New("credentials: AK is empty")
		}
		prev, err := s.configuredAccount(n.Editing)
		if err != nil {
			return credentials.Keys{}, err
		}
		store, name = prev.Store, prev.Name
	}
	if err := s.unlockFor(n.Passphrase, store); err != nil {
		return credentials.Keys{}, err
	}
	c, err := credentials.LoadKeys(s.paths, store, name)
	return credentials.Keys{AK: c.AK, SK: c.SK}, err
}

// AddAccount unlocks the credentials file when the account's keys go there
// (ErrWrongPassphrase: nothing is written), stores the keys and adds the
// account to the list (credentials.AddAccount: all or nothing), then opens
// the account and, once started, syncs it. It blocks on the keyring, the
// key derivation and the disk: call it off the UI's goroutine.
func (s *Service) AddAccount(n NewAccount) error {
	if n.Store == config.KeyStoreLegacy {
		n.Store = credentials.Stores(s.paths).Default
	}
	acc, err := n.config()
	if err != nil {
		return err
	}
	s.configMu.Lock()
	defer s.configMu.Unlock() // one edit of the account list at a time
	if s.account(acc.Name) != nil {
		return fmt.Errorf("an account named %q exists already", acc.Name)
	}
	if err := s.unlockFor(n.Passphrase, acc.Store); err != nil {
		return err
	}
	if err := credentials.AddAccount(s.paths, acc, credentials.Keys{AK: n.AK, SK: n.SK}); err != nil {
		return err
	}
	if s.isStarted() {
		s.holdForFirstSync(acc.Name) // one summary popup for its first sync
	}
	return s.openAt(-1, acc)
}

// unlockFor unlocks the credentials file with passphrase when one of
// stores is the file store and a passphrase was given.
func (s *Service) unlockFor(passphrase string, stores ...config.KeyStore) error {
	for _, st := range stores {
		if st == config.KeyStoreFile && passphrase != "" {
			return credentials.Unlock(s.paths.CredentialsFile(), passphrase)
		}
	}
	return nil
}

// RemoveAccount deletes an account's keys and takes it off the account
// list (credentials.RemoveAccount: when the keys cannot be deleted, e.g. a
// locked file, nothing changes), then stops and forgets it; its cache
// stays on disk. Sandbox accounts cannot be removed. Call it off the UI's
// goroutine.
func (s *Service) RemoveAccount(name string) error {
	s.configMu.Lock()
	defer s.configMu.Unlock()
	a := s.account(name)
	if a == nil || a.info.Sandbox {
		return fmt.Errorf("account %q cannot be removed", name)
	}
	if _, err := credentials.RemoveAccount(s.paths, name); err != nil {
		return err
	}
	s.unlist(a)
	return a.close()
}

// unlist takes an account off the list, stops its scheduler and its
// notifications, and returns where it was in the list.
func (s *Service) unlist(a *account) int {
	s.schedMu.Lock()
	defer s.schedMu.Unlock()
	s.mu.Lock()
	at := -1
	for i, x := range s.accounts {
		if x == a {
			s.accounts = append(s.accounts[:i:i], s.accounts[i+1:]...)
			at = i
			break
		}
	}
	s.mu.Unlock()
	s.manager.Remove(a.info.Name)
	if s.notes != nil {
		s.notes.RemoveAccount(a.info.Name)
		s.synced(a.info.Name) // a first sync of this instance will never end now
	}
	return at
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

// OrderQueryClient is a signed client of the marketplace's open API at base
// for a process that holds no account, the gateway completing the orders
// of KooGallery's calls with order/query: the same signing, retries and
// strict TLS as an account's client.
func OrderQueryClient(base string, keys credentials.Keys) (*syncer.Client, error) {
	return syncer.NewClient(syncer.Options{BaseURL: base, Signer: apig.Signer{AK: keys.AK, SK: keys.SK}, MaxAttempts: 3})
}
