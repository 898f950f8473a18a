package credentials

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
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
