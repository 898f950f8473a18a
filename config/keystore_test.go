package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeyStore_ParseAndValidate(t *testing.T) {
	for _, in := range []string{"keyring", " File ", "ENV"} {
		_, err := ParseKeyStore(in)
		assert.NoError(t, err, in)
	}
	_, err := ParseKeyStore("vault")
	assert.ErrorContains(t, err, "want keyring, file or env")

	// an account list naming an unknown store is refused on load, and the file kept
	path := filepath.Join(t.TempDir(), "accounts.json")
	data := []byte(`{"version":1,"accounts":[{"name":"shop","site":"cn","store":"plaintext"}]}`)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	_, err = LoadAccounts(path)
	assert.ErrorContains(t, err, `unknown key store "plaintext"`)
	kept, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, data, kept)
}

func TestKeyStore_RoundTripAndLegacyOmitted(t *testing.T) {
	// given one account per store and one saved before stores existed
	path := filepath.Join(t.TempDir(), "accounts.json")
	in := []Account{{Name: "a", Site: SiteChina, Store: KeyStoreFile}, {Name: "b", Site: SiteIntl, Store: KeyStoreEnv}, {Name: "c", Site: SiteEurope}}

	// when saved and loaded
	require.NoError(t, SaveAccounts(path, in))
	out, err := LoadAccounts(path)

	// then the choice survives and the legacy account's file has no store field
	require.NoError(t, err)
	assert.Equal(t, in, out)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, 2, strings.Count(string(data), `"store"`))
}
