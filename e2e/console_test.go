package e2e

import (
	"context"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/require"
)

// console is one running copy of the product for one agent: its own cache
// file, sync engine and notification engine, like a second desktop.
type console struct {
	w      *world
	agent  string
	path   string
	centre *collector

	store  *localstore.Store
	client *syncer.Client
	engine *syncer.Engine
	notify *notify.Engine

	// The sync engine may run on a scheduler's goroutine (step 8).
	mu      sync.Mutex
	changes []domain.Change // every change the last syncs applied
	errs    []error         // notification errors seen during syncs
}

// newConsole opens a console for agent on a fresh cache in t.TempDir(); it
// is closed when the test ends.
func newConsole(t *testing.T, w *world, agent string) *console {
	t.Helper()
	c := &console{w: w, agent: agent, path: filepath.Join(t.TempDir(), "cache.db"), centre: &collector{}}
	c.open(t, nil)
	t.Cleanup(func() {
		if c.store != nil {
			c.close(t)
		}
	})
	return c
}

// open starts the console on its cache; transport nil is the real one.
func (c *console) open(t *testing.T, transport http.RoundTripper) {
	t.Helper()
	st, err := localstore.Open(c.path, sandbox.AccountMain, localstore.Options{NoSync: true, Timeout: 5 * time.Second})
	require.NoError(t, err)
	c.store = st
	c.client, err = syncer.NewClient(syncer.Options{
		BaseURL: c.w.sb.URL(), Signer: apig.Signer{AK: c.w.acct.AK, SK: c.w.acct.SK},
		Timeout: 5 * time.Second, MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond,
		Transport: transport,
	})
	require.NoError(t, err)
	c.notify, err = notify.NewEngine(notify.Options{
		Settings: settings(), Now: c.w.now, Location: time.UTC, Deliver: c.centre.deliver,
	})
	require.NoError(t, err)
	c.notify.AddAccount(c.store, c.agent)
	c.engine, err = syncer.NewEngine(syncer.EngineOptions{
		Client: c.client, Store: c.store, Now: c.w.now,
		OnChanges: func(ch []domain.Change) {
			err := c.notify.HandleChanges(ch)
			c.mu.Lock()
			defer c.mu.Unlock()
			c.changes = append(c.changes, ch...)
			if err != nil {
				c.errs = append(c.errs, err)
			}
		},
	})
	require.NoError(t, err)
}

// close shuts the console down as quitting the app would.
func (c *console) close(t *testing.T) {
	t.Helper()
	c.notify.RemoveAccount(c.store.Account())
	c.client.Close()
	require.NoError(t, c.store.Close())
	c.store = nil
}

// restart closes and reopens the console on the same cache file.
func (c *console) restart(t *testing.T, transport http.RoundTripper) {
	t.Helper()
	c.close(t)
	c.open(t, transport)
}

// sync runs one sync as the scheduler would and returns its summary;
// takeChanges returns the changes it applied.
func (c *console) sync(t *testing.T) (syncer.Summary, error) {
	t.Helper()
	c.takeChanges()
	sum, err := c.engine.Sync(context.Background())
	require.Empty(t, c.notifyErrors(), "notification errors during sync")
	return sum, err
}

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

// enqueue queues an action in the outbox as a button press would.
func (c *console) enqueue(t *testing.T, key string, res domain.Resource, id string, name domain.ActionName, p domain.ActionParams) domain.Action {
	t.Helper()
	a, err := c.store.Enqueue(domain.Action{
		Key: key, Account: sandbox.AccountMain, Resource: res, RecordID: id, Name: name,
		Params: p, State: domain.ActionPending, CreatedAt: c.w.now(),
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
