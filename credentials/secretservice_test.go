package credentials

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childEnv marks the re-executed test binary. go-keyring's MockInit replaces
// the real backend for the whole process and cannot be undone, so the real
// Secret Service is exercised in a fresh child process that never mocks.
const childEnv = "MERCHANT_CONSOLE_REAL_KEYRING_CHILD"

func TestSecretService_Real(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		realKeyringRoundTrip(t)
		return
	}
	// given a fresh process running only this test
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecretService_Real$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1")

	// when it talks to the real keyring
	out, err := cmd.CombinedOutput()

	// then it either passed or skipped for a stated reason
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("real Secret Service unavailable:\n%s", out)
	}
	require.NoError(t, err, string(out))
}

// realKeyringRoundTrip saves, reads and deletes an entry in the real keyring.
func realKeyringRoundTrip(t *testing.T) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Skip("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run inside a desktop session with a Secret Service (gnome-keyring, KeePassXC)")
	}
	account := "merchant-console-test-" + strings.ReplaceAll(t.Name(), "/", "-")
	err := Save(account, sampleAK, sampleSK)
	if errors.Is(err, ErrNoKeyring) {
		t.Skipf("no Secret Service on the session bus: %v", err)
	}
	require.NoError(t, err)
	t.Cleanup(func() { _ = Delete(account) })
	t.Setenv(EnvAK, "")
	t.Setenv(EnvSK, "")

	c, err := Lookup(account)
	require.NoError(t, err)
	assert.Equal(t, Credential{AK: sampleAK, SK: sampleSK, Source: SourceKeyring}, c)
	require.NoError(t, Delete(account))
	_, err = Lookup(account)
	assert.ErrorIs(t, err, ErrNotFound)
}
