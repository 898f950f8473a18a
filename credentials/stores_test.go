package credentials

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
)

// home is a fresh MERCHANT_CONSOLE_HOME with its paths.
func home(t *testing.T) config.Paths {
	t.Helper()
	clearEnv(t)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	t.Cleanup(func() { Lock(paths.CredentialsFile()) })
	return paths
}

func TestStores_NoKeyringDefaultsToFile(t *testing.T) {
	// given no Secret Service and no SDK variables
	keyring.MockInitWithError(errors.New("dbus: couldn't determine address of session bus"))
	paths := home(t)

	// when the stores are asked for
	c := Stores(paths)

	// then the file is the default, with its reason, and a new passphrase is to be chosen
	assert.Equal(t, config.KeyStoreFile, c.Default)
	assert.Equal(t, ReasonDefaultFile, c.Reason)
	assert.True(t, c.NewFile)
	kr, _ := c.Option(config.KeyStoreKeyring)
	assert.False(t, kr.Available)
	assert.Equal(t, ReasonNoKeyring, kr.Reason)
	assert.Contains(t, kr.Detail, "session bus")
	env, _ := c.Option(config.KeyStoreEnv)
	assert.False(t, env.Available)
	file, _ := c.Option(config.KeyStoreFile)
	assert.Equal(t, StoreOption{Store: config.KeyStoreFile, Available: true, Reason: ReasonFileNew, Detail: paths.CredentialsFile()}, file)
}

func TestStores_KeyringDefaultEnvOfferedMasked(t *testing.T) {
	// given a working keyring and the SDK variables set
	keyring.MockInit()
	paths := home(t)
	t.Setenv(EnvAK, sampleAK)
	t.Setenv(EnvSK, sampleSK)

	// when the stores are asked for
	c := Stores(paths)

	// then the keyring is the default and the env store shows a masked AK only
	assert.Equal(t, config.KeyStoreKeyring, c.Default)
	env, _ := c.Option(config.KeyStoreEnv)
	assert.True(t, env.Available)
	assert.Equal(t, EnvAK+"=QTWA****", env.Detail)
	assert.NotContains(t, env.Detail, sampleAK)
}

func TestLookup_FollowsTheAccountsStore(t *testing.T) {
	// given three accounts, one per store, a keyring entry, a file entry and the variables
	keyring.MockInit()
	paths := home(t)
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(), []config.Account{
		{Name: "kr", Site: config.SiteChina, Store: config.KeyStoreKeyring},
		{Name: "file", Site: config.SiteChina, Store: config.KeyStoreFile},
		{Name: "env", Site: config.SiteChina, Store: config.KeyStoreEnv},
	}))
	require.NoError(t, Save("kr", "KEYRINGAKKEYRINGAKKE", "keyring-secret"))
	require.NoError(t, Unlock(paths.CredentialsFile(), samplePass))
	require.NoError(t, SaveKeys(paths, config.KeyStoreFile, "file", "FILEAKFILEAKFILEAKFI", "file-secret"))
	t.Setenv(EnvAK, sampleAK)
	t.Setenv(EnvSK, sampleSK)

	// when each is looked up, then each reads its own store
	for name, want := range map[string]Credential{
		"kr":   {AK: "KEYRINGAKKEYRINGAKKE", SK: "keyring-secret", Source: SourceKeyring},
		"file": {AK: "FILEAKFILEAKFILEAKFI", SK: "file-secret", Source: SourceFile},
		"env":  {AK: sampleAK, SK: sampleSK, Source: SourceEnv},
	} {
		c, err := Lookup(name)
		require.NoError(t, err, name)
		assert.Equal(t, want, c, name)
	}

	// and a keyring account without an entry does not fall back to the variables
	require.NoError(t, Delete("kr"))
	_, err := Lookup("kr")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestSaveKeys_EnvStoreNeedsTheVariables(t *testing.T) {
	paths := home(t)
	err := SaveKeys(paths, config.KeyStoreEnv, "shop", "", "")
	assert.ErrorContains(t, err, "not set")
	t.Setenv(EnvAK, sampleAK)
	t.Setenv(EnvSK, sampleSK)
	assert.NoError(t, SaveKeys(paths, config.KeyStoreEnv, "shop", "", ""))
}
