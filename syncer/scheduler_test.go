package syncer

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// states collects a scheduler's state reports.
type states struct {
	mu  sync.Mutex
	all []State
}

func (s *states) add(st State) { s.mu.Lock(); s.all = append(s.all, st); s.mu.Unlock() }

func (s *states) last() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.all) == 0 {
		return State{}
	}
	return s.all[len(s.all)-1]
}

func (s *states) count(st Status) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, x := range s.all {
		if x.Status == st {
			n++
		}
	}
	return n
}

// runScheduler starts s until the test ends.
func runScheduler(t *testing.T, s *Scheduler) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = s.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

var slowIntervals = map[domain.Resource]time.Duration{
	domain.ResOrders: time.Hour, domain.ResSupervision: time.Hour, domain.ResTickets: time.Hour,
	domain.ResAlerts: time.Hour, domain.ResBills: time.Hour, domain.ResTransactions: time.Hour, domain.ResMessages: time.Hour,
}

func TestScheduler_OfflineBackoffThenRecovery(t *testing.T) {
	// given a sandbox that is down and an action waiting in the outbox
	sb := startSandbox(t, sandbox.Options{Seed: 21, Tickets: 200})
	sb.SetOffline(true)
	r := newRig(t, sb, "", nil)
	defer r.close(t)
	ids := ticketsIn(sb, r.acct.ID, domain.TicketProcessing)
	require.NotEmpty(t, ids)
	_, err := r.store.Enqueue(replyAction(1, ids[0]))
	require.NoError(t, err)
	var seen states
	s := NewScheduler(r.eng, SchedulerOptions{Intervals: slowIntervals, OfflineMin: 20 * time.Millisecond,
		OfflineMax: 40 * time.Millisecond, Tick: 10 * time.Millisecond, OnState: seen.add})

	// when the scheduler runs
	runScheduler(t, s)

	// then it reports offline with the outbox count, and keeps retrying on its backoff
	require.Eventually(t, func() bool { return seen.count(StatusOffline) >= 3 }, 10*time.Second, 5*time.Millisecond)
	st := seen.last()
	assert.Equal(t, 1, s.State().Outbox)
	assert.NotEmpty(t, st.LastError)
	assert.True(t, st.LastSync.IsZero())

	// and when the sandbox comes back it goes online, delivers the action and records the sync
	sb.SetOffline(false)
	require.Eventually(t, func() bool { return s.State().Status == StatusOnline }, 10*time.Second, 5*time.Millisecond)
	st = s.State()
	assert.Zero(t, st.Outbox)
	assert.Empty(t, st.LastError)
	assert.False(t, st.LastSync.IsZero())
	assertConverged(t, sb, r.acct.ID, r.store)
}

func TestScheduler_SyncNowAndCatchUpAfterSleep(t *testing.T) {
	// given a scheduler whose intervals are an hour, after its first sync
	sb := startSandbox(t, sandbox.Options{Seed: 22})
	r := newRig(t, sb, "", nil)
	defer r.close(t)
	var syncs atomic.Int32
	var shift atomic.Int64
	opts := SchedulerOptions{Intervals: slowIntervals, Tick: 10 * time.Millisecond,
		OnState: func(st State) {
			if st.Status == StatusOnline {
				syncs.Add(1)
			}
		}}
	s := NewScheduler(r.eng, opts)
	s.wallNow = func() time.Time { return time.Now().Add(time.Duration(shift.Load())) }
	runScheduler(t, s)
	require.Eventually(t, func() bool { return syncs.Load() == 1 }, 10*time.Second, 5*time.Millisecond)

	// when the world changes and "sync now" is pressed
	sb.Advance(24 * time.Hour)
	s.SyncNow()

	// then it syncs at once
	require.Eventually(t, func() bool { return syncs.Load() == 2 }, 10*time.Second, 5*time.Millisecond)
	assertConverged(t, sb, r.acct.ID, r.store)

	// and when the wall clock jumps an hour (the laptop slept), it catches up by itself
	sb.Advance(24 * time.Hour)
	shift.Store(int64(time.Hour))
	require.Eventually(t, func() bool { return syncs.Load() == 3 }, 10*time.Second, 5*time.Millisecond)
	assertConverged(t, sb, r.acct.ID, r.store)
}

func TestManager_AccountsSideBySide(t *testing.T) {
	// given two accounts of the sandbox on two sites, each with its own cache
	sb := startSandbox(t, sandbox.Options{Seed: 23})
	m := NewManager(context.Background())
	defer m.Close()
	stores := map[string]*rig{}
	for _, a := range sb.Accounts() {
		if a.SubAccount {
			continue
		}
		r := &rig{sb: sb, acct: a, path: t.TempDir() + "/c.db"}
		r.open(t, nil)
		defer r.close(t)
		stores[a.ID] = r
		require.NoError(t, m.Add(NewScheduler(r.eng, SchedulerOptions{Intervals: slowIntervals, Tick: 10 * time.Millisecond})))
	}
	require.Len(t, stores, 2)

	// when they sync
	require.Eventually(t, func() bool {
		for _, st := range m.States() {
			if st.Status != StatusOnline {
				return false
			}
		}
		return true
	}, 10*time.Second, 5*time.Millisecond)

	// then each cache holds exactly its own account's records
	for id, r := range stores {
		assertConverged(t, sb, id, r.store)
	}
	assert.Error(t, m.Add(NewScheduler(stores[sandbox.AccountMain].eng, SchedulerOptions{})), "an account syncs once")
	require.NoError(t, m.SyncNow(localName(stores[sandbox.AccountMain].acct)))
	assert.Error(t, m.SyncNow("nobody"))
}

func TestEngine_OneSyncAtATimePerAccount(t *testing.T) {
	// given an engine whose every request takes 20 ms
	sb := startSandbox(t, sandbox.Options{Seed: 24, Faults: sandbox.Faults{LatencyRate: 1, Latency: 20 * time.Millisecond}})
	r := newRig(t, sb, "", nil)
	defer r.close(t)
	var inside, overlap atomic.Int32
	r.eng.opts.OnProgress = func(p Progress) {
		if inside.Add(1) > 1 {
			overlap.Add(1)
		}
		time.Sleep(time.Millisecond)
		inside.Add(-1)
	}

	// when three syncs are started together
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			_, err := r.eng.Sync(context.Background())
			assert.NoError(t, err)
		})
	}
	wg.Wait()

	// then they ran one after another and the cache is right
	assert.Zero(t, overlap.Load())
	assertConverged(t, sb, r.acct.ID, r.store)
}

func TestDefaultIntervalsAreTheDomainsSyncClasses(t *testing.T) {
	// given the domain's kinds, each in one sync class
	for _, k := range domain.Kinds() {
		// then the scheduler's default for the resource is its class's, the
		// same the window's preferences start from (messages included: they
		// once synced every minute here and every two minutes in the window)
		assert.Equal(t, k.Sync.DefaultInterval(), DefaultIntervals[k.Resource], k.Resource)
	}
	assert.Len(t, DefaultIntervals, len(domain.AllResources))
}
