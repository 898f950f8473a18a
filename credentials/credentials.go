// Package credentials keeps each account's AK/SK in the OS keyring (Secret
// Service on Linux, Keychain on macOS, Credential Manager on Windows) and
// falls back to the Huawei Cloud SDKs' environment variables.
package credentials

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name; the keyring user is the account name.
const Service = "merchant-console"

// The Huawei Cloud SDKs' environment variables, used when no keyring entry exists.
const (
	EnvAK = "HUAWEICLOUD_SDK_AK"
	EnvSK = "HUAWEICLOUD_SDK_SK"
)

var (
	// ErrNoKeyring: the OS keyring cannot be reached (no Secret Service on
	// D-Bus, a locked or refused keyring). The UI should say so and offer the
	// environment variables instead.
	ErrNoKeyring = errors.New("credentials: no usable OS keyring")
	// ErrNotFound: neither the keyring nor the environment has credentials.
	ErrNotFound = errors.New("credentials: no AK/SK found")
)

// Source says where a credential came from.
type Source string

// Credential sources.
const (
	SourceKeyring Source = "keyring"
	SourceEnv     Source = "environment"
)

// Credential is an access key pair. Its String and GoString methods redact
// the secret so that printing one by mistake does not leak it.
type Credential struct {
	AK     string
	SK     string
	Source Source
}

// String shows the source and a masked AK, never the SK.
func (c Credential) String() string {
	return fmt.Sprintf("credential{AK:%s SK:**** source:%s}", maskKeep(c.AK, 4), c.Source)
}

// GoString keeps %#v as safe as %v.
func (c Credential) GoString() string { return c.String() }

// stored is the keyring payload: both halves in one entry so they never drift apart.
type stored struct {
	AK string `json:"ak"`
	SK string `json:"sk"`
}

// Save stores the AK/SK for account in the keyring, replacing any old entry.
func Save(account, ak, sk string) error {
	if account == "" {
		return errors.New("credentials: save: account name is empty")
	}
	if err := validatePair(ak, sk); err != nil {
		return err
	}
	payload, err := json.Marshal(stored{AK: ak, SK: sk})
	if err != nil {
		return fmt.Errorf("credentials: encode: %w", err)
	}
	if err := keyring.Set(Service, account, string(payload)); err != nil {
		return fmt.Errorf("credentials: save %q: %w", account, classify(err))
	}
	return nil
}

// Delete removes account's keyring entry; a missing entry is not an error.
func Delete(account string) error {
	err := keyring.Delete(Service, account)
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return fmt.Errorf("credentials: delete %q: %w", account, classify(err))
}

// Lookup returns account's credentials from the keyring, or else from
// HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK. An empty account consults only the
// environment. When both fail the error wraps ErrNoKeyring if the keyring was
// unreachable, otherwise ErrNotFound.
func Lookup(account string) (Credential, error) {
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

// fromKeyring reads and decodes account's keyring entry.
func fromKeyring(account string) (Credential, error) {
	payload, err := keyring.Get(Service, account)
	if err != nil {
		return Credential{}, classify(err)
	}
	var s stored
	if err := json.Unmarshal([]byte(payload), &s); err != nil {
		return Credential{}, fmt.Errorf("credentials: keyring entry for %q is not readable; save the AK/SK again", account)
	}
	if err := validatePair(s.AK, s.SK); err != nil {
		return Credential{}, fmt.Errorf("credentials: keyring entry for %q: %w", account, err)
	}
	return Credential{AK: s.AK, SK: s.SK, Source: SourceKeyring}, nil
}

// fromEnv reads the SDK environment variables; half a pair is an error.
func fromEnv() (Credential, error) {
	ak, sk := strings.TrimSpace(os.Getenv(EnvAK)), strings.TrimSpace(os.Getenv(EnvSK))
	switch {
	case ak == "" && sk == "":
		return Credential{}, fmt.Errorf("%s and %s are not set", EnvAK, EnvSK)
	case ak == "":
		return Credential{}, fmt.Errorf("%s is set but %s is not", EnvSK, EnvAK)
	case sk == "":
		return Credential{}, fmt.Errorf("%s is set but %s is not", EnvAK, EnvSK)
	}
	if err := validatePair(ak, sk); err != nil {
		return Credential{}, err
	}
	return Credential{AK: ak, SK: sk, Source: SourceEnv}, nil
}

// classify maps keyring errors: not-found stays ErrNotFound, every other
// backend failure means the keyring is not usable here.
func classify(err error) error {
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return err
	default:
		return fmt.Errorf("%w: %v", ErrNoKeyring, err)
	}
}

// validatePair rejects empty keys and keys with spaces or control characters
// (usually a copy-paste accident that would only fail later as a bad signature).
func validatePair(ak, sk string) error {
	for _, kv := range []struct{ name, v string }{{"AK", ak}, {"SK", sk}} {
		if kv.v == "" {
			return fmt.Errorf("credentials: %s is empty", kv.name)
		}
		if strings.IndexFunc(kv.v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			return fmt.Errorf("credentials: %s contains spaces or control characters", kv.name)
		}
	}
	return nil
}
