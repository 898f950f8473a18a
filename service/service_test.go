package service

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

// testPaths are a fresh home's directories.
func testPaths(t *testing.T) config.Paths {
	home := t.TempDir()
	return config.Paths{Config: filepath.Join(home, "config"), Data: filepath.Join(home, "data"), Logs: filepath.Join(home, "logs")}
}

// small is a sandbox world that syncs in a moment.
var small = sandbox.Options{Seed: 5, Orders: 40, Tickets: 10, Supervision: 10, Alerts: 10, Bills: 3, NoArrivals: true}

func open(t *testing.T, opts Options) *Service {
	t.Helper()
	s, err := Open(opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func orderCount(t *testing.T, s *localstore.Store) int {
	t.Helper()
	_, n, err := localstore.List[domain.Order](s, localstore.Query{Limit: 1})
	require.NoError(t, err)
	return n
}

func TestWithoutAccountsTheSandboxAccountsAreListed(t *testing.T) {
	// given a home without accounts
	paths := testPaths(t)

	// when the console opens
	s := open(t, Options{Paths: paths, SandboxOptions: &small})

	// then it lists every sandbox account
	accts := s.Accounts()
	require.Len(t, accts, 3)
	for _, a := range accts {
		assert.True(t, a.Sandbox, a.Name)
	}
	assert.NotEmpty(t, s.SandboxURL())
}

func TestAnAccountWithoutKeysIsListedButNotSynced(t *testing.T) {
	// given a configured account and no keys anywhere
	keyring.MockInit() // go-keyring's in-memory keyring, empty
	paths := testPaths(t)
	require.NoError(t, paths.Ensure())
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(), []config.Account{{Name: "shop", Site: config.SiteChina}}))
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")

	// when the console opens and the account is synced
	s := open(t, Options{Paths: paths})
	_, err := s.SyncOnce(context.Background(), "shop")

	// then the account is there with its cache, and the sync says why it cannot run
	require.Len(t, s.Accounts(), 1)
	got := s.Accounts()[0]
	assert.Equal(t, Account{Name: "shop", Label: "shop", Site: "cn", URL: config.SiteChina.BaseURL()}, Account{Name: got.Name, Label: got.Label, Site: got.Site, URL: got.URL})
	assert.False(t, got.Locked, "missing keys are not a locked file")
	assert.NotNil(t, s.Store("shop"))
	require.Error(t, err)
	assert.ErrorIs(t, s.State("shop").Problem, credentials.ErrNotFound)
	assert.Empty(t, s.SandboxURL(), "configured accounts never start the sandbox")
}

func TestACacheFileNeedsExactlyOneAccount(t *testing.T) {
	// given the sandbox's three accounts and one cache file
	_, err := Open(Options{Paths: testPaths(t), SandboxOptions: &small, CacheFile: filepath.Join(t.TempDir(), "c.db")})

	// then the console refuses to put them all in it
	assert.ErrorContains(t, err, "exactly one account")
}

func TestExportPeriodIsWholeDaysInItsZone(t *testing.T) {
	// given orders just inside and just outside November in Beijing time
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := localstore.Open(path, "shop", localstore.Options{NoSync: true})
	require.NoError(t, err)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, shanghai) }
	var items []domain.Record
	for id, created := range map[string]time.Time{
		"before": at(2026, 10, 31, 23, 50), "first": at(2026, 11, 1, 0, 10),
		"last": at(2026, 11, 30, 23, 50), "after": at(2026, 12, 1, 0, 10),
	} {
		items = append(items, domain.Order{Meta: domain.Meta{ID: id, Account: "shop", Version: 1, UpdatedAt: created},
			Status: domain.OrderCompleted, CreatedAt: created, Currency: "CNY"})
	}
	_, err = s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: items})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	cache, err := OpenCache(CacheOptions{Paths: testPaths(t), Account: "shop", File: path})
	require.NoError(t, err)
	t.Cleanup(func() { _ = cache.Close() })

	// when November is exported with its last day given as the window gives
	// it (the day's last instant) and as the command line does (its midnight)
	for name, to := range map[string]time.Time{"end of day": at(2026, 11, 30, 0, 0).AddDate(0, 0, 1).Add(-time.Nanosecond),
		"midnight": at(2026, 11, 30, 0, 0)} {
		t.Run(name, func(t *testing.T) {
			res, err := cache.Export(context.Background(), ExportRequest{Kind: domain.ResOrders, Location: shanghai,
				From: at(2026, 11, 1, 0, 0), To: to, Out: filepath.Join(t.TempDir(), "o.csv"), Format: "csv"})

			// then exactly the two November orders are in it
			require.NoError(t, err)
			assert.Equal(t, 2, res.Records)
		})
	}
}

func TestRequestsAreSignedWithTheWallClockWhenTheSandboxRunsFast(t *testing.T) {
	// given the built-in sandbox on a clock an hour ahead per second
	fast := small
	fast.Speed = 3600
	s := open(t, Options{Paths: testPaths(t), SandboxOptions: &fast, SandboxAccount: sandbox.AccountMain})

	// when its clock is further ahead of real time than a signature may be
	require.Eventually(t, func() bool { return s.Now().Sub(time.Now()) > 2*sandbox.MaxSkew },
		5*time.Second, 10*time.Millisecond)
	_, err := s.SyncOnce(context.Background(), config.SandboxAccountName(sandbox.AccountMain))

	// then the marketplace still accepts the requests: they carry the real time
	require.NoError(t, err)
}
