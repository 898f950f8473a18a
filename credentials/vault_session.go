package credentials

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/koogallery/merchant-console/config"
)

// unlocked is a derived key kept in memory for one file, valid for the salt
// it was derived with (a new passphrase means a new salt).
type unlocked struct {
	params kdfParams
	key    []byte
}

// vaults serialises every read-modify-write of a credentials file in this
// process and keeps the keys unlocked in this session, by file path.
var vaults = struct {
	sync.Mutex
	keys map[string]unlocked
}{keys: map[string]unlocked{}}

// Unlock checks passphrase against the credentials file at path and keeps
// the derived key in memory for this process, so later reads and writes
// need no passphrase. When the file does not exist yet, passphrase becomes
// the new file's (at least MinPassphraseLen bytes); the file is created on
// the first save. A wrong passphrase returns ErrWrongPassphrase.
func Unlock(path, passphrase string) error {
	vaults.Lock()
	defer vaults.Unlock()
	_, u, err := unlockLocked(path, passphrase)
	if err != nil {
		return err
	}
	vaults.keys[path] = u
	return nil
}

// Lock forgets the key of the file at path, so the next use asks again.
func Lock(path string) {
	vaults.Lock()
	defer vaults.Unlock()
	delete(vaults.keys, path)
}

// FileState says whether the credentials file exists and whether it is
// unlocked in this process (or by EnvPassphrase, which is not checked here).
func FileState(path string) (exists, unlockedHere bool) {
	vaults.Lock()
	defer vaults.Unlock()
	_, statErr := os.Stat(path)
	_, ok := vaults.keys[path]
	return statErr == nil, ok
}

// withVault runs fn on the decrypted file and, when fn reports a change,
// writes the result atomically (0600). The key comes from this session's
// Unlock, else from EnvPassphrase; without either it is ErrLocked. Nothing
// is written when opening fails.
func withVault(path string, fn func(c *vaultContent) (changed bool, err error)) error {
	vaults.Lock()
	defer vaults.Unlock()
	release, err := lockVault(path)
	if err != nil {
		return err
	}
	defer release()
	c, u, err := openVault(path)
	if err != nil {
		return err
	}
	changed, err := fn(&c)
	if err != nil || !changed {
		return err
	}
	data, err := seal(c, u)
	if err != nil {
		return err
	}
	return config.WriteFileAtomic(path, data)
}

// lockVault takes the cross-process lock of the file at path: a sidecar
// "<file>.lock", because the file itself is replaced by every write.
func lockVault(path string) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("credentials: create %s: %w", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("credentials: lock %s: %w", path, err)
	}
	unlock, err := lockFile(f)
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("credentials: lock %s: %w", path, err)
	}
	return func() { unlock(); _ = f.Close() }, nil
}

// openVault decrypts the file with the session key or EnvPassphrase. vaults must be held.
func openVault(path string) (vaultContent, unlocked, error) {
	f, exists, err := readVaultFile(path)
	if err != nil {
		return vaultContent{}, unlocked{}, err
	}
	if u, ok := vaults.keys[path]; ok {
		if !exists {
			return vaultContent{Accounts: map[string]stored{}}, u, nil
		}
		if bytes.Equal(u.params.Salt, f.KDF.Salt) {
			if c, err := f.open(u.key); err == nil {
				return c, u, nil
			}
		}
		delete(vaults.keys, path) // the file changed under us (a new passphrase elsewhere)
	}
	pass, ok := os.LookupEnv(EnvPassphrase)
	if !ok || pass == "" {
		return vaultContent{}, unlocked{}, fmt.Errorf("%w (%s): the window asks for its passphrase; commands read it from %s", ErrLocked, path, EnvPassphrase)
	}
	c, u, err := unlockLocked(path, pass)
	if errors.Is(err, ErrWrongPassphrase) {
		return vaultContent{}, unlocked{}, fmt.Errorf("%s does not hold the right passphrase: %w", EnvPassphrase, err)
	}
	if err != nil {
		return vaultContent{}, unlocked{}, err
	}
	vaults.keys[path] = u
	return c, u, nil
}

// fromFile reads account's pair from the credentials file.
func fromFile(path, account string) (Credential, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return Credential{}, fmt.Errorf("%w for account %q: there is no credentials file %s", ErrNotFound, account, path)
	}
	var cred Credential
	err := withVault(path, func(c *vaultContent) (bool, error) {
		s, ok := c.Accounts[account]
		if !ok {
			return false, fmt.Errorf("%w for account %q in %s", ErrNotFound, account, path)
		}
		cred = Credential{AK: s.AK, SK: s.SK, Source: SourceFile}
		return false, nil
	})
	return cred, err
}

// saveInFile stores account's pair in the credentials file.
func saveInFile(path, account, ak, sk string) error {
	if err := validatePair(ak, sk); err != nil {
		return err
	}
	return withVault(path, func(c *vaultContent) (bool, error) {
		c.Accounts[account] = stored{AK: ak, SK: sk}
		return true, nil
	})
}

// deleteFromFile removes account's pair; a missing entry or file is not an error.
func deleteFromFile(path, account string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return withVault(path, func(c *vaultContent) (bool, error) {
		if _, ok := c.Accounts[account]; !ok {
			return false, nil
		}
		delete(c.Accounts, account)
		return true, nil
	})
}

// NeedsUnlock reports whether one of accounts keeps its keys in the
// credentials file and this process cannot open it yet (not unlocked, and
// EnvPassphrase unset): the window then asks for the passphrase once, calls
// Unlock, and starts those accounts.
func NeedsUnlock(paths config.Paths, accounts []config.Account) bool {
	for _, a := range accounts {
		if a.Store != config.KeyStoreFile {
			continue
		}
		exists, open := FileState(paths.CredentialsFile())
		return exists && !open && os.Getenv(EnvPassphrase) == ""
	}
	return false
}
