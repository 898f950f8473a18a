// Package credentials keeps each account's AK/SK in the store chosen for it
// (config.Account.Store): the OS keyring (Secret Service on Linux, Keychain
// on macOS, Credential Manager on Windows), a passphrase-encrypted file, or
// the Huawei Cloud SDKs' environment variables. It also redacts secrets from
// log lines, and adds, edits and removes accounts together with their keys.
package credentials

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Service is the keyring service name; the keyring user is the account name.
const Service = "merchant-console"

// The Huawei Cloud SDKs' environment variables: the env store, and the
// fallback of accounts saved before the store was chosen per account.
const (
	EnvAK = "HUAWEICLOUD_SDK_AK"
	EnvSK = "HUAWEICLOUD_SDK_SK"
)

var (
	// ErrNoKeyring: the OS keyring cannot be reached (no Secret Service on
	// D-Bus, a locked or refused keyring). Offer the file or env store.
	ErrNoKeyring = errors.New("credentials: no usable OS keyring")
	// ErrNotFound: the account's store has no credentials for it.
	ErrNotFound = errors.New("credentials: no AK/SK found")
)

// Source says where a credential came from.
type Source string

// Credential sources.
const (
	SourceKeyring Source = "keyring"
	SourceFile    Source = "file"
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

// stored is one account's pair as the keyring and the file keep it: both
// halves in one entry so they never drift apart.
type stored struct {
	AK string `json:"ak"`
	SK string `json:"sk"`
}

// String keeps a stored pair as safe to print as a Credential.
func (s stored) String() string { return Credential{AK: s.AK, SK: s.SK}.String() }

// encodePair validates a pair and encodes it as a keyring payload.
func encodePair(ak, sk string) (string, error) {
	if err := validatePair(ak, sk); err != nil {
		return "", err
	}
	payload, err := json.Marshal(stored{AK: ak, SK: sk})
	if err != nil {
		return "", fmt.Errorf("credentials: encode: %w", err)
	}
	return string(payload), nil
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
