package credentials

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/zalando/go-keyring"
)

// Save stores the AK/SK for account in the OS keyring, replacing any old entry.
func Save(account, ak, sk string) error {
	if account == "" {
		return errors.New("credentials: save: account name is empty")
	}
	payload, err := encodePair(ak, sk)
	if err != nil {
		return err
	}
	if err := keyring.Set(Service, account, payload); err != nil {
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

// probeKeyring says whether the keyring answers: reading an entry that does
// not exist succeeds with "not found" only when the backend works. A missing
// Secret Service can take seconds to time out, so call it off the UI goroutine.
func probeKeyring() error {
	_, err := keyring.Get(Service, "merchant-console-keyring-probe")
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return classify(err)
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
