package e2e

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/service"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/require"
)

// shopAccount is the seller's account as each console's config names it.
const shopAccount = "koo-shop"

// console is one running copy of the product for one agent, like a second
// desktop: its own home (config and cache) and its own service, opened as
// the window opens it. The keys come from the environment (startWorld, or
// agentConsole for a console on the gateway).
type console struct {
	w      *world
	agent  string
	home   string
	centre *collector
	now    func() time.Time // the clock the console reads: the marketplace's, or the gateway scenario's wall clock

	svc   *service.Service
	store *localstore.Store // the service's cache of shopAccount

	// Syncs may run on a scheduler's goroutine (step 8).
	mu      sync.Mutex
	changes []domain.Change // every change the last syncs applied
	errs    []error         // notification errors seen during syncs
}

// newConsole sets up agent's home, configured with the shop's account on
// the world's marketplace, and opens the console on it; it is closed when
// the test ends.
func newConsole(t *testing.T, w *world, agent string) *console {
	t.Helper()
	return newConsoleOn(t, w, agent, config.Account{Name: shopAccount, Site: config.SiteCustom, BaseURL: w.sb.URL()}, w.now)
}

// newConsoleOn sets up agent's home with the shop's account as acct
// configures it (acct.Name must be shopAccount), and opens the console on
// the clock now; it is closed when the test ends.
func newConsoleOn(t *testing.T, w *world, agent string, acct config.Account, now func() time.Time) *console {
	t.Helper()
	require.Equal(t, shopAccount, acct.Name)
	c := &console{w: w, agent: agent, home: t.TempDir(), centre: &collector{}, now: now}
	t.Setenv(config.HomeEnv, c.home)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	require.NoError(t, paths.Ensure())
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(), []config.Account{acct}))
	c.open(t, nil)
	t.Cleanup(func() {
		if c.svc != nil {
			c.close(t)
		}
	})
	return c
}

// open starts the console in its home; transport nil is the real network.
func (c *console) open(t *testing.T, transport http.RoundTripper) {
	t.Helper()
	t.Setenv(config.HomeEnv, c.home) // service.Open finds the home as the window does
	rules := settings()
	svc, err := service.Open(service.Options{
		Now:       c.now,
		Client:    service.ClientTuning{Timeout: 5 * time.Second, MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond, Transport: transport},
		Schedule:  service.ScheduleTuning{Tick: 5 * time.Millisecond, OfflineMin: 10 * time.Millisecond, OfflineMax: 40 * time.Millisecond},
		Notify:    &rules,
		OnNotice:  c.centre.deliver,
		OnChanges: func(_ string, ch []domain.Change) { c.record(ch, nil) },
		OnProblem: func(_ string, err error) { c.record(nil, err) },
	})
	require.NoError(t, err)
	require.Equal(t, []string{shopAccount}, accountNames(svc))
	c.svc, c.store = svc, svc.Store(shopAccount)
}

func accountNames(svc *service.Service) []string {
	var names []string
	for _, a := range svc.Accounts() {
		names = append(names, a.Name)
	}
	return names
}

func (c *console) record(ch []domain.Change, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changes = append(c.changes, ch...)
	if err != nil {
		c.errs = append(c.errs, err)
	}
}

// close shuts the console down as quitting the app does.
func (c *console) close(t *testing.T) {
	t.Helper()
	require.NoError(t, c.svc.Close())
	c.svc, c.store = nil, nil
}

// restart closes and reopens the console in the same home.
func (c *console) restart(t *testing.T, transport http.RoundTripper) {
	t.Helper()
	c.close(t)
	c.open(t, transport)
}

// sync runs one sync as the scheduler would and returns its summary.
func (c *console) sync(t *testing.T) (syncer.Summary, error) {
	t.Helper()
	c.takeChanges()
	sum, err := c.svc.SyncOnce(context.Background(), shopAccount)
	require.Empty(t, c.notifyErrors(), "notification errors during sync")
	return sum, err
}

// tick runs the deadline check the notification ticker runs.
func (c *console) tick(t *testing.T) {
	t.Helper()
	require.NoError(t, c.svc.CheckDeadlines())
}

// notifications is the console's rule engine.
func (c *console) notifications() *notify.Engine { return c.svc.Notifications() }

// takeChanges returns the changes applied since the last call and forgets them.
func (c *console) takeChanges() []domain.Change {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.changes
	c.changes = nil
	return out
}

func (c *console) notifyErrors() []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]error(nil), c.errs...)
}

// mustSync is a sync that has to succeed.
func (c *console) mustSync(t *testing.T) syncer.Summary {
	t.Helper()
	sum, err := c.sync(t)
	require.NoError(t, err, "%s: sync", c.agent)
	return sum
}

// enqueue queues an action in the outbox as a button press does.
func (c *console) enqueue(t *testing.T, key string, res domain.Resource, id string, name domain.ActionName, p domain.ActionParams) domain.Action {
	t.Helper()
	a, err := c.svc.Enqueue(domain.Action{
		Key: key, Account: shopAccount, Resource: res, RecordID: id, Name: name,
		Params: p, State: domain.ActionPending, CreatedAt: c.now(),
	})
	require.NoError(t, err)
	return a
}

// action reads an outbox entry back by key.
func (c *console) action(t *testing.T, res domain.Resource, id, key string) domain.Action {
	t.Helper()
	acts, err := c.store.ActionsFor(res, id)
	require.NoError(t, err)
	for _, a := range acts {
		if a.Key == key {
			return a
		}
	}
	t.Fatalf("%s: no outbox entry %s on %s %s", c.agent, key, res, id)
	return domain.Action{}
}

// pending lists the outbox entries not yet delivered.
func (c *console) pending(t *testing.T) []domain.Action {
	t.Helper()
	acts, err := c.store.PendingActions()
	require.NoError(t, err)
	return acts
}
