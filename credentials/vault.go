package credentials

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"

	"github.com/koogallery/merchant-console/config"
)

// The encrypted credentials file (the "file" store) holds every file-store
// account's pair in one JSON document sealed with XChaCha20-Poly1305 under a
// key derived from a passphrase with Argon2id. The header (format, version,
// KDF parameters and salt) is authenticated as additional data, so neither
// the data nor the parameters can be changed without the passphrase.

// EnvPassphrase is the environment variable holding the credentials file's
// passphrase, for headless runs (`sync`, `export`, `account add`).
const EnvPassphrase = "MERCHANT_CONSOLE_PASSPHRASE"

// MinPassphraseLen is the shortest passphrase accepted for a new file, in bytes.
const MinPassphraseLen = 8

var (
	// ErrLocked: the file store needs its passphrase (Unlock, or EnvPassphrase).
	ErrLocked = errors.New("credentials: the encrypted credentials file is locked")
	// ErrWrongPassphrase: the passphrase does not open the file (or the file
	// was altered). The file is left as it was.
	ErrWrongPassphrase = errors.New("credentials: wrong passphrase for the encrypted credentials file")
)

const (
	vaultFormat  = "merchant-console-credentials"
	vaultVersion = 1
)

// RFC 9106's second recommended Argon2id setting: t=3, 64 MiB, 4 lanes.
var defaultKDF = kdfParams{Name: "argon2id", Time: 3, MemoryKiB: 64 << 10, Threads: 4}

type kdfParams struct {
	Name      string `json:"name"`
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memoryKiB"`
	Threads   uint8  `json:"threads"`
	Salt      []byte `json:"salt"`
}

// vaultHeader is the authenticated, unencrypted part of the file.
type vaultHeader struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	KDF     kdfParams `json:"kdf"`
}

type vaultFile struct {
	vaultHeader
	Nonce []byte `json:"nonce"`
	Data  []byte `json:"data"`
}

// vaultContent is the decrypted document.
type vaultContent struct {
	Accounts map[string]stored `json:"accounts"`
}

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

// unlockLocked reads the file and derives its key from passphrase; for a
// missing file it prepares a fresh salt. vaults must be held.
func unlockLocked(path, passphrase string) (vaultContent, unlocked, error) {
	f, exists, err := readVaultFile(path)
	if err != nil {
		return vaultContent{}, unlocked{}, err
	}
	if !exists {
		if len(passphrase) < MinPassphraseLen {
			return vaultContent{}, unlocked{}, fmt.Errorf("credentials: the passphrase of a new credentials file needs at least %d characters", MinPassphraseLen)
		}
		p := defaultKDF
		p.Salt = make([]byte, 16)
		if _, err := rand.Read(p.Salt); err != nil {
			return vaultContent{}, unlocked{}, fmt.Errorf("credentials: random salt: %w", err)
		}
		return vaultContent{Accounts: map[string]stored{}}, unlocked{params: p, key: deriveKey(passphrase, p)}, nil
	}
	u := unlocked{params: f.KDF, key: deriveKey(passphrase, f.KDF)}
	c, err := f.open(u.key)
	if err != nil {
		return vaultContent{}, unlocked{}, fmt.Errorf("%w (%s)", err, path)
	}
	return c, u, nil
}

// readVaultFile reads and parses the envelope; a missing file is not an error.
func readVaultFile(path string) (vaultFile, bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return vaultFile{}, false, nil
	}
	if err != nil {
		return vaultFile{}, false, fmt.Errorf("credentials: read %s: %w", path, err)
	}
	var f vaultFile
	if err := json.Unmarshal(data, &f); err != nil || f.Format != vaultFormat {
		return vaultFile{}, true, fmt.Errorf("credentials: %s is not a Merchant Console credentials file (move it aside to start a new one)", path)
	}
	if f.Version != vaultVersion || f.KDF.Name != "argon2id" || f.KDF.Time == 0 || f.KDF.Threads == 0 || len(f.KDF.Salt) < 16 {
		return vaultFile{}, true, fmt.Errorf("credentials: %s has format version %d or key parameters this build does not read", path, f.Version)
	}
	return f, true, nil
}

func deriveKey(passphrase string, p kdfParams) []byte {
	return argon2.IDKey([]byte(passphrase), p.Salt, p.Time, p.MemoryKiB, p.Threads, chacha20poly1305.KeySize)
}

// open decrypts the file's document with key.
func (f vaultFile) open(key []byte) (vaultContent, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return vaultContent{}, fmt.Errorf("credentials: cipher: %w", err)
	}
	ad, err := json.Marshal(f.vaultHeader)
	if err != nil {
		return vaultContent{}, err
	}
	if len(f.Nonce) != aead.NonceSize() {
		return vaultContent{}, ErrWrongPassphrase
	}
	plain, err := aead.Open(nil, f.Nonce, f.Data, ad)
	if err != nil {
		return vaultContent{}, ErrWrongPassphrase
	}
	var c vaultContent
	if err := json.Unmarshal(plain, &c); err != nil {
		return vaultContent{}, errors.New("credentials: the credentials file opened but its content is not readable")
	}
	if c.Accounts == nil {
		c.Accounts = map[string]stored{}
	}
	return c, nil
}

// seal encrypts c under u with a fresh nonce.
func seal(c vaultContent, u unlocked) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(u.key)
	if err != nil {
		return nil, fmt.Errorf("credentials: cipher: %w", err)
	}
	plain, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	f := vaultFile{vaultHeader: vaultHeader{Format: vaultFormat, Version: vaultVersion, KDF: u.params}}
	ad, err := json.Marshal(f.vaultHeader)
	if err != nil {
		return nil, err
	}
	f.Nonce = make([]byte, aead.NonceSize())
	if _, err := rand.Read(f.Nonce); err != nil {
		return nil, fmt.Errorf("credentials: random nonce: %w", err)
	}
	f.Data = aead.Seal(nil, f.Nonce, plain, ad)
	return json.MarshalIndent(f, "", "  ")
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
		return vaultContent{}, unlocked{}, fmt.Errorf("%w (%s): enter its passphrase, or set %s", ErrLocked, path, EnvPassphrase)
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
