package credentials

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/koogallery/merchant-console/config"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const samplePass = "correct horse battery staple"

// newVault is a credentials file path in a fresh folder, locked again after the test.
func newVault(t *testing.T) string {
	t.Helper()
	clearEnv(t)
	path := filepath.Join(t.TempDir(), "cfg", "credentials.enc")
	t.Cleanup(func() { Lock(path) })
	return path
}

func TestVault_RoundTripEncryptedPrivateAtomic(t *testing.T) {
	// given a new file unlocked with a passphrase
	path := newVault(t)
	require.NoError(t, Unlock(path, samplePass))

	// when two pairs are saved and one deleted
	require.NoError(t, saveInFile(path, "华为店铺", sampleAK, sampleSK))
	require.NoError(t, saveInFile(path, "other", "OTHERAKOTHERAKOTHERA", "other-secret"))
	require.NoError(t, deleteFromFile(path, "other"))

	// then a new session with the passphrase reads the remaining pair back
	Lock(path)
	require.NoError(t, Unlock(path, samplePass))
	c, err := fromFile(path, "华为店铺")
	require.NoError(t, err)
	assert.Equal(t, Credential{AK: sampleAK, SK: sampleSK, Source: SourceFile}, c)
	_, err = fromFile(path, "other")
	assert.ErrorIs(t, err, ErrNotFound)

	// and the file is private, holds no key or name in clear, and only its lock is beside it
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, clear := range []string{sampleAK, sampleSK, "华为店铺", "other-secret", samplePass} {
		assert.NotContains(t, string(data), clear)
	}
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"credentials.enc", "credentials.enc.lock"}, names)
}

func TestVault_WrongPassphraseIsClearAndChangesNothing(t *testing.T) {
	// given a file holding a pair
	path := newVault(t)
	require.NoError(t, Unlock(path, samplePass))
	require.NoError(t, saveInFile(path, "shop", sampleAK, sampleSK))
	Lock(path)
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	// when it is opened with a wrong passphrase, by Unlock and by the variable
	unlockErr := Unlock(path, "wrong passphrase")
	t.Setenv(EnvPassphrase, "wrong passphrase")
	saveErr := saveInFile(path, "shop", "NEWAKNEWAKNEWAKNEWA", "new-secret")
	_, readErr := fromFile(path, "shop")

	// then each says so, names the file or the variable, and the file is byte for byte the same
	assert.ErrorIs(t, unlockErr, ErrWrongPassphrase)
	assert.ErrorContains(t, unlockErr, path)
	assert.ErrorIs(t, saveErr, ErrWrongPassphrase)
	assert.ErrorContains(t, saveErr, EnvPassphrase)
	assert.ErrorIs(t, readErr, ErrWrongPassphrase)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, before, after)

	// and the right passphrase in the variable opens it
	t.Setenv(EnvPassphrase, samplePass)
	c, err := fromFile(path, "shop")
	require.NoError(t, err)
	assert.Equal(t, sampleSK, c.SK)
}

func TestVault_LockedWithoutPassphrase(t *testing.T) {
	// given a file and a process that has not unlocked it
	path := newVault(t)
	require.NoError(t, Unlock(path, samplePass))
	require.NoError(t, saveInFile(path, "shop", sampleAK, sampleSK))
	Lock(path)

	// when it is read
	_, err := fromFile(path, "shop")

	// then it is locked and says how to unlock
	assert.ErrorIs(t, err, ErrLocked)
	assert.ErrorContains(t, err, EnvPassphrase)
}

func TestVault_TamperedHeaderIsRefused(t *testing.T) {
	// given a file whose KDF parameters are weakened by someone without the passphrase
	path := newVault(t)
	require.NoError(t, Unlock(path, samplePass))
	require.NoError(t, saveInFile(path, "shop", sampleAK, sampleSK))
	var f vaultFile
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &f))
	f.KDF.Time = 1
	data, err = json.Marshal(f)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	Lock(path)

	// when it is unlocked with the right passphrase
	err = Unlock(path, samplePass)

	// then the header fails authentication
	assert.ErrorIs(t, err, ErrWrongPassphrase)
}

func TestVault_BadFiles(t *testing.T) {
	path := newVault(t)
	assert.ErrorContains(t, Unlock(path, "short"), "at least 8")
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte("not a credentials file"), 0o600))
	err := Unlock(path, samplePass)
	assert.ErrorContains(t, err, "is not a Merchant Console credentials file")
	data, readErr := os.ReadFile(path)
	require.NoError(t, readErr)
	assert.Equal(t, "not a credentials file", string(data), "a file that is not ours is never overwritten")
}

func TestNeedsUnlock(t *testing.T) {
	// given a file-store account whose file is locked
	paths := home(t)
	accounts := []config.Account{{Name: "kr", Store: config.KeyStoreKeyring}, {Name: "f", Store: config.KeyStoreFile}}
	require.NoError(t, Unlock(paths.CredentialsFile(), samplePass))
	require.NoError(t, SaveKeys(paths, config.KeyStoreFile, "f", sampleAK, sampleSK))
	Lock(paths.CredentialsFile())

	// then it needs unlocking, unless unlocked or the variable is set; keyring-only lists never do
	assert.True(t, NeedsUnlock(paths, accounts))
	assert.False(t, NeedsUnlock(paths, accounts[:1]))
	t.Setenv(EnvPassphrase, samplePass)
	assert.False(t, NeedsUnlock(paths, accounts))
	t.Setenv(EnvPassphrase, "")
	require.NoError(t, Unlock(paths.CredentialsFile(), samplePass))
	assert.False(t, NeedsUnlock(paths, accounts))
}
