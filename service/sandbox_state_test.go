package service

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
)

// launch is one run of the console on the sandbox in home: it syncs every
// account and checks the deadlines, as the window's first minute does, and
// returns the notices it raised.
type launch struct {
	s       *Service
	mu      sync.Mutex
	notices []notify.Notification
}

func startLaunch(t *testing.T, paths config.Paths) *launch {
	t.Helper()
	rules := notify.DefaultSettings()
	rules.Quiet.On = false
	box := small
	box.Clock = sandbox.NewClock(desktopStart, 0) // nothing happens between the launches
	l := &launch{}
	s, err := Open(Options{Paths: paths, SandboxOptions: &box, Notify: &rules, OnNotice: func(n notify.Notification) {
		l.mu.Lock()
		l.notices = append(l.notices, n)
		l.mu.Unlock()
	}})
	require.NoError(t, err)
	l.s = s
	for _, a := range s.Accounts() {
		_, err := s.SyncOnce(context.Background(), a.Name)
		require.NoError(t, err, a.Name)
	}
	require.NoError(t, s.CheckDeadlines())
	return l
}

func (l *launch) raised() []notify.Notification {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]notify.Notification(nil), l.notices...)
}

func TestTheSandboxWorldAndItsCachesSurviveARestart(t *testing.T) {
	// given a home named by MERCHANT_CONSOLE_HOME, as the window finds it,
	// and a first launch that raised notices, read one, and accepted a ticket
	t.Setenv(config.HomeEnv, t.TempDir())
	first := startLaunch(t, config.Paths{})
	paths := first.s.Paths()
	require.NotEmpty(t, first.raised(), "a first launch has news")
	name := config.SandboxAccountName(sandbox.AccountMain)
	store := first.s.Store(name)
	notices, err := store.Notices(1)
	require.NoError(t, err)
	require.NoError(t, store.MarkNoticeRead(notices[0].Key))
	unread, err := store.UnreadNotices()
	require.NoError(t, err)
	ticket := pendingTicketIn(t, store)
	_, err = first.s.Enqueue(domain.Action{Key: "accept-1", Account: name, Resource: domain.ResTickets,
		RecordID: ticket.ID, Name: domain.ActTicketAccept, Params: domain.ActionParams{Agent: "客服-甲"}})
	require.NoError(t, err)
	_, err = first.s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	orders := orderCount(t, store)
	require.NoError(t, first.s.Close())
	info, err := os.Stat(filepath.Join(paths.Data, sandboxStateFile))
	require.NoError(t, err, "Close saved the world")
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	// when the console is launched again on the same home
	second := startLaunch(t, config.Paths{})
	t.Cleanup(func() { _ = second.s.Close() })
	store = second.s.Store(name)

	// then nothing already told is raised again
	assert.Empty(t, second.raised(), "old notices came back")
	// and the cache, its read marks and the accepted ticket are as they were
	assert.Equal(t, orders, orderCount(t, store))
	again, err := store.UnreadNotices()
	require.NoError(t, err)
	assert.Equal(t, unread, again)
	got, ok, err := localstore.Get[domain.Ticket](store, ticket.ID)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, domain.TicketProcessing, got.Status)
	assert.Equal(t, "客服-甲", got.Assignee)
	// and so is the world the sandbox serves
	rec, ok := second.s.sandbox.Record(sandbox.AccountMain, domain.ResTickets, ticket.ID)
	require.True(t, ok)
	assert.Equal(t, "客服-甲", rec.(domain.Ticket).Assignee)
	assert.Equal(t, 1, second.s.sandbox.Applied(sandbox.AccountMain), "the accept, once")
}

func TestAfterACrashTheSandboxStartsAnewOnEmptyCaches(t *testing.T) {
	// given a launch whose world was never saved (the console crashed), and
	// a launch that keeps only the main account
	paths := testPaths(t)
	first := startLaunch(t, paths)
	require.NoError(t, first.s.Close())
	require.NoError(t, os.Remove(filepath.Join(paths.Data, sandboxStateFile)))
	sub, err := paths.AccountDataDir(config.SandboxAccountName(sandbox.AccountSub))
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(sub, config.CacheFileName))

	// when the console opens again on a new world
	box := small
	again := open(t, Options{Paths: paths, SandboxOptions: &box, SandboxAccount: sandbox.AccountMain})

	// then the main cache starts empty, and the sub-account's cache, which
	// mirrors the lost world, is gone too
	assert.Zero(t, orderCount(t, again.Store(config.SandboxAccountName(sandbox.AccountMain))))
	assert.NoFileExists(t, filepath.Join(sub, config.CacheFileName))
}

func pendingTicketIn(t *testing.T, s *localstore.Store) domain.Ticket {
	t.Helper()
	tickets, _, err := localstore.List[domain.Ticket](s, localstore.Query{Statuses: []string{string(domain.TicketPendingAccept)}, Limit: 1})
	require.NoError(t, err)
	require.NotEmpty(t, tickets, "a ticket waits to be accepted")
	return tickets[0]
}
