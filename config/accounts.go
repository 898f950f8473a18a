package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Account is one configured seller account. It holds no secrets: the AK/SK
// are in the key store named by Store (package credentials), keyed by Name.
type Account struct {
	Name       string   `json:"name"`
	Site       Site     `json:"site"`
	BaseURL    string   `json:"baseUrl,omitempty"` // required for SiteCustom, else overrides the site's URL
	SubAccount bool     `json:"subAccount,omitempty"`
	Store      KeyStore `json:"store,omitempty"` // where the AK/SK are; empty: keyring, else environment
}

// Endpoint is the API base URL requests for this account go to.
func (a Account) Endpoint() string {
	if a.BaseURL != "" {
		return strings.TrimSuffix(a.BaseURL, "/")
	}
	return a.Site.BaseURL()
}

// Validate checks the name, the site and the base URL.
func (a Account) Validate() error {
	if err := ValidateName(a.Name); err != nil {
		return err
	}
	if _, err := ParseSite(string(a.Site)); err != nil || Site(strings.ToLower(string(a.Site))) != a.Site {
		return fmt.Errorf("config: account %q: unknown site %q", a.Name, a.Site)
	}
	if a.Site == SiteCustom && a.BaseURL == "" {
		return fmt.Errorf("config: account %q: a custom site needs a base URL", a.Name)
	}
	if a.BaseURL != "" {
		if err := ValidateBaseURL(a.BaseURL); err != nil {
			return fmt.Errorf("config: account %q: %w", a.Name, err)
		}
	}
	if a.Store != KeyStoreLegacy {
		if _, err := ParseKeyStore(string(a.Store)); err != nil || KeyStore(strings.ToLower(string(a.Store))) != a.Store {
			return fmt.Errorf("config: account %q: unknown key store %q (want keyring, file or env)", a.Name, a.Store)
		}
	}
	return nil
}

// accountsFileVersion is the format version written to accounts.json.
const accountsFileVersion = 1

// accountsFile is the on-disk shape of accounts.json.
type accountsFile struct {
	Version  int       `json:"version"`
	Accounts []Account `json:"accounts"`
}

// ErrAccountNotFound is returned by FindAccount for an unknown name.
var ErrAccountNotFound = errors.New("config: account not found")

// LoadAccounts reads the account list. A missing file is an empty list; a
// malformed one is an error naming the file and the problem, and the file is
// left untouched so nothing is lost.
func LoadAccounts(path string) ([]Account, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config: read %s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // a stray "sk" field must not pass silently
	var f accountsFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("config: %s is malformed (fix or remove it): %w", path, err)
	}
	if f.Version != accountsFileVersion {
		return nil, fmt.Errorf("config: %s has format version %d, this build reads version %d", path, f.Version, accountsFileVersion)
	}
	if err := validateList(f.Accounts); err != nil {
		return nil, fmt.Errorf("config: %s: %w", path, err)
	}
	return f.Accounts, nil
}

// SaveAccounts validates and writes the list atomically: a temporary file in
// the same directory (mode 0600, directory 0700), synced, then renamed over
// the old one, so a crash leaves either the old or the new list.
func SaveAccounts(path string, accounts []Account) error {
	if err := validateList(accounts); err != nil {
		return err
	}
	data, err := json.MarshalIndent(accountsFile{Version: accountsFileVersion, Accounts: accounts}, "", "  ")
	if err != nil {
		return fmt.Errorf("config: encode accounts: %w", err)
	}
	return WriteFileAtomic(path, append(data, '\n'))
}

// validateList checks every account and that names are unique ignoring case
// (two accounts differing only in case would confuse people and keyrings).
func validateList(accounts []Account) error {
	seen := make(map[string]bool, len(accounts))
	for _, a := range accounts {
		if err := a.Validate(); err != nil {
			return err
		}
		key := strings.ToLower(a.Name)
		if seen[key] {
			return fmt.Errorf("config: account name %q is used twice", a.Name)
		}
		seen[key] = true
	}
	return nil
}

// FindAccount returns the account with exactly this name.
func FindAccount(accounts []Account, name string) (Account, error) {
	for _, a := range accounts {
		if a.Name == name {
			return a, nil
		}
	}
	return Account{}, fmt.Errorf("%w: %q", ErrAccountNotFound, name)
}

// WriteFileAtomic writes data to path, mode 0600 (directory 0700), via a
// synced temporary file in the same directory renamed over path: a crash
// leaves either the old or the new content, never a mix.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("config: create %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return fmt.Errorf("config: create temporary file in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("config: chmod %s: %w", tmp.Name(), err)
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("config: write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("config: sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("config: close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("config: replace %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the OS supports syncing a directory;
// failure only weakens durability, so it is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
