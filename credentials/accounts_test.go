package credentials

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

var sampleKeys = Keys{AK: sampleAK, SK: sampleSK}

// fillCache writes one order into the account's cache folder.
func fillCache(t *testing.T, paths config.Paths, account string) {
	t.Helper()
	dir, err := paths.AccountDataDir(account)
	require.NoError(t, err)
	s, err := localstore.Open(filepath.Join(dir, config.CacheFileName), account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	_, err = s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: []domain.Record{
		domain.Order{Meta: domain.Meta{ID: "CS1", Version: 1}, Status: domain.OrderCompleted}}})
	require.NoError(t, err)
	require.NoError(t, s.Close())
}

func TestAddAccount_KeysFirstThenList(t *testing.T) {
	// given a keyring that refuses writes
	keyring.MockInitWithError(errors.New("dbus: no Secret Service"))
	paths := home(t)

	// when an account is added to the keyring
	err := AddAccount(paths, config.Account{Name: "shop", Site: config.SiteChina, Store: config.KeyStoreKeyring}, sampleKeys)

	// then nothing is listed; without a chosen store nothing is added either
	assert.ErrorIs(t, err, ErrNoKeyring)
	assert.NoFileExists(t, paths.AccountsFile())
	err = AddAccount(paths, config.Account{Name: "shop", Site: config.SiteChina}, sampleKeys)
	assert.ErrorContains(t, err, "choose a key store")
	assert.NoFileExists(t, paths.AccountsFile())
}

func TestEditAccount_RenameAndMoveStore(t *testing.T) {
	// given a keyring account with a cache
	keyring.MockInit()
	paths := home(t)
	require.NoError(t, AddAccount(paths, config.Account{Name: "shop", Site: config.SiteChina, Store: config.KeyStoreKeyring}, sampleKeys))
	fillCache(t, paths, "shop")

	// when it is renamed, moved to the file store and given a URL
	require.NoError(t, Unlock(paths.CredentialsFile(), samplePass))
	edited := config.Account{Name: "杭州店", Site: config.SiteCustom, BaseURL: "http://127.0.0.1:9/", Store: config.KeyStoreFile}
	require.NoError(t, EditAccount(paths, "shop", edited, nil))

	// then the keys are in the file under the new name and gone from the keyring
	c, err := LoadKeys(paths, config.KeyStoreFile, "杭州店")
	require.NoError(t, err)
	assert.Equal(t, sampleSK, c.SK)
	_, err = fromKeyring("shop")
	assert.ErrorIs(t, err, ErrNotFound)
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Equal(t, []config.Account{edited}, list)

	// and the cache folder moved, readable under the new name
	dir, err := paths.AccountDataDir("杭州店")
	require.NoError(t, err)
	s, err := localstore.Open(filepath.Join(dir, config.CacheFileName), "杭州店", localstore.Options{})
	require.NoError(t, err)
	defer s.Close()
	o, ok, err := localstore.Get[domain.Order](s, "CS1")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "杭州店", o.Account)
}

func TestEditAccount_FailureLeavesTheAccountAsItWas(t *testing.T) {
	// given an account with a cache, and a folder already where the new name's cache would go
	keyring.MockInit()
	paths := home(t)
	acc := config.Account{Name: "shop", Site: config.SiteChina, Store: config.KeyStoreKeyring}
	require.NoError(t, AddAccount(paths, acc, sampleKeys))
	fillCache(t, paths, "shop")
	blocked, err := paths.AccountDataDir("new")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(blocked, 0o700))

	// when it is renamed
	renamed := acc
	renamed.Name = "new"
	err = EditAccount(paths, "shop", renamed, nil)

	// then the rename is refused, and list, keys and cache stay with the old name
	assert.ErrorContains(t, err, "exists already")
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Equal(t, []config.Account{acc}, list)
	c, err := Lookup("shop")
	require.NoError(t, err)
	assert.Equal(t, sampleSK, c.SK)
	_, err = fromKeyring("new")
	assert.ErrorIs(t, err, ErrNotFound)
	fillCache(t, paths, "shop")
}

func TestEditAccount_NewKeysSamePlace(t *testing.T) {
	keyring.MockInit()
	paths := home(t)
	acc := config.Account{Name: "shop", Site: config.SiteChina, Store: config.KeyStoreKeyring}
	require.NoError(t, AddAccount(paths, acc, sampleKeys))
	require.NoError(t, EditAccount(paths, "shop", acc, &Keys{AK: "NEWAKNEWAKNEWAKNEWAK", SK: "new-secret"}))
	c, err := Lookup("shop")
	require.NoError(t, err)
	assert.Equal(t, "new-secret", c.SK)
	assert.ErrorContains(t, EditAccount(paths, "shop", acc, &Keys{AK: "BAD AK", SK: "x"}), "spaces")
	c, err = Lookup("shop")
	require.NoError(t, err)
	assert.Equal(t, "new-secret", c.SK, "a refused edit keeps the keys")
}

func TestRemoveAccount_LockedFileKeepsEverything(t *testing.T) {
	// given a file-store account and a process that has not unlocked the file
	keyring.MockInit()
	paths := home(t)
	require.NoError(t, Unlock(paths.CredentialsFile(), samplePass))
	require.NoError(t, AddAccount(paths, config.Account{Name: "shop", Site: config.SiteChina, Store: config.KeyStoreFile}, sampleKeys))
	Lock(paths.CredentialsFile())

	// when it is removed
	_, err := RemoveAccount(paths, "shop")

	// then it is kept, keys included, and the error says the file is locked
	assert.ErrorIs(t, err, ErrLocked)
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Len(t, list, 1)
	require.NoError(t, Unlock(paths.CredentialsFile(), samplePass))
	_, err = LoadKeys(paths, config.KeyStoreFile, "shop")
	assert.NoError(t, err)
}

func TestLegacyAccountWithoutKeyring_RenameAndRemove(t *testing.T) {
	// given an account saved before stores were chosen, on a machine without
	// a keyring, whose keys come from the SDK variables
	keyring.MockInitWithError(errors.New("dbus: no Secret Service"))
	paths := home(t)
	t.Setenv(EnvAK, sampleAK)
	t.Setenv(EnvSK, sampleSK)
	acc := config.Account{Name: "old", Site: config.SiteChina}
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(), []config.Account{acc}))

	// when it is renamed and then removed
	renamed := acc
	renamed.Name = "new"
	editErr := EditAccount(paths, "old", renamed, nil)
	c, lookErr := Lookup("new")
	_, removeErr := RemoveAccount(paths, "new")

	// then both work: there was nothing in a keyring to carry or delete
	require.NoError(t, editErr)
	require.NoError(t, lookErr)
	assert.Equal(t, SourceEnv, c.Source)
	require.NoError(t, removeErr)
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Empty(t, list)
}
