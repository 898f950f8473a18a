package syncer

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sandboxStart is a fixed simulated "now" so worlds are reproducible.
var sandboxStart = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// startSandbox runs a real sandbox on loopback with a stopped clock (the
// world changes only when the test says so).
func startSandbox(t testing.TB, opts sandbox.Options) *sandbox.Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	if opts.Clock == nil {
		opts.Clock = sandbox.NewClock(sandboxStart, 0)
	}
	if opts.Seed == 0 {
		opts.Seed = 42
	}
	opts.NoArrivals = true
	sb, err := sandbox.Start(ctx, opts)
	require.NoError(t, err)
	t.Cleanup(func() { cancel(); _ = sb.Close() })
	return sb
}

// mainAccount is the sandbox's China-site main account.
func mainAccount(t testing.TB, sb *sandbox.Server) sandbox.AccountCred {
	t.Helper()
	for _, a := range sb.Accounts() {
		if a.ID == sandbox.AccountMain {
			return a
		}
	}
	t.Fatalf("sandbox has no account %s", sandbox.AccountMain)
	return sandbox.AccountCred{}
}

// localName is the cache's own name for a sandbox account: deliberately not
// the server's ID, so relabelling is exercised.
func localName(a sandbox.AccountCred) string { return "local-" + a.ID }

func openStore(t testing.TB, path, account string) *localstore.Store {
	t.Helper()
	s, err := localstore.Open(path, account, localstore.Options{NoSync: true, Timeout: 5 * time.Second})
	require.NoError(t, err)
	return s
}

// sandboxClient is a client for one sandbox account; tweak adjusts options.
func sandboxClient(t testing.TB, sb *sandbox.Server, a sandbox.AccountCred, tweak func(*Options)) *Client {
	t.Helper()
	opts := Options{BaseURL: sb.URL(), Signer: apig.Signer{AK: a.AK, SK: a.SK},
		Timeout: 5 * time.Second, BaseDelay: 5 * time.Millisecond, MaxDelay: 50 * time.Millisecond}
	if tweak != nil {
		tweak(&opts)
	}
	c, err := NewClient(opts)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

// rig is one account's client + cache + engine over a sandbox.
type rig struct {
	sb    *sandbox.Server
	acct  sandbox.AccountCred
	path  string
	store *localstore.Store
	eng   *Engine
}

func newRig(t testing.TB, sb *sandbox.Server, path string, tweak func(*Options)) *rig {
	t.Helper()
	a := mainAccount(t, sb)
	if path == "" {
		path = filepath.Join(t.TempDir(), "cache.db")
	}
	r := &rig{sb: sb, acct: a, path: path}
	r.open(t, tweak)
	return r
}

func (r *rig) open(t testing.TB, tweak func(*Options)) {
	t.Helper()
	r.store = openStore(t, r.path, localName(r.acct))
	eng, err := NewEngine(EngineOptions{Client: sandboxClient(t, r.sb, r.acct, tweak), Store: r.store})
	require.NoError(t, err)
	r.eng = eng
}

func (r *rig) close(t testing.TB) {
	t.Helper()
	require.NoError(t, r.store.Close())
}

// storeLines lists "id:version" of the cache's records of res, the form the
// sandbox's checksum uses.
func storeLines(t testing.TB, s *localstore.Store, res domain.Resource) []string {
	t.Helper()
	vs, err := s.Versions(res)
	require.NoError(t, err)
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = v.String()
	}
	return lines
}

// assertConverged checks every resource: same count and same checksum of
// id:version as the sandbox, so nothing is missing, extra or stale.
func assertConverged(t testing.TB, sb *sandbox.Server, remote string, s *localstore.Store) {
	t.Helper()
	for _, res := range domain.AllResources {
		lines := storeLines(t, s, res)
		assert.Equal(t, sb.Count(remote, res), len(lines), "%s count", res)
		assert.Equal(t, sb.Checksum(remote, res), sandbox.ChecksumOf(lines), "%s checksum", res)
	}
}

// syncUntilDone runs syncs as the scheduler would after failures, at most
// rounds times, and returns the last error.
func syncUntilDone(ctx context.Context, e *Engine, rounds int) (int, error) {
	var err error
	for i := 1; i <= rounds; i++ {
		if _, err = e.Sync(ctx); err == nil {
			return i, nil
		}
	}
	return rounds, err
}
