package app

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/service"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
)

// testSandbox is the world the window's tests run on: small and fast.
var testSandbox = sandbox.Options{Seed: 3, Speed: 30}

// openWired wires the service and the backend exactly as Open does, minus
// the window, in home (MERCHANT_CONSOLE_HOME), and starts syncing.
func openWired(t *testing.T, home string) (*uibackend.Backend, error) {
	t.Helper()
	t.Setenv(config.HomeEnv, home)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	a := test.NewTempApp(t)
	prefs := uiprefs.New(a.Preferences())
	svc, err := service.Open(serviceOptions(a, paths, prefs, Options{Sandbox: &testSandbox}, &relay{}))
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { _ = svc.Close() })
	svc.Start()
	return backend(svc, prefs, logName), nil
}

// testBackend is the window's backend on the sandbox in a fresh home.
func testBackend(t *testing.T, home string) *uibackend.Backend {
	t.Helper()
	b, err := openWired(t, home)
	require.NoError(t, err)
	return b
}

// synced reports whether every account finished a first sync.
func synced(b *uibackend.Backend) bool {
	for _, a := range b.Accounts() {
		if b.State(a.ID).LastSync.IsZero() {
			return false
		}
	}
	return true
}

func TestFirstRunSyncsTheSandbox(t *testing.T) {
	// given no configured account
	b := testBackend(t, t.TempDir())

	// when the first sync has run
	require.Eventually(t, func() bool { return synced(b) }, 60*time.Second, 100*time.Millisecond, "first sync")

	// then every account is a sandbox account with orders in its cache, shown online
	accts := b.Accounts()
	require.Len(t, accts, 3)
	for _, a := range accts {
		assert.True(t, a.Sandbox, a.ID)
		_, n, err := localstore.List[domain.Order](b.Store(a.ID), localstore.Query{Limit: 1})
		require.NoError(t, err)
		assert.Positive(t, n, "orders of %s", a.ID)
		st := b.State(a.ID)
		assert.True(t, st.Online, a.ID)
		assert.NoError(t, st.Problem)
	}
}

func TestSecondCopyIsToldTheCacheIsLocked(t *testing.T) {
	// given a console running in a home
	home := t.TempDir()
	testBackend(t, home)

	// when a second copy starts in the same home (the sandbox caches are the ones it opens)
	_, err := openWired(t, home)

	// then it is refused with ErrLocked, which the start-up window explains
	require.ErrorIs(t, err, localstore.ErrLocked)
	assert.Contains(t, kit.ErrorText(err), "Another copy")
}

func TestAccountsAddedAndRemovedWhileSyncing(t *testing.T) {
	// given the window syncing the built-in sandbox, and a marketplace to add accounts of
	keyring.MockInit() // go-keyring's in-memory keyring: no Secret Service in tests
	b := testBackend(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	market, err := sandbox.Start(ctx, testSandbox)
	require.NoError(t, err)
	t.Cleanup(func() { _ = market.Close() })
	keys := market.Accounts()[0]

	// when accounts are added and removed while other goroutines read
	// them as the window's screens do, and Settings saves new intervals
	var readers sync.WaitGroup
	readers.Go(func() { readCaches(ctx, b) })
	readers.Go(func() { lookupOrders(ctx, b) })
	readers.Go(func() { applyPrefs(ctx, b, uiprefs.New(test.NewTempApp(t).Preferences())) })
	for i := range 20 {
		name := fmt.Sprintf("shop-%d", i)
		require.NoError(t, b.SaveAccount(uibackend.AccountForm{Name: name, Site: string(config.SiteCustom),
			BaseURL: market.URL(), AK: keys.AK, SK: keys.SK}))
		b.SyncNow(name)
		time.Sleep(10 * time.Millisecond) // let the first sync start
		require.NoError(t, b.RemoveAccount(name))
	}
	cancel()
	readers.Wait()

	// then (with -race) nothing raced, and only the sandbox's accounts are left
	assert.Len(t, b.Accounts(), 3)
}

// readCaches reads every account's state and cache until ctx ends, as
// the status bar and the screens do.
func readCaches(ctx context.Context, b *uibackend.Backend) {
	for ctx.Err() == nil {
		for _, a := range b.Accounts() {
			_ = b.State(a.ID)
			if s := b.Store(a.ID); s != nil {
				_, _, _ = localstore.List[domain.Order](s, localstore.Query{Limit: 1})
			}
		}
	}
}

// lookupOrders asks about an order of every account until ctx ends, as
// an order's detail does. Its context is already done: the lookup reads the
// account's client and returns at once, so the loop stays tight.
func lookupOrders(ctx context.Context, b *uibackend.Backend) {
	done, cancel := context.WithCancel(ctx)
	cancel()
	for ctx.Err() == nil {
		for _, a := range b.Accounts() {
			_, _ = b.LookupOrder(done, a.ID, "CS-none", "")
		}
	}
}

// applyPrefs saves Settings every few milliseconds until ctx ends, which
// restarts every scheduler.
func applyPrefs(ctx context.Context, b *uibackend.Backend, p uiprefs.Prefs) {
	for ctx.Err() == nil {
		b.ApplyPrefs(p)
		time.Sleep(5 * time.Millisecond)
	}
}
