package e2e

import (
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitFor is the bounded poll for the scheduler's goroutine.
const waitFor, pollEvery = 20 * time.Second, 5 * time.Millisecond

// background: the console's scheduler, started as the window starts it,
// syncs A's console on its own goroutine. A reply queued while the network is down goes out
// once by itself when the network returns, and orders that arrive after a
// "sync now" are announced once.
func (d *day) background(t *testing.T) {
	a, sb := d.a, d.w.sb
	// given a running scheduler that has done its first sync
	a.svc.Start()
	require.Eventually(t, func() bool {
		st := a.svc.State(shopAccount)
		return st.Status == syncer.StatusOnline && st.LastSync.Equal(d.w.now())
	}, waitFor, pollEvery, "first background sync")
	a.centre.take()
	applied := sb.Applied(sandbox.AccountMain)
	reply := "补充说明：问题已定位，今日内修复 (e2e " + d.ticket + ")"

	// when the network goes down and A replies again
	sb.SetOffline(true)
	a.enqueue(t, "A-reply2-"+d.ticket, domain.ResTickets, d.ticket, domain.ActTicketReply, domain.ActionParams{Agent: a.agent, Message: reply})
	a.svc.SyncNow(shopAccount)

	// then the scheduler reports offline with the reply waiting
	require.Eventually(t, func() bool {
		st := a.svc.State(shopAccount)
		return st.Status == syncer.StatusOffline && st.Outbox == 1 && st.Problem != nil
	}, waitFor, pollEvery, "offline with one action waiting")
	assert.Equal(t, applied, sb.Applied(sandbox.AccountMain))

	// when the network returns (no one presses anything)
	sb.SetOffline(false)

	// then the scheduler's own retry delivers the reply, once
	require.Eventually(t, func() bool {
		st := a.svc.State(shopAccount)
		return st.Status == syncer.StatusOnline && st.Outbox == 0 && st.Problem == nil
	}, waitFor, pollEvery, "back online with the outbox empty")
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain))
	rec, ok := sb.Record(sandbox.AccountMain, domain.ResTickets, d.ticket)
	require.True(t, ok)
	assert.Equal(t, 1, countBody(rec.(domain.Ticket), reply))
	assert.Equal(t, domain.ActionDone, a.action(t, domain.ResTickets, d.ticket, "A-reply2-"+d.ticket).State)

	// when orders arrive and the user presses "sync now"
	before := sb.Count(sandbox.AccountMain, domain.ResOrders)
	sb.Advance(30 * time.Minute)
	arrived := sb.Count(sandbox.AccountMain, domain.ResOrders) - before
	require.Positive(t, arrived)
	a.svc.SyncNow(shopAccount)

	// then the cache catches up and the orders are announced once
	require.Eventually(t, func() bool {
		return len(storeLines(t, a.store, domain.ResOrders)) == sb.Count(sandbox.AccountMain, domain.ResOrders) &&
			len(ofKind(a.centre.peek(), notify.KindNewOrder, "")) > 0
	}, waitFor, pollEvery, "new orders synced in the background")
	a.restart(t, nil) // quit (stopping the scheduler) before counting what it delivered
	got := ofKind(a.centre.take(), notify.KindNewOrder, "")
	require.Len(t, got, 1)
	assert.Len(t, got[0].RecordIDs, arrived)
	assert.Empty(t, a.notifyErrors())
}

// endOfDay: both consoles sync once more; each holds exactly the
// marketplace's records, nothing is left in either outbox, and the
// marketplace applied exactly the actions the outboxes report done.
func (d *day) endOfDay(t *testing.T) {
	done := 0
	for _, c := range []*console{d.a, d.b} {
		c.mustSync(t)
		assertConverged(t, c)
		assert.Empty(t, c.pending(t), c.agent)
		acts, err := c.store.RecentActions(1000)
		require.NoError(t, err)
		for _, a := range acts {
			if a.State == domain.ActionDone {
				done++
			}
		}
	}
	assert.Equal(t, 9+d.workspaceDone, done, "A: accept, reply, the reply sent anyway past the traffic cop, restart, three supervision steps, second reply, step 4c's quick reply, note and batch accepts; B: the reply that went first")
	assert.Equal(t, done, d.w.sb.Applied(sandbox.AccountMain)-d.applied0, "every done action applied exactly once")
}
