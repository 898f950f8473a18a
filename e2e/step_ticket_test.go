package e2e

import (
	"strings"
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pendingTicket picks a ticket waiting to be accepted, as both consoles
// show it.
func (d *day) pendingTicket(t *testing.T) domain.Ticket {
	t.Helper()
	for _, r := range d.w.sb.Records(sandbox.AccountMain, domain.ResTickets) {
		if tk := r.(domain.Ticket); tk.Status == domain.TicketPendingAccept {
			return tk
		}
	}
	t.Fatalf("seed %d has no ticket waiting to be accepted", worldSeed)
	return domain.Ticket{}
}

// countBody counts a ticket's messages with exactly this body.
func countBody(tk domain.Ticket, body string) int {
	n := 0
	for _, m := range tk.Messages {
		if m.Body == body {
			n++
		}
	}
	return n
}

// offlineTicket: the network is down; agent A accepts a ticket and replies,
// agent B accepts the same ticket; both wait in their outboxes through
// failed syncs and a restart. When the network returns A's console goes
// first, loses the answer to its accept once and restarts; in the end A's
// accept and reply are applied exactly once and B's accept is refused with
// an explanation naming A.
func (d *day) offlineTicket(t *testing.T) {
	a, b, sb := d.a, d.b, d.w.sb
	// given a ticket both consoles show waiting to be accepted
	tk := d.pendingTicket(t)
	d.ticket = tk.ID
	for _, c := range []*console{a, b} {
		require.Equal(t, domain.TicketPendingAccept, get[domain.Ticket](t, c, tk.ID).Status, c.agent)
	}
	applied := sb.Applied(sandbox.AccountMain)
	reply := "您好，已收到您的问题，正在处理 (e2e " + tk.ID + ")"

	// when the network goes down and A accepts and replies, B accepts
	sb.SetOffline(true)
	a.enqueue(t, "A-accept-"+tk.ID, domain.ResTickets, tk.ID, domain.ActTicketAccept, domain.ActionParams{Agent: a.agent})
	a.enqueue(t, "A-reply-"+tk.ID, domain.ResTickets, tk.ID, domain.ActTicketReply, domain.ActionParams{Agent: a.agent, Message: reply})
	b.enqueue(t, "B-accept-"+tk.ID, domain.ResTickets, tk.ID, domain.ActTicketAccept, domain.ActionParams{Agent: b.agent})

	// then every sync attempt fails and the actions stay queued, also
	// across a restart of A's console
	for round := range 2 {
		for _, c := range []*console{a, b} {
			_, err := c.sync(t)
			require.Error(t, err, "%s: sync while offline (round %d)", c.agent, round)
		}
		assert.Len(t, a.pending(t), 2, "A's accept and reply wait")
		assert.Len(t, b.pending(t), 1, "B's accept waits")
		a.restart(t, nil)
	}
	assert.Equal(t, applied, sb.Applied(sandbox.AccountMain), "nothing reached the marketplace")

	// when the network returns and A's first attempt loses the answer
	sb.SetOffline(false)
	lossy := newLostReplies()
	a.restart(t, lossy)
	_, err := a.sync(t)
	require.Error(t, err, "the answer to A's accept was lost")
	require.Positive(t, lossy.dropped.Load())

	// then the accept was applied once on the marketplace but A still
	// holds it, with the reply behind it
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain))
	assert.Len(t, a.pending(t), 2, "A does not know its accept went through")

	// when A's console restarts on a good network and syncs
	a.restart(t, nil)
	sum := a.mustSync(t)

	// then the accept is answered from its key (not applied again) and the
	// reply is applied once
	assert.Equal(t, 2, sum.Push.Done)
	assert.Zero(t, sum.Push.Rejected)
	assert.Empty(t, a.pending(t))
	assert.Equal(t, applied+2, sb.Applied(sandbox.AccountMain), "accept and reply applied exactly once each")
	for _, key := range []string{"A-accept-", "A-reply-"} {
		assert.Equal(t, domain.ActionDone, a.action(t, domain.ResTickets, tk.ID, key+tk.ID).State, key)
	}

	// when B's console syncs
	sum = b.mustSync(t)

	// then B's accept is refused, explained in plain words naming A, and
	// nothing more was applied
	assert.Equal(t, 1, sum.Push.Rejected)
	refused := b.action(t, domain.ResTickets, tk.ID, "B-accept-"+tk.ID)
	assert.Equal(t, domain.ActionRejected, refused.State)
	assert.Equal(t, marketapi.ReasonAlreadyAccepted, refused.ReasonCode)
	assert.Contains(t, refused.Reason, "another agent accepted this ticket first")
	assert.Contains(t, refused.Reason, a.agent, "the explanation names who has the ticket")
	assert.Empty(t, b.pending(t))
	assert.Equal(t, applied+2, sb.Applied(sandbox.AccountMain))

	// and after one more restart and sync of A, the marketplace and both
	// caches show the ticket A's, with the reply exactly once
	a.restart(t, nil)
	a.mustSync(t)
	assert.Equal(t, applied+2, sb.Applied(sandbox.AccountMain))
	rec, ok := sb.Record(sandbox.AccountMain, domain.ResTickets, tk.ID)
	require.True(t, ok)
	views := map[string]domain.Ticket{"sandbox": rec.(domain.Ticket),
		a.agent: get[domain.Ticket](t, a, tk.ID), b.agent: get[domain.Ticket](t, b, tk.ID)}
	for who, v := range views {
		assert.Equal(t, domain.TicketProcessing, v.Status, who)
		assert.Equal(t, a.agent, v.Assignee, who)
		assert.Equal(t, 1, countBody(v, reply), "%s: the reply appears exactly once", who)
		assert.False(t, strings.Contains(v.Assignee, b.agent), who)
	}
	assertConverged(t, a, domain.ResTickets)
	assertConverged(t, b, domain.ResTickets)
	a.centre.take()
	b.centre.take()
}
