package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
)

// terminal asks for secrets on the controlling terminal, without echo.
type terminal struct{ stderr io.Writer }

// chooseStore takes --store or the default, and says which one before
// anything is typed; a store that does not work here is refused.
func chooseStore(paths config.Paths, flagValue string, t *terminal) (config.KeyStore, error) {
	choice := credentials.Stores(paths)
	store, reason := choice.Default, choice.Reason
	if flagValue != "" {
		s, err := config.ParseKeyStore(flagValue)
		if err != nil {
			return "", err
		}
		store, reason = s, ""
	}
	opt, _ := choice.Option(store)
	if !opt.Available {
		msg := fmt.Sprintf("the %s cannot be used here: %s", store.Label(), strings.TrimSuffix(opt.Reason, "."))
		if opt.Detail != "" {
			msg += " (" + opt.Detail + ")"
		}
		return "", fmt.Errorf("%s; choose another with --store", msg)
	}
	if reason == "" {
		reason = opt.Reason
	}
	fmt.Fprintf(t.stderr, "Keys will be kept in the %s. %s\n", store.Label(), reason)
	return store, nil
}

// keysFor unlocks the file store if needed and reads the pair to store;
// the env store needs none.
func keysFor(paths config.Paths, store config.KeyStore, t *terminal) (credentials.Keys, error) {
	if store == config.KeyStoreEnv {
		return credentials.Keys{}, nil
	}
	if store == config.KeyStoreFile {
		if err := unlockFile(paths, t); err != nil {
			return credentials.Keys{}, err
		}
	}
	return readKeys(t)
}

// readKeys takes the SDK variables when both are set, else asks on a terminal.
func readKeys(t *terminal) (credentials.Keys, error) {
	ak, sk := strings.TrimSpace(os.Getenv(credentials.EnvAK)), strings.TrimSpace(os.Getenv(credentials.EnvSK))
	switch {
	case ak != "" && sk != "":
		fmt.Fprintf(t.stderr, "AK/SK read from %s and %s.\n", credentials.EnvAK, credentials.EnvSK)
		return credentials.Keys{AK: ak, SK: sk}, nil
	case ak != "" || sk != "":
		return credentials.Keys{}, fmt.Errorf("only one of %s and %s is set: set both, or neither to be asked", credentials.EnvAK, credentials.EnvSK)
	}
	if !t.interactive() {
		return credentials.Keys{}, fmt.Errorf("no AK/SK: set %s and %s, or run in a terminal to be asked", credentials.EnvAK, credentials.EnvSK)
	}
	var err error
	if ak, err = t.secret("Access key (AK): "); err != nil {
		return credentials.Keys{}, err
	}
	if sk, err = t.secret("Secret key (SK): "); err != nil {
		return credentials.Keys{}, err
	}
	return credentials.Keys{AK: strings.TrimSpace(ak), SK: strings.TrimSpace(sk)}, nil
}

// unlockFile makes the credentials file usable in this process, with
// MERCHANT_CONSOLE_PASSPHRASE or a passphrase asked (twice for a new file).
func unlockFile(paths config.Paths, t *terminal) error {
	path := paths.CredentialsFile()
	exists, open := credentials.FileState(path)
	if open {
		return nil
	}
	if pass := os.Getenv(credentials.EnvPassphrase); pass != "" {
		if err := credentials.Unlock(path, pass); err != nil {
			return fmt.Errorf("%s: %w", credentials.EnvPassphrase, err)
		}
		return nil
	}
	if !t.interactive() {
		return fmt.Errorf("the credentials file %s needs a passphrase: set %s, or run in a terminal to be asked", path, credentials.EnvPassphrase)
	}
	prompt := "Passphrase of the credentials file: "
	if !exists {
		prompt = fmt.Sprintf("New passphrase for the credentials file %s (at least %d characters): ", path, credentials.MinPassphraseLen)
	}
	pass, err := t.secret(prompt)
	if err != nil {
		return err
	}
	if !exists {
		again, err := t.secret("Repeat the passphrase: ")
		if err != nil {
			return err
		}
		if again != pass {
			return errors.New("the two passphrases differ; nothing was saved")
		}
	}
	return credentials.Unlock(path, pass)
}

// storePlace says where an account's keys are, in plain words.
func storePlace(paths config.Paths, store config.KeyStore) string {
	switch store {
	case config.KeyStoreKeyring:
		return "in the OS keyring"
	case config.KeyStoreFile:
		return "encrypted in " + paths.CredentialsFile()
	case config.KeyStoreEnv:
		return fmt.Sprintf("read from %s/%s at every run", credentials.EnvAK, credentials.EnvSK)
	}
	return fmt.Sprintf("in the OS keyring, else %s/%s", credentials.EnvAK, credentials.EnvSK)
}

func (t *terminal) interactive() bool { return term.IsTerminal(int(os.Stdin.Fd())) }

func (t *terminal) secret(prompt string) (string, error) {
	fmt.Fprint(t.stderr, prompt)
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(t.stderr)
	if err != nil {
		return "", fmt.Errorf("read from the terminal: %w", err)
	}
	return string(b), nil
}
