package syncer

import (
	"context"
	"encoding/json"
	"fmt"
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
// id:version as the sandbox (nothing missing, extra or stale), every record
// equal to the sandbox's field by field, the status counts the screens
// show equal to the sandbox's, and the cache's indexes and rows agreeing
// with its records.
func assertConverged(t testing.TB, sb *sandbox.Server, remote string, s *localstore.Store) {
	t.Helper()
	for _, res := range domain.AllResources {
		lines := storeLines(t, s, res)
		assert.Equal(t, sb.Count(remote, res), len(lines), "%s count", res)
		assert.Equal(t, sb.Checksum(remote, res), sandbox.ChecksumOf(lines), "%s checksum", res)
		want := map[string]int{}
		for _, r := range sb.Records(remote, res) {
			want[statusOf(r)]++
			local, ok := localRecord(t, s, res, r.RecordMeta().ID)
			if assert.True(t, ok, "%s %s is cached", res, r.RecordMeta().ID) {
				assert.Equal(t, comparable(t, r), comparable(t, local), "%s %s as cached", res, r.RecordMeta().ID)
			}
		}
		counts, err := s.StatusCounts(res)
		require.NoError(t, err)
		assert.Equal(t, want, counts, "%s status counts", res)
		assert.NoError(t, s.CheckIndexes(res))
	}
}

// statusOf is the status a record is counted under, as the marketplace names it.
func statusOf(r domain.Record) string {
	switch v := r.(type) {
	case domain.Order:
		return string(v.Status)
	case domain.SupervisionTask:
		return string(v.Current)
	case domain.Ticket:
		return string(v.Status)
	case domain.InterfaceAlert:
		return string(v.State)
	case domain.Bill:
		return string(v.Status)
	case domain.TransactionDetail:
		return string(v.Status)
	case domain.Message:
		return string(v.Category)
	}
	return fmt.Sprintf("unknown %T", r)
}

// localRecord reads one cached record of any resource.
func localRecord(t testing.TB, s *localstore.Store, res domain.Resource, id string) (domain.Record, bool) {
	t.Helper()
	get := map[domain.Resource]func() (domain.Record, bool, error){
		domain.ResOrders:       getAs[domain.Order](s, id),
		domain.ResSupervision:  getAs[domain.SupervisionTask](s, id),
		domain.ResTickets:      getAs[domain.Ticket](s, id),
		domain.ResAlerts:       getAs[domain.InterfaceAlert](s, id),
		domain.ResBills:        getAs[domain.Bill](s, id),
		domain.ResTransactions: getAs[domain.TransactionDetail](s, id),
		domain.ResMessages:     getAs[domain.Message](s, id),
	}[res]
	r, ok, err := get()
	require.NoError(t, err)
	return r, ok
}

func getAs[T domain.Record](s *localstore.Store, id string) func() (domain.Record, bool, error) {
	return func() (domain.Record, bool, error) {
		r, ok, err := localstore.Get[T](s, id)
		return r, ok, err
	}
}

// comparable is a record's JSON without its account label (the cache
// relabels the marketplace's account ID to its own name).
func comparable(t testing.TB, r domain.Record) map[string]any {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	delete(m, "account")
	return m
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
