package service

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
)

// offlineService is the main sandbox account synced once, then cut off from
// the sandbox and started, with an offline backoff of a minute: anything
// sent sooner after the network returns was sent because the console
// noticed, not because the backoff ran out.
func offlineService(t *testing.T) (*Service, string) {
	t.Helper()
	s, name := offlineUnstarted(t)
	s.Start()
	return s, name
}

// offlineUnstarted is offlineService before Start: nothing sends, so an
// outbox entry stays exactly as the test leaves it.
func offlineUnstarted(t *testing.T) (*Service, string) {
	t.Helper()
	s := open(t, Options{Paths: testPaths(t), SandboxOptions: &small, SandboxAccount: sandbox.AccountMain,
		Schedule: ScheduleTuning{Tick: 100 * time.Millisecond, OfflineMin: time.Minute, OfflineMax: time.Minute}})
	name := config.SandboxAccountName(sandbox.AccountMain)
	_, err := s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	s.sandbox.SetOffline(true)
	return s, name
}

// waitingTicket is a cached ticket no agent has accepted yet.
func waitingTicket(t *testing.T, st *localstore.Store) domain.Ticket {
	t.Helper()
	tks, _, err := localstore.List[domain.Ticket](st, localstore.Query{Statuses: []string{string(domain.TicketPendingAccept)}, Limit: 1})
	require.NoError(t, err)
	require.NotEmpty(t, tks, "the sandbox world has a ticket waiting for acceptance")
	return tks[0]
}

func ticketAction(tk domain.Ticket, key string, name domain.ActionName, p domain.ActionParams) domain.Action {
	p.Agent = "李四"
	return domain.Action{Key: key, Account: config.SandboxAccountName(sandbox.AccountMain), Resource: domain.ResTickets,
		RecordID: tk.ID, Name: name, Params: p}
}

// roundFailed waits until the scheduler gave up a round and set its backoff.
func roundFailed(t *testing.T, s *Service, name string) {
	t.Helper()
	require.Eventually(t, func() bool {
		st := s.State(name)
		return st.Status == syncer.StatusOffline && !st.NextRetry.IsZero()
	}, 30*time.Second, 20*time.Millisecond)
}

func TestOffline_TheFirstFailedRequestShowsOfflineWithItsCause(t *testing.T) {
	// given an account whose marketplace stopped answering
	s, name := offlineService(t)

	// when its scheduler makes its first request, then it reads offline with a
	// cause long before the client's round of retries (about 8 s) ends
	require.Eventually(t, func() bool { return s.State(name).Status == syncer.StatusOffline }, 3*time.Second, 10*time.Millisecond)
	assert.Equal(t, syncer.CauseNetwork, s.State(name).Cause, "the sandbox drops connections")
}

func TestOffline_ThePendingCountIsTheOutboxNotTheLastSyncsFigure(t *testing.T) {
	// given an offline account whose scheduler gave up a round
	s, name := offlineService(t)
	roundFailed(t, s, name)
	tk := waitingTicket(t, s.Store(name))

	// when two actions are queued straight into the cache, with no sync since
	_, err := s.Store(name).Enqueue(ticketAction(tk, "k-accept", domain.ActTicketAccept, domain.ActionParams{}))
	require.NoError(t, err)
	_, err = s.Store(name).Enqueue(ticketAction(tk, "k-reply", domain.ActTicketReply, domain.ActionParams{Message: "您好"}))
	require.NoError(t, err)

	// then the state counts both at once
	assert.Equal(t, 2, s.State(name).Outbox)
}

func TestOffline_WhenTheNetworkReturnsTheOutboxGoesWithinSecondsWithoutSyncNow(t *testing.T) {
	// given an accept queued offline (straight into the cache: no kick),
	// the round that tried to send it failed, the backoff a minute long
	s, name := offlineUnstarted(t)
	tk := waitingTicket(t, s.Store(name))
	_, err := s.Store(name).Enqueue(ticketAction(tk, "k-accept", domain.ActTicketAccept, domain.ActionParams{}))
	require.NoError(t, err)
	s.Start()
	roundFailed(t, s, name)
	acts, err := s.Store(name).ActionsFor(domain.ResTickets, tk.ID)
	require.NoError(t, err)
	require.Equal(t, domain.ActionPending, acts[0].State)
	require.Positive(t, acts[0].Attempts, "the failed round tried it")

	// when the marketplace answers again
	s.sandbox.SetOffline(false)

	// then the accept is delivered within seconds, with nobody asking
	require.Eventually(t, func() bool {
		acts, err := s.Store(name).ActionsFor(domain.ResTickets, tk.ID)
		return err == nil && len(acts) == 1 && acts[0].State == domain.ActionDone
	}, 10*time.Second, 50*time.Millisecond)
	assert.Eventually(t, func() bool { return s.State(name).Status == syncer.StatusOnline }, 10*time.Second, 50*time.Millisecond)
}

func TestOffline_AcceptThenReplyQueuedOfflineGoOutOnceInOrder(t *testing.T) {
	// given an offline account, not yet started so that one round meets
	// both actions, and a ticket waiting for acceptance
	s, name := offlineUnstarted(t)
	st := s.Store(name)
	tk := waitingTicket(t, st)
	applied := s.sandbox.Applied(sandbox.AccountMain)

	// when the agent accepts it, then the record shown allows a reply at once
	_, err := s.Enqueue(ticketAction(tk, "k-accept", domain.ActTicketAccept, domain.ActionParams{}))
	require.NoError(t, err)
	acts, err := st.ActionsFor(domain.ResTickets, tk.ID)
	require.NoError(t, err)
	shown, _ := domain.WithQueued(tk, acts)
	require.True(t, domain.Allows(shown, domain.ActTicketReply), "an accepted ticket takes a reply while offline")
	_, err = s.Enqueue(ticketAction(tk, "k-reply", domain.ActTicketReply, domain.ActionParams{Message: "您好，正在处理"}))
	require.NoError(t, err)
	cached, _, err := localstore.Get[domain.Ticket](st, tk.ID)
	require.NoError(t, err)
	assert.Equal(t, domain.TicketPendingAccept, cached.Status, "the cache keeps the server's version")

	// and, after a round that failed to send them, the network returns
	s.Start()
	roundFailed(t, s, name)
	s.sandbox.SetOffline(false)

	// then both are delivered, the reply after the accept (else it is refused), each once
	require.Eventually(t, func() bool {
		n, err := st.PendingCount()
		return err == nil && n == 0
	}, 15*time.Second, 50*time.Millisecond)
	acts, err = st.ActionsFor(domain.ResTickets, tk.ID)
	require.NoError(t, err)
	require.Len(t, acts, 2)
	for _, a := range acts {
		assert.Equal(t, domain.ActionDone, a.State, "%s: %s", a.Name, a.Reason)
	}
	assert.Equal(t, applied+2, s.sandbox.Applied(sandbox.AccountMain))
	rec, ok := s.sandbox.Record(sandbox.AccountMain, domain.ResTickets, tk.ID)
	require.True(t, ok)
	server := rec.(domain.Ticket)
	assert.Equal(t, domain.TicketProcessing, server.Status)
	replies := 0
	for _, m := range server.Messages {
		if m.Body == "您好，正在处理" {
			replies++
		}
	}
	assert.Equal(t, 1, replies)
}

func TestOutbox_RetryEditDiscardThroughTheService(t *testing.T) {
	// given an account with a reply refused (on a ticket not yet accepted)
	s, name := offlineUnstarted(t)
	st := s.Store(name)
	tk := waitingTicket(t, st)
	refused, err := st.Enqueue(ticketAction(tk, "k-reply", domain.ActTicketReply, domain.ActionParams{Message: "初稿"}))
	require.NoError(t, err)
	refused.State, refused.Attempts, refused.ReasonCode = domain.ActionRejected, 1, "INVALID_STATE"
	require.NoError(t, st.UpdateAction(refused))
	unsent, err := st.Enqueue(ticketAction(tk, "k-accept", domain.ActTicketAccept, domain.ActionParams{}))
	require.NoError(t, err)

	// when the reply is retried, the retry edited before it left, and the accept discarded
	retried, err := s.RetryAction(name, refused.Key)
	require.NoError(t, err)
	assert.Equal(t, "初稿", retried.Params.Message)
	_, err = s.EditAction(name, retried.Key, domain.ActionParams{Agent: "李四", Message: "改稿"})
	require.NoError(t, err)
	_, err = s.DiscardAction(name, unsent.Key)
	require.NoError(t, err)
	_, err = s.RetryAction(name, refused.Key)
	require.ErrorIs(t, err, localstore.ErrActionDiscarded, "a replaced entry is not sent twice")

	// then only the edited reply waits, and nothing reached the marketplace
	pending, err := st.PendingActions()
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, "改稿", pending[0].Params.Message)
	assert.Equal(t, 1, s.State(name).Outbox)
	_, err = s.DiscardAction("nobody", unsent.Key)
	assert.Error(t, err)
}

func TestSyncNow_WithoutANameWakesEveryAccount(t *testing.T) {
	// given a started account, synced, whose next rounds are an hour away
	hour := map[domain.Resource]time.Duration{}
	for _, r := range domain.AllResources {
		hour[r] = time.Hour
	}
	s := open(t, Options{Paths: testPaths(t), SandboxOptions: &small, SandboxAccount: sandbox.AccountMain, Intervals: hour,
		Schedule: ScheduleTuning{Tick: 100 * time.Millisecond}})
	name := config.SandboxAccountName(sandbox.AccountMain)
	s.Start()
	require.Eventually(t, func() bool { return s.State(name).Status == syncer.StatusOnline }, 30*time.Second, 20*time.Millisecond)
	s.sandbox.SetOffline(true)

	// when the window's Sync now asks every account (no name)
	s.SyncNow("")

	// then the account tries at once, and finds the marketplace gone
	require.Eventually(t, func() bool { return s.State(name).Status == syncer.StatusOffline }, 3*time.Second, 10*time.Millisecond)
}
