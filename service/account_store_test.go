package service

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/sandbox"
)

const testPassphrase = "correct horse battery"

// market is a loopback sandbox marketplace to add real accounts of.
func market(t *testing.T) (*sandbox.Server, sandbox.AccountCred) {
	t.Helper()
	srv, err := sandbox.Start(context.Background(), small)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv, srv.Accounts()[0]
}

// noKeyring makes sure no Secret Service can answer in this process.
func noKeyring(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")
	t.Setenv(credentials.EnvPassphrase, "")
}

func fileAccount(name string, srv *sandbox.Server, keys sandbox.AccountCred, pass string) NewAccount {
	return NewAccount{Name: name, Site: string(config.SiteCustom), BaseURL: srv.URL(),
		Store: config.KeyStoreFile, AK: keys.AK, SK: keys.SK, Passphrase: pass}
}

func TestAFileStoreAccountIsAddedWithoutKeyringAndSyncs(t *testing.T) {
	// given a machine without keyring, a marketplace and a fresh home
	noKeyring(t)
	srv, keys := market(t)
	paths := testPaths(t)
	s := open(t, Options{Paths: paths, SandboxOptions: &small})

	// when an account is added with its keys in the encrypted file, then synced
	require.NoError(t, s.AddAccount(fileAccount("shop", srv, keys, testPassphrase)))
	_, err := s.SyncOnce(context.Background(), "shop")

	// then it synced the marketplace's orders with the keys from the file
	require.NoError(t, err)
	assert.Positive(t, orderCount(t, s.Store("shop")))
	acc := s.account("shop").info
	assert.Equal(t, config.KeyStoreFile, acc.Store)
	assert.Equal(t, srv.URL(), acc.URL)
	// and the file is private and holds no key in clear
	fi, err := os.Stat(paths.CredentialsFile())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	data, err := os.ReadFile(paths.CredentialsFile())
	require.NoError(t, err)
	assert.NotContains(t, string(data), keys.SK)
	assert.NotContains(t, string(data), keys.AK)
}

func TestAFileStoreAccountWaitsLockedUntilUnlocked(t *testing.T) {
	// given a file-store account saved in an earlier session
	noKeyring(t)
	srv, keys := market(t)
	paths := testPaths(t)
	first := open(t, Options{Paths: paths})
	require.NoError(t, first.AddAccount(fileAccount("shop", srv, keys, testPassphrase)))
	require.NoError(t, first.Close())
	credentials.Lock(paths.CredentialsFile()) // a new session knows no passphrase

	// when the console opens again
	s := open(t, Options{Paths: paths})

	// then the account is listed as locked, not synced, and asks for the passphrase
	require.True(t, s.NeedsUnlock())
	require.True(t, s.account("shop").info.Locked)
	_, err := s.SyncOnce(context.Background(), "shop")
	assert.ErrorIs(t, err, credentials.ErrLocked)

	// and a wrong passphrase changes nothing
	require.ErrorIs(t, s.Unlock("not the passphrase"), credentials.ErrWrongPassphrase)
	require.True(t, s.account("shop").info.Locked)

	// and the right one opens it again and it syncs
	require.NoError(t, s.Unlock(testPassphrase))
	assert.False(t, s.NeedsUnlock())
	assert.False(t, s.account("shop").info.Locked)
	_, err = s.SyncOnce(context.Background(), "shop")
	require.NoError(t, err)
	assert.Positive(t, orderCount(t, s.Store("shop")))
}

func TestAWrongPassphraseAddsNothing(t *testing.T) {
	// given a credentials file with one account
	noKeyring(t)
	srv, keys := market(t)
	paths := testPaths(t)
	s := open(t, Options{Paths: paths})
	require.NoError(t, s.AddAccount(fileAccount("shop", srv, keys, testPassphrase)))
	credentials.Lock(paths.CredentialsFile())

	// when a second account is added with a wrong passphrase
	err := s.AddAccount(fileAccount("second", srv, keys, "wrong passphrase"))

	// then it is refused as such and nothing is listed or saved
	require.ErrorIs(t, err, credentials.ErrWrongPassphrase)
	assert.Nil(t, s.account("second"))
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Len(t, list, 1)
}

func TestEditRenamesAndKeepsSyncingElseReopensTheOld(t *testing.T) {
	// given a synced file-store account
	noKeyring(t)
	srv, keys := market(t)
	paths := testPaths(t)
	s := open(t, Options{Paths: paths})
	require.NoError(t, s.AddAccount(fileAccount("shop", srv, keys, testPassphrase)))
	_, err := s.SyncOnce(context.Background(), "shop")
	require.NoError(t, err)
	orders := orderCount(t, s.Store("shop"))

	// when it is renamed, keeping its keys
	edit := NewAccount{Name: "flagship", Site: string(config.SiteCustom), BaseURL: srv.URL()}
	require.NoError(t, s.EditAccount("shop", edit))

	// then it is open under the new name, with its cache, and syncs with its old keys
	assert.Nil(t, s.account("shop"))
	require.NotNil(t, s.Store("flagship"))
	assert.Equal(t, orders, orderCount(t, s.Store("flagship")))
	_, err = s.SyncOnce(context.Background(), "flagship")
	require.NoError(t, err)

	// and when an edit fails (the env store without SDK variables), the account
	// is open again under its old settings
	bad := edit
	bad.Store = config.KeyStoreEnv
	require.Error(t, s.EditAccount("flagship", bad))
	require.NotNil(t, s.Store("flagship"))
	assert.Equal(t, config.KeyStoreFile, s.account("flagship").info.Store)
	_, err = s.SyncOnce(context.Background(), "flagship")
	require.NoError(t, err)
}
