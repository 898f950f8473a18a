package config

import (
	"fmt"
	"path/filepath"
	"strings"
)

// KeyStore says where an account's AK/SK are kept. The keys themselves are
// handled by package credentials; the account list only records the choice.
type KeyStore string

// The key stores. KeyStoreLegacy is the empty value of accounts saved before
// the choice existed: the OS keyring, else the SDK environment variables.
const (
	KeyStoreLegacy  KeyStore = ""
	KeyStoreKeyring KeyStore = "keyring" // the OS keyring (Secret Service, Keychain, Credential Manager)
	KeyStoreFile    KeyStore = "file"    // the console's passphrase-encrypted credentials file
	KeyStoreEnv     KeyStore = "env"     // HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK, read at every run
)

// KeyStores lists the stores in the order a picker shows them.
var KeyStores = []KeyStore{KeyStoreKeyring, KeyStoreFile, KeyStoreEnv}

// ParseKeyStore accepts "keyring", "file" or "env".
func ParseKeyStore(s string) (KeyStore, error) {
	k := KeyStore(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range KeyStores {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("config: unknown key store %q (want keyring, file or env)", s)
}

// Label is the store's name in plain words.
func (k KeyStore) Label() string {
	switch k {
	case KeyStoreKeyring:
		return "OS keyring"
	case KeyStoreFile:
		return "encrypted file"
	case KeyStoreEnv:
		return "environment"
	default:
		return "OS keyring, else environment"
	}
}

// CredentialsFileName is the passphrase-encrypted credentials file, in the
// config directory next to accounts.json.
const CredentialsFileName = "credentials.enc"

// CredentialsFile is the path of the encrypted credentials file.
func (p Paths) CredentialsFile() string { return filepath.Join(p.Config, CredentialsFileName) }
