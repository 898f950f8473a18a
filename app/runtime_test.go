package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/ui/kit"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
)

// testRuntime wires a runtime exactly as Run does, minus the window, in a
// fresh MERCHANT_CONSOLE_HOME, on the sandbox.
func testRuntime(t *testing.T, home string) (*runtime, error) {
	t.Helper()
	t.Setenv(config.HomeEnv, home)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	require.NoError(t, paths.Ensure())
	a := test.NewTempApp(t)
	rt := newRuntime(paths, uiprefs.New(a.Preferences()), Options{Sandbox: &sandbox.Options{Seed: 3, Speed: 30}})
	t.Cleanup(rt.close)
	return rt, start(rt, a)
}

func TestRuntimeFirstRunSyncsTheSandbox(t *testing.T) {
	// given no configured account
	rt, err := testRuntime(t, t.TempDir())
	require.NoError(t, err)

	// when the first sync has run
	d := Driver{rt: rt}
	deadline := time.Now().Add(60 * time.Second)
	for !d.Synced() && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	require.True(t, d.Synced(), "first sync within 60 s")

	// then every account is a sandbox account with orders in its cache, shown online
	b := rt.backend(func() {})
	accts := b.Accounts()
	require.NotEmpty(t, accts)
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

func TestRuntimeSecondCopyIsToldTheCacheIsLocked(t *testing.T) {
	// given a console running in a home
	home := t.TempDir()
	_, err := testRuntime(t, home)
	require.NoError(t, err)

	// when a second copy starts in the same home (the sandbox cache is the one it opens)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	second := newRuntime(paths, uiprefs.New(test.NewTempApp(t).Preferences()), Options{Sandbox: &sandbox.Options{Seed: 3}})
	t.Cleanup(second.close)
	require.NoError(t, second.loadAccounts())
	err = second.openStores()

	// then it is refused with ErrLocked, which the start-up window explains
	require.ErrorIs(t, err, localstore.ErrLocked)
	assert.Contains(t, kit.ErrorText(err), "Another copy")
}

func TestLogRedactsSecretsAndRotates(t *testing.T) {
	// given a log directory with an oversized log from an earlier run
	dir := t.TempDir()
	big := bytes.Repeat([]byte("x"), maxLogSize)
	require.NoError(t, os.WriteFile(filepath.Join(dir, logName), big, 0o600))

	// when the log opens and someone logs a signed header and an SK
	var copyOut bytes.Buffer
	sink, err := openLog(dir, &copyOut)
	require.NoError(t, err)
	sink.logger.Info("request", "auth", "SDK-HMAC-SHA256 Access=AKIDEXAMPLE1234567890, Signature=abcdef0123456789")
	sink.logger.Info("env", "line", "HUAWEICLOUD_SDK_SK=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5")
	require.NoError(t, sink.Close())

	// then the old log moved aside and the new one holds no secret
	_, err = os.Stat(filepath.Join(dir, logName+".1"))
	assert.NoError(t, err, "rotated")
	data, err := os.ReadFile(filepath.Join(dir, logName))
	require.NoError(t, err)
	for _, secret := range []string{"abcdef0123456789", "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5", "AKIDEXAMPLE1234567890"} {
		assert.NotContains(t, string(data), secret)
		assert.NotContains(t, copyOut.String(), secret)
	}
	assert.True(t, strings.Contains(string(data), "msg=request"), "the line itself is kept")
}
