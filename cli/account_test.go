package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
)

const testPassphrase = "correct horse battery staple"

// accountHome is a fresh MERCHANT_CONSOLE_HOME with none of the developer's
// variables, a sandbox on loopback, and a keyring that fails like a desktop
// without Secret Service (pass a nil error for a working in-memory keyring).
func accountHome(t *testing.T, keyringErr error) (config.Paths, *sandbox.Server) {
	t.Helper()
	t.Setenv(config.HomeEnv, t.TempDir())
	for _, v := range []string{credentials.EnvAK, credentials.EnvSK, credentials.EnvPassphrase} {
		t.Setenv(v, "")
	}
	if keyringErr != nil {
		keyring.MockInitWithError(keyringErr)
	} else {
		keyring.MockInit()
	}
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	t.Cleanup(func() { credentials.Lock(paths.CredentialsFile()) })
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := sandbox.Start(ctx, sandbox.Options{Seed: 1, Orders: 120, Tickets: 40, Supervision: 20, Alerts: 20, Notifications: 20, NoArrivals: true})
	require.NoError(t, err)
	t.Cleanup(func() { cancel(); _ = srv.Close() })
	return paths, srv
}

var noSecretService = errors.New("dbus: couldn't determine address of session bus")

func sandboxCred(t *testing.T, srv *sandbox.Server, id string) sandbox.AccountCred {
	t.Helper()
	for _, c := range srv.Accounts() {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("sandbox has no account %s", id)
	return sandbox.AccountCred{}
}

// useEnvKeys puts an account's keys in the SDK variables.
func useEnvKeys(t *testing.T, c sandbox.AccountCred) {
	t.Setenv(credentials.EnvAK, c.AK)
	t.Setenv(credentials.EnvSK, c.SK)
}

func runAccount(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := RunAccount(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func runSyncOnce(t *testing.T, account string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := RunSync(context.Background(), []string{"--once", "--account", account}, &out, &errOut)
	return out.String() + errOut.String(), err
}

// cachedOrders counts the orders in an account's own cache folder.
func cachedOrders(t *testing.T, paths config.Paths, account string) int {
	t.Helper()
	dir, err := paths.AccountDataDir(account)
	require.NoError(t, err)
	s, err := localstore.Open(filepath.Join(dir, config.CacheFileName), account, localstore.Options{})
	require.NoError(t, err)
	defer s.Close()
	_, n, err := localstore.List[domain.Order](s, localstore.Query{Limit: 1})
	require.NoError(t, err)
	return n
}

func TestAccountAdd_NoKeyring_FileStoreThenSyncAndExport(t *testing.T) {
	// given a machine without Secret Service, the sandbox's keys in the SDK
	// variables and a passphrase for the credentials file
	paths, srv := accountHome(t, noSecretService)
	main := sandboxCred(t, srv, sandbox.AccountMain)
	useEnvKeys(t, main)
	t.Setenv(credentials.EnvPassphrase, testPassphrase)

	// when the account is added without choosing a store
	out, errOut, err := runAccount(t, "add", "shop", "--site", "custom", "--url", srv.URL())

	// then it went to the encrypted file, said so first, and nothing holds a key in clear
	require.NoError(t, err, errOut)
	assert.Contains(t, errOut, "Keys will be kept in the encrypted file. "+credentials.ReasonDefaultFile)
	assert.Contains(t, out, "encrypted in "+paths.CredentialsFile())
	for _, f := range []string{paths.CredentialsFile(), paths.AccountsFile()} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NotContains(t, string(data), main.SK, f)
		assert.NotContains(t, string(data), main.AK, f)
		info, err := os.Stat(f)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), f)
	}

	// when a later run, without the SDK variables, syncs and exports it
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")
	credentials.Lock(paths.CredentialsFile()) // as a new process: only the passphrase variable
	syncOut, err := runSyncOnce(t, "shop")

	// then the keys came from the file and the account's own cache is filled
	require.NoError(t, err, syncOut)
	assert.Contains(t, syncOut, "Account shop: sync took")
	assert.Positive(t, cachedOrders(t, paths, "shop"))
	dir := t.TempDir()
	_, exportErr, err := runExport(t, "orders", "--account", "shop", "-o", dir)
	require.NoError(t, err, exportErr)
	files, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, files, 1)
}

func TestAccountList_ShowsURLAndStoreNeverASecret(t *testing.T) {
	// given two accounts, one per store
	_, srv := accountHome(t, nil)
	main := sandboxCred(t, srv, sandbox.AccountMain)
	useEnvKeys(t, main)
	_, errOut, err := runAccount(t, "add", "华为店铺", "--site", "cn")
	require.NoError(t, err, errOut)
	_, errOut, err = runAccount(t, "add", "local", "--site", "custom", "--url", srv.URL(), "--store", "env")
	require.NoError(t, err, errOut)

	// when they are listed
	out, _, err := runAccount(t, "list")

	// then each shows its site, URL and store, and no key
	require.NoError(t, err)
	assert.Regexp(t, `华为店铺 +cn +https://mkt.myhuaweicloud.com +OS keyring\n`, out)
	assert.Regexp(t, `local +custom +`+srv.URL()+` +environment\n`, out)
	assert.NotContains(t, out, main.SK)
	assert.NotContains(t, out, main.AK[:8])
	lines := strings.Split(out, "\n")
	require.Len(t, lines, 4)
	// 华为店铺 is 8 cells wide on a terminal: the SITE column starts at cell 10
	assert.True(t, strings.HasPrefix(lines[0], "NAME      SITE  "), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "华为店铺  cn    "), lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "local     custom"), lines[2])
}

func TestAccountAdd_WrongPassphraseChangesNothing(t *testing.T) {
	// given an account in the encrypted file
	paths, srv := accountHome(t, noSecretService)
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountMain))
	t.Setenv(credentials.EnvPassphrase, testPassphrase)
	_, errOut, err := runAccount(t, "add", "shop", "--site", "custom", "--url", srv.URL(), "--store", "file")
	require.NoError(t, err, errOut)
	credentials.Lock(paths.CredentialsFile())
	before, err := os.ReadFile(paths.CredentialsFile())
	require.NoError(t, err)
	list, err := os.ReadFile(paths.AccountsFile())
	require.NoError(t, err)

	// when another account is added and the first synced with a wrong passphrase
	t.Setenv(credentials.EnvPassphrase, "not the passphrase")
	_, _, addErr := runAccount(t, "add", "second", "--site", "cn", "--store", "file")
	syncOut, syncErr := runSyncOnce(t, "shop")

	// then both say the passphrase is wrong and neither file changed
	require.ErrorIs(t, addErr, credentials.ErrWrongPassphrase)
	assert.ErrorContains(t, addErr, credentials.EnvPassphrase)
	require.ErrorIs(t, syncErr, credentials.ErrWrongPassphrase, syncOut)
	after, err := os.ReadFile(paths.CredentialsFile())
	require.NoError(t, err)
	assert.Equal(t, before, after)
	listAfter, err := os.ReadFile(paths.AccountsFile())
	require.NoError(t, err)
	assert.Equal(t, list, listAfter)
}

func TestAccountEnvStore_KeepsTheCachePinnedToItsAccount(t *testing.T) {
	// given an env-store account synced once with the main account's keys
	paths, srv := accountHome(t, noSecretService)
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountMain))
	_, errOut, err := runAccount(t, "add", "shop", "--site", "custom", "--url", srv.URL(), "--store", "env")
	require.NoError(t, err, errOut)
	out, err := runSyncOnce(t, "shop")
	require.NoError(t, err, out)
	orders := cachedOrders(t, paths, "shop")

	// when the variables now hold another seller's keys
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountIntl))
	out, err = runSyncOnce(t, "shop")

	// then the sync is refused and the cache keeps only the first seller's records
	require.ErrorIs(t, err, syncer.ErrAccountMismatch, out)
	assert.Equal(t, orders, cachedOrders(t, paths, "shop"))
}

func TestAccountAdd_KeyringWhereItWorks(t *testing.T) {
	// given a working keyring
	paths, srv := accountHome(t, nil)
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountMain))

	// when an account is added without --store, then synced without the variables
	_, errOut, err := runAccount(t, "add", "shop", "--site", "custom", "--url", srv.URL())
	require.NoError(t, err, errOut)
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")
	out, syncErr := runSyncOnce(t, "shop")

	// then the keyring was the default, no credentials file was made, and sync read it
	assert.Contains(t, errOut, "Keys will be kept in the OS keyring. "+credentials.ReasonDefaultKeyring)
	require.NoError(t, syncErr, out)
	assert.NoFileExists(t, paths.CredentialsFile())
	assert.Positive(t, cachedOrders(t, paths, "shop"))
}

func TestAccountEditRename_CarriesKeysAndCache(t *testing.T) {
	// given a synced file-store account
	paths, srv := accountHome(t, noSecretService)
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountMain))
	t.Setenv(credentials.EnvPassphrase, testPassphrase)
	_, errOut, err := runAccount(t, "add", "shop", "--site", "custom", "--url", srv.URL())
	require.NoError(t, err, errOut)
	out, err := runSyncOnce(t, "shop")
	require.NoError(t, err, out)
	orders := cachedOrders(t, paths, "shop")
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")

	// when it is renamed
	out, errOut, err = runAccount(t, "edit", "shop", "--name", "杭州店")

	// then the cache moved with its records, the keys answer to the new name only
	require.NoError(t, err, errOut)
	assert.Contains(t, out, "Saved 杭州店")
	oldDir, err := paths.AccountDataDir("shop")
	require.NoError(t, err)
	assert.NoDirExists(t, oldDir)
	assert.Equal(t, orders, cachedOrders(t, paths, "杭州店"))
	_, err = credentials.Lookup("shop")
	assert.Error(t, err)
	out, err = runSyncOnce(t, "杭州店")
	require.NoError(t, err, out)
	assert.Regexp(t, `\n  orders +0 +0 +0 `, out, "the second sync starts from the carried cursor")
}

func TestAccountRemove_DeletesKeysKeepsCache(t *testing.T) {
	// given a synced file-store account
	paths, srv := accountHome(t, noSecretService)
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountMain))
	t.Setenv(credentials.EnvPassphrase, testPassphrase)
	_, errOut, err := runAccount(t, "add", "shop", "--site", "custom", "--url", srv.URL())
	require.NoError(t, err, errOut)
	out, err := runSyncOnce(t, "shop")
	require.NoError(t, err, out)

	// when it is removed
	out, errOut, err = runAccount(t, "remove", "shop")

	// then its keys are gone from the file, the list is empty, and the cache is kept and said so
	require.NoError(t, err, errOut)
	dir, err := paths.AccountDataDir("shop")
	require.NoError(t, err)
	assert.Contains(t, out, "Its local cache stays in "+dir)
	assert.DirExists(t, dir)
	_, err = credentials.LoadKeys(paths, config.KeyStoreFile, "shop")
	assert.ErrorIs(t, err, credentials.ErrNotFound)
	list, err := config.LoadAccounts(paths.AccountsFile())
	require.NoError(t, err)
	assert.Empty(t, list)
}

func TestAccount_BadInputWritesNothing(t *testing.T) {
	paths, srv := accountHome(t, noSecretService)
	useEnvKeys(t, sandboxCred(t, srv, sandbox.AccountMain))
	_, errOut, err := runAccount(t, "add", "Shop", "--site", "custom", "--url", srv.URL(), "--store", "env")
	require.NoError(t, err, errOut)
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no site", nil, []string{"add", "x"}, "--site is required"},
		{"unknown site", nil, []string{"add", "x", "--site", "moon"}, "unknown site"},
		{"custom without url", nil, []string{"add", "x", "--site", "custom"}, "needs a base URL"},
		{"plain http off loopback", nil, []string{"add", "x", "--site", "custom", "--url", "http://example.com"}, "only allowed for a loopback host"},
		{"name taken ignoring case", nil, []string{"add", "shop", "--site", "cn", "--store", "env"}, `"Shop" exists already`},
		{"keyring absent", nil, []string{"add", "x", "--site", "cn", "--store", "keyring"}, "cannot be used here"},
		{"unknown store", nil, []string{"add", "x", "--site", "cn", "--store", "vault"}, "unknown key store"},
		{"no passphrase, no terminal", nil, []string{"add", "x", "--site", "cn", "--store", "file"}, credentials.EnvPassphrase},
		{"short new passphrase", map[string]string{credentials.EnvPassphrase: "short"}, []string{"add", "x", "--site", "cn", "--store", "file"}, "at least 8"},
		{"half a key pair", map[string]string{credentials.EnvPassphrase: testPassphrase, credentials.EnvSK: ""}, []string{"add", "x", "--site", "cn", "--store", "file"}, "only one of"},
		{"env store without variables", map[string]string{credentials.EnvAK: "", credentials.EnvSK: ""}, []string{"add", "x", "--site", "cn", "--store", "env"}, "are not both set"},
		{"edit unknown", nil, []string{"edit", "nope", "--site", "cn"}, "account not found"},
		{"remove unknown", nil, []string{"remove", "nope"}, "account not found"},
		{"unknown subcommand", nil, []string{"rename"}, "unknown subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, _, err := runAccount(t, tt.args...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			list, err := config.LoadAccounts(paths.AccountsFile())
			require.NoError(t, err)
			assert.Len(t, list, 1)
			assert.NoFileExists(t, paths.CredentialsFile())
		})
	}
}

func TestAccountEdit_SiteURLAndStore(t *testing.T) {
	// given a keyring account on the China site
	paths, srv := accountHome(t, nil)
	main := sandboxCred(t, srv, sandbox.AccountMain)
	useEnvKeys(t, main)
	_, errOut, err := runAccount(t, "add", "shop", "--site", "cn", "--store", "keyring")
	require.NoError(t, err, errOut)

	// when it is pointed at the sandbox and moved to the environment store
	out, errOut, err := runAccount(t, "edit", "shop", "--site", "custom", "--url", srv.URL(), "--store", "env")

	// then the list shows the new URL and store, the keyring entry is gone, and sync works from the variables
	require.NoError(t, err, errOut)
	assert.Contains(t, out, "read from "+credentials.EnvAK)
	list, _, err := runAccount(t, "list")
	require.NoError(t, err)
	assert.Regexp(t, `shop +custom +`+srv.URL()+` +environment\n`, list)
	_, err = credentials.LoadKeys(paths, config.KeyStoreKeyring, "shop")
	assert.ErrorIs(t, err, credentials.ErrNotFound)
	syncOut, err := runSyncOnce(t, "shop")
	require.NoError(t, err, syncOut)

	// and back to a public site, the custom URL is dropped
	_, errOut, err = runAccount(t, "edit", "shop", "--site", "intl")
	require.NoError(t, err, errOut)
	list, _, err = runAccount(t, "list")
	require.NoError(t, err)
	assert.Regexp(t, `shop +intl +https://mkt-intl.myhuaweicloud.com +environment\n`, list)
}
