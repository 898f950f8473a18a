package credentials

import (
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/config"
)

// Lookup returns account's credentials from the store its entry in the
// account list names (config.Account.Store), found through
// config.DefaultPaths, so `sync`, `export`, `api` and the window all read
// what `account add` or the dialog saved. An account that is not in the
// list, or was saved before the choice existed, reads the keyring, else
// HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK; an empty account consults only
// the environment. A file-store account needs the file unlocked in this
// process (Unlock) or MERCHANT_CONSOLE_PASSPHRASE, else ErrLocked.
func Lookup(account string) (Credential, error) {
	if account == "" {
		return legacyLookup(account)
	}
	paths, err := config.DefaultPaths()
	if err != nil {
		return Credential{}, fmt.Errorf("credentials: %w", err)
	}
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return Credential{}, fmt.Errorf("credentials: %w", err)
	}
	acc, err := config.FindAccount(list, account)
	if err != nil {
		return legacyLookup(account)
	}
	return LoadKeys(paths, acc.Store, account)
}

// legacyLookup is the keyring, else the SDK variables. When both fail the
// error wraps ErrNoKeyring if the keyring was unreachable, else ErrNotFound.
func legacyLookup(account string) (Credential, error) {
	var keyringErr error
	if account != "" {
		c, err := fromKeyring(account)
		if err == nil {
			return c, nil
		}
		keyringErr = err
	}
	c, envErr := fromEnv()
	if envErr == nil {
		return c, nil
	}
	if errors.Is(keyringErr, ErrNoKeyring) {
		return Credential{}, fmt.Errorf("%w (%v); set %s and %s instead", keyringErr, envErr, EnvAK, EnvSK)
	}
	if keyringErr != nil && !errors.Is(keyringErr, ErrNotFound) {
		return Credential{}, keyringErr
	}
	return Credential{}, fmt.Errorf("%w for account %q: %v", ErrNotFound, account, envErr)
}
