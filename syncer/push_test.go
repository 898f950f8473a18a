package syncer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ticketsIn lists the IDs of a sandbox account's tickets in one status.
func ticketsIn(sb *sandbox.Server, acct string, st domain.TicketStatus) []string {
	var ids []string
	for _, r := range sb.Records(acct, domain.ResTickets) {
		if t := r.(domain.Ticket); t.Status == st {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

func replyAction(i int, ticket string) domain.Action {
	return domain.Action{
		Key: fmt.Sprintf("reply-%03d", i), Resource: domain.ResTickets, RecordID: ticket,
		Name: domain.ActTicketReply, Params: domain.ActionParams{Agent: "王客服", Message: fmt.Sprintf("outbox-%03d", i)},
	}
}

func TestPush_OfflineQueueAcrossRestartsAppliedExactlyOnce(t *testing.T) {
	// given a sandbox that is down, reached through a proxy that can lose replies,
	// and a server that also loses 10% of answers in flight
	sb := startSandbox(t, sandbox.Options{Seed: 11, Tickets: 400, Faults: sandbox.Faults{TruncateRate: 0.10}})
	acct := mainAccount(t, sb).ID
	tickets := ticketsIn(sb, acct, domain.TicketProcessing)
	require.GreaterOrEqual(t, len(tickets), 5)
	tickets = tickets[:5]
	appliedBefore := sb.Applied(acct)
	sb.SetOffline(true)
	proxy := newLossyProxy(t, sb.URL())
	through := func(o *Options) { o.BaseURL = proxy.URL }
	path := filepath.Join(t.TempDir(), "cache.db")

	// when 100 replies are queued over three runs of the client, each failing to deliver
	for run := range 3 {
		r := newRig(t, sb, path, through)
		for i := run * 34; i < min(100, (run+1)*34); i++ {
			_, err := r.store.Enqueue(replyAction(i, tickets[i%len(tickets)]))
			require.NoError(t, err)
		}
		_, err := r.eng.Sync(context.Background())
		require.Error(t, err, "the sandbox is down")
		pending, err := r.store.PendingActions()
		require.NoError(t, err)
		assert.Len(t, pending, min(100, (run+1)*34))
		r.close(t)
	}

	// and the sandbox comes back, but twice the client stops right after the
	// server applied a reply whose answer never reached it, and restarts
	sb.SetOffline(false)
	for _, delivered := range []int{7, 23} {
		proxy.loseReplyAfter(delivered)
		r := newRig(t, sb, path, through)
		_, err := r.eng.Sync(context.Background())
		require.Error(t, err, "the connection is gone after the lost reply")
		r.close(t)
		proxy.up()
	}
	require.Equal(t, 2, proxy.lost)
	r := newRig(t, sb, path, through)
	_, err := syncUntilDone(context.Background(), r.eng, 10)
	require.NoError(t, err)

	// then every reply was applied exactly once, in queue order per ticket,
	// the two whose answers were lost included
	assert.Equal(t, 100, sb.Applied(acct)-appliedBefore)
	pending, err := r.store.PendingActions()
	require.NoError(t, err)
	assert.Empty(t, pending)
	for _, id := range tickets {
		rec, ok := sb.Record(acct, domain.ResTickets, id)
		require.True(t, ok)
		var seen []string
		for _, m := range rec.(domain.Ticket).Messages {
			if strings.HasPrefix(m.Body, "outbox-") {
				seen = append(seen, m.Body)
			}
		}
		assert.Len(t, seen, 20, "ticket %s", id)
		assert.IsIncreasing(t, seen, "ticket %s: replies in queue order", id)
		acts, err := r.store.ActionsFor(domain.ResTickets, id)
		require.NoError(t, err)
		for _, a := range acts {
			assert.Equal(t, domain.ActionDone, a.State, a.Key)
		}
	}
	// and the cache shows the tickets as the sandbox has them
	assertConverged(t, sb, acct, r.store)
}

func TestPush_SecondAgentRejectedWithReason(t *testing.T) {
	// given two agents of one seller, each with their own cache, and a waiting ticket
	sb := startSandbox(t, sandbox.Options{Seed: 5, Tickets: 200})
	acct := mainAccount(t, sb).ID
	waiting := ticketsIn(sb, acct, domain.TicketPendingAccept)
	require.NotEmpty(t, waiting)
	first, second := newRig(t, sb, "", nil), newRig(t, sb, "", nil)
	accept := func(r *rig, agent string) domain.Action {
		_, err := r.store.Enqueue(domain.Action{Key: "accept-" + agent, Resource: domain.ResTickets,
			RecordID: waiting[0], Name: domain.ActTicketAccept, Params: domain.ActionParams{Agent: agent}})
		require.NoError(t, err)
		_, err = r.eng.Sync(context.Background())
		require.NoError(t, err)
		acts, err := r.store.ActionsFor(domain.ResTickets, waiting[0])
		require.NoError(t, err)
		require.Len(t, acts, 1)
		return acts[0]
	}

	// when both accept it, one after the other
	a1 := accept(first, "张三")
	a2 := accept(second, "李四")

	// then the first is done and the second rejected with a reason a person understands
	assert.Equal(t, domain.ActionDone, a1.State)
	assert.Equal(t, domain.ActionRejected, a2.State)
	assert.Equal(t, marketapi.ReasonAlreadyAccepted, a2.ReasonCode)
	assert.Contains(t, a2.Reason, "another agent accepted this ticket first")
	assert.Contains(t, a2.Reason, "另一位客服已先受理此工单")
	got, ok, err := localstore.Get[domain.Ticket](second.store, waiting[0])
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "张三", got.Assignee, "the second cache shows who has it")
}

func TestPush_ResultAppliedWithoutMovingCursor(t *testing.T) {
	// given a synced cache
	sb := startSandbox(t, sandbox.Options{Seed: 9, Tickets: 200})
	r := newRig(t, sb, "", nil)
	_, err := r.eng.Sync(context.Background())
	require.NoError(t, err)
	waiting := ticketsIn(sb, r.acct.ID, domain.TicketPendingAccept)
	require.NotEmpty(t, waiting)
	cursor, err := r.store.Cursor(domain.ResTickets)
	require.NoError(t, err)

	// when an accept is pushed alone
	_, err = r.store.Enqueue(domain.Action{Key: "k1", Resource: domain.ResTickets, RecordID: waiting[0],
		Name: domain.ActTicketAccept, Params: domain.ActionParams{Agent: "赵六"}, CreatedAt: time.Now()})
	require.NoError(t, err)
	sum, err := r.eng.Push(context.Background())

	// then the cache shows the accepted ticket at once, and the cursor waits for the next pull
	require.NoError(t, err)
	assert.Equal(t, PushSummary{Sent: 1, Done: 1}, sum)
	got, _, err := localstore.Get[domain.Ticket](r.store, waiting[0])
	require.NoError(t, err)
	assert.Equal(t, domain.TicketProcessing, got.Status)
	after, err := r.store.Cursor(domain.ResTickets)
	require.NoError(t, err)
	assert.Equal(t, cursor, after)
	_, err = r.eng.Sync(context.Background())
	require.NoError(t, err)
	assertConverged(t, sb, r.acct.ID, r.store)
}

func TestSync_ADamagedOutboxEntryDoesNotBlockTheOthers(t *testing.T) {
	// given three queued replies, the middle one's bytes damaged on disk
	sb := startSandbox(t, sandbox.Options{Seed: 5, Tickets: 100})
	acct := mainAccount(t, sb).ID
	tickets := ticketsIn(sb, acct, domain.TicketProcessing)
	require.NotEmpty(t, tickets)
	path := filepath.Join(t.TempDir(), "cache.db")
	r := newRig(t, sb, path, nil)
	for i := range 3 {
		_, err := r.store.Enqueue(replyAction(i, tickets[0]))
		require.NoError(t, err)
	}
	r.close(t)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	// every copy of the entry loses a byte's meaning, as after a bad sector
	marker := []byte(`{"key":"reply-001"`)
	require.True(t, bytes.Contains(raw, marker))
	for i := bytes.Index(raw, marker); i >= 0; i = bytes.Index(raw, marker) {
		raw[i+1] = '#'
	}
	require.NoError(t, os.WriteFile(path, raw, 0o600))
	appliedBefore := sb.Applied(acct)

	// when the console syncs
	r = newRig(t, sb, path, nil)
	defer r.close(t)
	sum, err := r.eng.Sync(context.Background())

	// then the two readable replies are sent and the damaged one is reported, not fatal
	require.NoError(t, err)
	assert.Equal(t, 2, sb.Applied(acct)-appliedBefore)
	require.Len(t, sum.Damaged, 1)
	assert.Contains(t, strings.Join(sum.Problems(), "\n"), "queued action #2 is damaged and was not sent")
}
