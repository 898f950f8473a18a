package notify

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// shanghai is the merchant's zone in these tests; quiet hours are local time.
var shanghai = time.FixedZone("CST", 8*3600)

// noon is a working-day moment outside the default quiet hours.
var noon = time.Date(2026, 11, 20, 12, 0, 0, 0, shanghai)

// clock is a controllable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// inbox collects what the engine delivers.
type inbox struct {
	mu  sync.Mutex
	got []Notification
}

func (b *inbox) Deliver(n Notification) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.got = append(b.got, n)
}

// Take returns and forgets what arrived so far.
func (b *inbox) Take() []Notification {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.got
	b.got = nil
	return out
}

// openStore opens a real cache file in dir, closed when the test ends.
func openStore(t *testing.T, dir, account string) *localstore.Store {
	t.Helper()
	s, err := localstore.Open(filepath.Join(dir, account+".db"), account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// fixture is an engine watching one real cache, with a clock and an inbox.
type fixture struct {
	clock  *clock
	inbox  *inbox
	engine *Engine
	store  *localstore.Store
}

func newFixture(t *testing.T, settings Settings, at time.Time) *fixture {
	t.Helper()
	f := &fixture{clock: &clock{now: at}, inbox: &inbox{}, store: openStore(t, t.TempDir(), "acct-1")}
	f.engine = newTestEngine(t, f.clock, f.inbox, settings)
	f.engine.AddAccount(f.store, "Shop One")
	return f
}

func newTestEngine(t *testing.T, c *clock, b *inbox, settings Settings) *Engine {
	t.Helper()
	e, err := NewEngine(Options{Settings: settings, Now: c.Now, Location: shanghai, Deliver: b.Deliver})
	require.NoError(t, err)
	return e
}

// apply stores records as a sync would and returns the changes the cache reports.
func apply(t *testing.T, s *localstore.Store, res domain.Resource, recs ...domain.Record) []domain.Change {
	t.Helper()
	changes, err := s.ApplyPage(localstore.Page{Resource: res, Items: recs})
	require.NoError(t, err)
	return changes
}

// sync stores records and hands the changes to the engine, as the sync engine does.
func (f *fixture) sync(t *testing.T, res domain.Resource, recs ...domain.Record) []Notification {
	t.Helper()
	require.NoError(t, f.engine.HandleChanges(apply(t, f.store, res, recs...)))
	return f.inbox.Take()
}

// tick runs the deadline ticker once.
func (f *fixture) tick(t *testing.T) []Notification {
	t.Helper()
	require.NoError(t, f.engine.Tick())
	return f.inbox.Take()
}

func meta(account, id string, version int64, at time.Time) domain.Meta {
	return domain.Meta{ID: id, Account: account, Version: version, UpdatedAt: at}
}

// failingAlert is an open create-instance failure that unsubscribes at deadline.
func failingAlert(id string, version int64, failedAt, deadline time.Time) domain.InterfaceAlert {
	return domain.InterfaceAlert{
		Meta: meta("acct-1", id, version, failedAt), OrderID: "CS" + id, ProductName: "云主机安全",
		CustomerName: "客户甲", Kind: domain.IfaceCreateInstance, Attempts: 3, LastCode: "000005",
		FirstFailureAt: failedAt, LastAttemptAt: failedAt, UnsubscribeAt: deadline, State: domain.AlertRetrying,
	}
}

func openTicket(id string, version int64, created time.Time, msgs ...domain.TicketMessage) domain.Ticket {
	return domain.Ticket{
		Meta: meta("acct-1", id, version, created), Subject: "无法登录 " + id, CustomerName: "客户乙",
		ProductName: "SaaS 办公", Status: domain.TicketProcessing, CreatedAt: created,
		SLADue: created.Add(24 * time.Hour), Messages: msgs,
	}
}

func newOrder(id string, created time.Time) domain.Order {
	return domain.Order{
		Meta: meta("acct-1", id, 1, created), Type: domain.OrderNew, Status: domain.OrderProcessing,
		CreatedAt: created, ProductName: "License 基础版", Amount: 12900, Currency: "CNY",
	}
}

func keysOf(ns []Notification) []string {
	var keys []string
	for _, n := range ns {
		keys = append(keys, n.Key)
	}
	return keys
}

// allOn turns every rule on, popping up, so a test sees each kind.
func allOn() Settings {
	s := DefaultSettings()
	for _, k := range AllKinds {
		r := s.Rule(k)
		r.On, r.Popup = true, true
		s.Rules[k] = r
	}
	return s
}
