package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/syncer"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
)

// backend is the window's view of the runtime: plain callbacks only.
func (rt *runtime) backend(quit func()) *uibackend.Backend {
	return &uibackend.Backend{
		Accounts: rt.infos,
		Store: func(id string) *localstore.Store {
			if a := rt.account(id); a != nil {
				return a.store
			}
			return nil
		},
		State: rt.syncState,
		SyncNow: func(id string) {
			if err := rt.manager.SyncNow(id); err != nil {
				slog.Warn("sync now", "account", id, "err", err)
			}
		},
		Enqueue:              rt.enqueue,
		LookupOrder:          rt.lookupOrder,
		Export:               rt.export,
		ApplyPrefs:           rt.applyPrefs,
		PauseNotifications:   rt.paused.Store,
		TestConnection:       rt.testConnection,
		SaveAccount:          rt.saveAccount,
		RemoveAccount:        rt.removeAccount,
		KeyringProblem:       rt.keyringProblem,
		NotificationsProblem: rt.notificationsProblem,
		Compact: func(id string) error {
			a := rt.account(id)
			if a == nil || a.store == nil {
				return fmt.Errorf("compact: account %q is not open", id)
			}
			return a.store.Compact()
		},
		DataDir: rt.paths.Data,
		LogFile: filepath.Join(rt.paths.Logs, logName),
		Now:     rt.now,
		Quit:    quit,
	}
}

func (rt *runtime) infos() []uibackend.AccountInfo {
	accts := rt.snapshot()
	out := make([]uibackend.AccountInfo, len(accts))
	for i, a := range accts {
		out[i] = a.info
	}
	return out
}

// lookupOrder asks the open API about an order line and returns the reply
// in the API's own shape.
func (rt *runtime) lookupOrder(ctx context.Context, id, orderID, lineID string) (marketapi.OrderQueryResponse, error) {
	a := rt.account(id)
	if a == nil || a.client == nil {
		return marketapi.OrderQueryResponse{}, fmt.Errorf("order lookup: account %q is not connected", id)
	}
	o, err := a.client.QueryOrder(ctx, orderID, lineID)
	if err != nil {
		return marketapi.OrderQueryResponse{}, err
	}
	info := marketapi.ToOpen(o)
	return marketapi.OrderQueryResponse{Envelope: marketapi.Envelope{ResultCode: marketapi.CodeOK, ResultMsg: "success"}, OrderInfo: &info}, nil
}

// testConnection signs a whoami with the form's keys.
func (rt *runtime) testConnection(ctx context.Context, f uibackend.AccountForm) (marketapi.WhoAmI, error) {
	acc, err := formAccount(f)
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	c, err := syncer.NewClient(syncer.OptionsFor(acc, f.AK, f.SK))
	if err != nil {
		return marketapi.WhoAmI{}, err
	}
	defer c.Close()
	return c.WhoAmI(ctx)
}

func formAccount(f uibackend.AccountForm) (config.Account, error) {
	site, err := config.ParseSite(f.Site)
	if err != nil {
		return config.Account{}, err
	}
	acc := config.Account{Name: f.Name, Site: site, BaseURL: f.BaseURL}
	return acc, acc.Validate()
}

// saveAccount stores the keys in the keyring first (nothing is written if
// that fails), then the account list, then opens and syncs the account.
func (rt *runtime) saveAccount(f uibackend.AccountForm) error {
	acc, err := formAccount(f)
	if err != nil {
		return err
	}
	if rt.account(acc.Name) != nil {
		return fmt.Errorf("an account named %q exists already", acc.Name)
	}
	if err := credentials.Save(acc.Name, f.AK, f.SK); err != nil {
		return err
	}
	list, err := config.LoadAccounts(rt.paths.AccountsFile())
	if err != nil {
		return err
	}
	if err := config.SaveAccounts(rt.paths.AccountsFile(), append(list, acc)); err != nil {
		return err
	}
	a := &account{cfg: acc, signer: apig.Signer{AK: f.AK, SK: f.SK},
		info: uibackend.AccountInfo{ID: acc.Name, Label: acc.Name, Site: string(acc.Site)}}
	if err := rt.openAccount(a); err != nil {
		return err
	}
	rt.mu.Lock()
	rt.accounts = append(rt.accounts, a)
	rt.mu.Unlock()
	if rt.notes != nil {
		rt.notes.AddAccount(a.store, a.info.Label)
	}
	return rt.startAccountSync(a)
}

func (rt *runtime) openAccount(a *account) error {
	dir, err := rt.paths.AccountDataDir(a.info.ID)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	s, err := localstore.Open(filepath.Join(dir, config.CacheFileName), a.info.ID, localstore.Options{})
	if err != nil {
		return err
	}
	a.store = s
	return nil
}

// removeAccount stops and forgets an account; its cache stays on disk.
func (rt *runtime) removeAccount(id string) error {
	a := rt.account(id)
	if a == nil || a.info.Sandbox {
		return fmt.Errorf("account %q cannot be removed", id)
	}
	rt.manager.Remove(id)
	if rt.notes != nil {
		rt.notes.RemoveAccount(id)
	}
	rt.mu.Lock()
	for i, x := range rt.accounts {
		if x == a {
			rt.accounts = append(rt.accounts[:i], rt.accounts[i+1:]...)
			break
		}
	}
	rt.mu.Unlock()
	var errs []error
	if a.client != nil {
		a.client.Close()
	}
	if a.store != nil {
		errs = append(errs, a.store.Close())
	}
	if err := credentials.Delete(id); err != nil && !errors.Is(err, credentials.ErrNotFound) {
		errs = append(errs, err)
	}
	list, err := config.LoadAccounts(rt.paths.AccountsFile())
	if err == nil {
		kept := list[:0]
		for _, c := range list {
			if c.Name != id {
				kept = append(kept, c)
			}
		}
		err = config.SaveAccounts(rt.paths.AccountsFile(), kept)
	}
	return errors.Join(append(errs, err)...)
}

// probeKeyring finds out once, off the UI goroutine, whether the OS keyring
// answers: a missing Secret Service can take seconds to time out.
func (rt *runtime) probeKeyring() {
	_, err := credentials.Lookup("merchant-console-keyring-probe")
	if errors.Is(err, credentials.ErrNoKeyring) {
		rt.keyring.Store(&err)
	}
}

func (rt *runtime) keyringProblem() error {
	if p := rt.keyring.Load(); p != nil {
		return *p
	}
	return nil
}
