package syncer

import (
	"context"
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// agentTurns counts the ticket's messages with body text on the sandbox.
func agentTurns(t *testing.T, sb *sandbox.Server, acct, id, body string) int {
	t.Helper()
	r, ok := sb.Record(acct, domain.ResTickets, id)
	require.True(t, ok)
	n := 0
	for _, m := range r.(domain.Ticket).Messages {
		if m.Body == body {
			n++
		}
	}
	return n
}

// queueSeen queues an action on a ticket as the detail does: with what
// the agent's cache shows of it.
func queueSeen(t *testing.T, r *rig, id, key string, name domain.ActionName, p domain.ActionParams) {
	t.Helper()
	tk, ok, err := localstore.Get[domain.Ticket](r.store, id)
	require.NoError(t, err)
	require.True(t, ok)
	_, err = r.store.Enqueue(domain.Action{Key: key, Resource: domain.ResTickets, RecordID: id,
		Name: name, Params: p, Seen: domain.SeenOf(tk)})
	require.NoError(t, err)
}

func actionByKey(t *testing.T, s *localstore.Store, id, key string) domain.Action {
	t.Helper()
	acts, err := s.ActionsFor(domain.ResTickets, id)
	require.NoError(t, err)
	for _, a := range acts {
		if a.Key == key {
			return a
		}
	}
	t.Fatalf("no action %s", key)
	return domain.Action{}
}

// twoAgents are two caches of one seller over a sandbox, both synced, and a
// ticket in processing that either may answer.
func twoAgents(t *testing.T) (sb *sandbox.Server, acct, id string, a, b *rig) {
	sb = startSandbox(t, sandbox.Options{Seed: 7, Tickets: 120})
	acct = mainAccount(t, sb).ID
	ids := ticketsIn(sb, acct, domain.TicketProcessing)
	require.NotEmpty(t, ids)
	a, b = newRig(t, sb, "", nil), newRig(t, sb, "", nil)
	for _, r := range []*rig{a, b} {
		_, err := r.eng.Sync(context.Background())
		require.NoError(t, err)
	}
	return sb, acct, ids[0], a, b
}

func TestTrafficCop_SecondAgentRepliedFirstStopsTheReplyAndSendAnywaySendsOnce(t *testing.T) {
	// given agent A typing a reply while agent B's reply lands first
	sb, acct, id, a, b := twoAgents(t)
	ctx := context.Background()
	queueSeen(t, a, id, "a-reply", domain.ActTicketReply, domain.ActionParams{Agent: "张三", Message: "A's answer"})
	queueSeen(t, b, id, "b-reply", domain.ActTicketReply, domain.ActionParams{Agent: "李四", Message: "B's answer"})
	_, err := b.eng.Sync(ctx)
	require.NoError(t, err)

	// when A's sender runs
	sum, err := a.eng.Sync(ctx)
	require.NoError(t, err)

	// then A's reply is held, not sent, and says what changed
	stopped := actionByKey(t, a.store, id, "a-reply")
	assert.Equal(t, domain.ActionStopped, stopped.State)
	assert.Equal(t, 1, sum.Push.Stopped)
	require.Len(t, stopped.Changes, 1)
	assert.Equal(t, domain.ChangeAgentReply, stopped.Changes[0].Kind)
	assert.Equal(t, "李四", stopped.Changes[0].Who)
	assert.Contains(t, stopped.Reason, "李四 replied: B's answer")
	assert.Zero(t, agentTurns(t, sb, acct, id, "A's answer"))
	cached, _, err := localstore.Get[domain.Ticket](a.store, id)
	require.NoError(t, err)
	assert.Equal(t, "B's answer", cached.Messages[len(cached.Messages)-1].Body, "A's cache shows B's reply")

	// and another round leaves it held
	_, err = a.eng.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, domain.ActionStopped, actionByKey(t, a.store, id, "a-reply").State)

	// when A sends anyway, and the sender runs twice
	require.NoError(t, a.store.UpdateAction(stopped.SendAnyway()))
	for range 2 {
		_, err = a.eng.Sync(ctx)
		require.NoError(t, err)
	}

	// then it went out exactly once
	assert.Equal(t, domain.ActionDone, actionByKey(t, a.store, id, "a-reply").State)
	assert.Equal(t, 1, agentTurns(t, sb, acct, id, "A's answer"))
}

func TestTrafficCop_QueuedOfflineIsCheckedWhenItLeaves(t *testing.T) {
	// given A's resolve queued while the marketplace cannot be reached
	sb, acct, id, a, b := twoAgents(t)
	ctx := context.Background()
	sb.SetOffline(true)
	queueSeen(t, a, id, "a-resolve", domain.ActTicketResolve, domain.ActionParams{Agent: "张三", Cause: "c", Solution: "s"})
	_, err := a.eng.Sync(ctx)
	require.Error(t, err)
	assert.Equal(t, domain.ActionPending, actionByKey(t, a.store, id, "a-resolve").State)

	// when the network is back, B has written a note meanwhile, and A's sender runs
	sb.SetOffline(false)
	queueSeen(t, b, id, "b-note", domain.ActTicketNote, domain.ActionParams{Agent: "李四", Message: "customer called"})
	_, err = b.eng.Sync(ctx)
	require.NoError(t, err)
	a.eng.ClearOfflineWait()
	_, err = a.eng.Sync(ctx)
	require.NoError(t, err)

	// then the resolve is held with the note named, and the ticket is not resolved
	got := actionByKey(t, a.store, id, "a-resolve")
	assert.Equal(t, domain.ActionStopped, got.State)
	require.Len(t, got.Changes, 1)
	assert.Equal(t, domain.ChangeAgentNote, got.Changes[0].Kind)
	r, _ := sb.Record(acct, domain.ResTickets, id)
	assert.Equal(t, domain.TicketProcessing, r.(domain.Ticket).Status)
}

func TestTrafficCop_TheAgentsOwnEarlierActionsDoNotStopTheReply(t *testing.T) {
	// given an agent who, seeing a waiting ticket, queues accept and then two replies
	sb := startSandbox(t, sandbox.Options{Seed: 7, Tickets: 120})
	acct := mainAccount(t, sb).ID
	ids := ticketsIn(sb, acct, domain.TicketPendingAccept)
	require.NotEmpty(t, ids)
	a := newRig(t, sb, "", nil)
	ctx := context.Background()
	_, err := a.eng.Sync(ctx)
	require.NoError(t, err)
	queueSeen(t, a, ids[0], "accept", domain.ActTicketAccept, domain.ActionParams{Agent: "张三"})
	queueSeen(t, a, ids[0], "reply", domain.ActTicketReply, domain.ActionParams{Agent: "张三", Message: "on it"})
	queueSeen(t, a, ids[0], "reply-2", domain.ActTicketReply, domain.ActionParams{Agent: "张三", Message: "and more"})

	// when the sender runs (the accept and the first reply move the version before the checks)
	sum, err := a.eng.Sync(ctx)
	require.NoError(t, err)

	// then both go out: the only change is the agent's own
	assert.Zero(t, sum.Push.Stopped)
	assert.Equal(t, domain.ActionDone, actionByKey(t, a.store, ids[0], "reply").State)
	assert.Equal(t, domain.ActionDone, actionByKey(t, a.store, ids[0], "reply-2").State)
	assert.Equal(t, 1, agentTurns(t, sb, acct, ids[0], "on it"))
	assert.Equal(t, 1, agentTurns(t, sb, acct, ids[0], "and more"))
}

func TestTrafficCop_LaterActionsWaitBehindAStoppedOne(t *testing.T) {
	// given A's reply and then await-customer, and B's reply landing first
	_, _, id, a, b := twoAgents(t)
	ctx := context.Background()
	queueSeen(t, a, id, "a-reply", domain.ActTicketReply, domain.ActionParams{Agent: "张三", Message: "A"})
	queueSeen(t, a, id, "a-await", domain.ActTicketAwaitCustomer, domain.ActionParams{Agent: "张三"})
	queueSeen(t, b, id, "b-reply", domain.ActTicketReply, domain.ActionParams{Agent: "李四", Message: "B"})
	_, err := b.eng.Sync(ctx)
	require.NoError(t, err)

	// when A's sender runs
	_, err = a.eng.Sync(ctx)
	require.NoError(t, err)

	// then the await-customer did not overtake the held reply
	assert.Equal(t, domain.ActionStopped, actionByKey(t, a.store, id, "a-reply").State)
	assert.Equal(t, domain.ActionPending, actionByKey(t, a.store, id, "a-await").State)
}

func TestTrafficCop_WhatTheCheckFetchedIsPassedOnAsSomeoneElsesChange(t *testing.T) {
	// given A's engine reporting its changes, and B's reply landing while A types
	_, _, id, a, b := twoAgents(t)
	ctx := context.Background()
	var got []domain.Change
	eng, err := NewEngine(EngineOptions{Client: sandboxClient(t, a.sb, a.acct, nil), Store: a.store,
		OnChanges: func(ch []domain.Change) { got = append(got, ch...) }})
	require.NoError(t, err)
	queueSeen(t, a, id, "a-reply", domain.ActTicketReply, domain.ActionParams{Agent: "张三", Message: "A"})
	queueSeen(t, b, id, "b-reply", domain.ActTicketReply, domain.ActionParams{Agent: "李四", Message: "B"})
	_, err = b.eng.Sync(ctx)
	require.NoError(t, err)

	// when A's sender checks the ticket before sending
	_, err = eng.Push(ctx)
	require.NoError(t, err)

	// then the ticket with B's reply reached the notifications, not marked as A's own
	require.Len(t, got, 1)
	assert.Equal(t, id, got[0].ID)
	assert.False(t, got[0].Ours, "B's reply is not the console's own doing")
}
