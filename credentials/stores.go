package credentials

import (
	"fmt"

	"github.com/koogallery/merchant-console/config"
)

// The reasons StoreOption and StoreChoice give. They are fixed sentences
// (no values inside) so the window can translate them as they are.
const (
	ReasonKeyringWorks   = "The system keyring answers: the keys are kept there, protected by your login."
	ReasonNoKeyring      = "This computer has no usable system keyring (no Secret Service, Keychain or Credential Manager answered)."
	ReasonFileNew        = "The keys are encrypted in a file with a passphrase you choose now; it is asked once per session."
	ReasonFileExisting   = "The keys are encrypted in the credentials file; its passphrase is asked once per session."
	ReasonFileUnlocked   = "The keys are encrypted in the credentials file, which is already unlocked in this session."
	ReasonEnvSet         = "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are set: they are read at every start and nothing is stored."
	ReasonEnvUnset       = "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not both set in the environment."
	ReasonDefaultKeyring = "The system keyring is used because it answers."
	ReasonDefaultFile    = "The encrypted file is used because this computer has no usable system keyring."
)

// StoreOption is one key store as offered for a new account.
type StoreOption struct {
	Store     config.KeyStore
	Available bool
	Reason    string // one of the Reason* sentences
	Detail    string // a value for the person, never a secret: a file path, a masked AK, the keyring's error
}

// StoreChoice is what the add-account dialog shows before anything is typed.
type StoreChoice struct {
	Options []StoreOption // keyring, file, env, in this order
	Default config.KeyStore
	Reason  string // why Default: ReasonDefaultKeyring or ReasonDefaultFile
	// File store: NewFile means a new passphrase is chosen (ask twice);
	// FileUnlocked means no passphrase is needed in this session.
	NewFile, FileUnlocked bool
}

// Option returns the option for store.
func (c StoreChoice) Option(store config.KeyStore) (StoreOption, bool) {
	for _, o := range c.Options {
		if o.Store == store {
			return o, true
		}
	}
	return StoreOption{}, false
}

// Stores says which key stores work here and which one a new account uses
// by default: the keyring when it answers, else the encrypted file (always
// available). The env store is offered when both SDK variables are set. It
// probes the keyring, which can take seconds: call it off the UI goroutine.
func Stores(paths config.Paths) StoreChoice {
	var c StoreChoice
	kr := StoreOption{Store: config.KeyStoreKeyring, Available: true, Reason: ReasonKeyringWorks}
	if err := probeKeyring(); err != nil {
		kr = StoreOption{Store: config.KeyStoreKeyring, Reason: ReasonNoKeyring, Detail: err.Error()}
	}
	file := paths.CredentialsFile()
	exists, open := FileState(file)
	c.NewFile, c.FileUnlocked = !exists, open
	fo := StoreOption{Store: config.KeyStoreFile, Available: true, Reason: ReasonFileNew, Detail: file}
	switch {
	case open:
		fo.Reason = ReasonFileUnlocked
	case exists:
		fo.Reason = ReasonFileExisting
	}
	eo := StoreOption{Store: config.KeyStoreEnv, Reason: ReasonEnvUnset}
	if cred, err := fromEnv(); err == nil {
		eo = StoreOption{Store: config.KeyStoreEnv, Available: true, Reason: ReasonEnvSet, Detail: EnvAK + "=" + maskKeep(cred.AK, 4)}
	}
	c.Options = []StoreOption{kr, fo, eo}
	c.Default, c.Reason = config.KeyStoreFile, ReasonDefaultFile
	if kr.Available {
		c.Default, c.Reason = config.KeyStoreKeyring, ReasonDefaultKeyring
	}
	return c
}

// SaveKeys puts account's pair in store. The env store stores nothing: it
// checks that the SDK variables hold a pair now (ak and sk are ignored).
func SaveKeys(paths config.Paths, store config.KeyStore, account, ak, sk string) error {
	switch store {
	case config.KeyStoreKeyring, config.KeyStoreLegacy:
		return Save(account, ak, sk)
	case config.KeyStoreFile:
		return saveInFile(paths.CredentialsFile(), account, ak, sk)
	case config.KeyStoreEnv:
		if _, err := fromEnv(); err != nil {
			return fmt.Errorf("credentials: the env store reads %s and %s at every run: %w", EnvAK, EnvSK, err)
		}
		return nil
	}
	return fmt.Errorf("credentials: unknown key store %q", store)
}

// LoadKeys reads account's pair from store. The legacy store (accounts saved
// before the choice existed) is the keyring, else the SDK variables.
func LoadKeys(paths config.Paths, store config.KeyStore, account string) (Credential, error) {
	switch store {
	case config.KeyStoreKeyring:
		c, err := fromKeyring(account)
		if err != nil {
			return Credential{}, fmt.Errorf("credentials: account %q keeps its keys in the OS keyring: %w", account, err)
		}
		return c, nil
	case config.KeyStoreFile:
		return fromFile(paths.CredentialsFile(), account)
	case config.KeyStoreEnv:
		c, err := fromEnv()
		if err != nil {
			return Credential{}, fmt.Errorf("%w for account %q, which reads them from the environment: %v", ErrNotFound, account, err)
		}
		return c, nil
	case config.KeyStoreLegacy:
		return legacyLookup(account)
	}
	return Credential{}, fmt.Errorf("credentials: unknown key store %q", store)
}

// DeleteKeys removes account's pair from store; a missing one is not an
// error, and the env store has nothing to remove.
func DeleteKeys(paths config.Paths, store config.KeyStore, account string) error {
	switch store {
	case config.KeyStoreKeyring, config.KeyStoreLegacy:
		return Delete(account)
	case config.KeyStoreFile:
		return deleteFromFile(paths.CredentialsFile(), account)
	case config.KeyStoreEnv:
		return nil
	}
	return fmt.Errorf("credentials: unknown key store %q", store)
}
