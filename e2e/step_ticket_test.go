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

// sandboxTicket is a ticket as the marketplace (and its customer) sees it.
func (d *day) sandboxTicket(t *testing.T, id string) domain.Ticket {
	t.Helper()
	rec, ok := d.w.sb.Record(sandbox.AccountMain, domain.ResTickets, id)
	require.True(t, ok, "ticket %s on the marketplace", id)
	return rec.(domain.Ticket)
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
// first and loses every answer to its reply (applied on the marketplace all
// the same), then restarts; in the end A's accept and reply are applied
// exactly once, the customer sees the reply once, and B's accept is refused
// with an explanation naming A.
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

	// when the network returns and A's console loses every answer to its
	// reply (the accept's answer comes through): the reply is not
	// idempotent, so only its idempotency key keeps a resend from posting
	// it twice
	sb.SetOffline(false)
	lossy := newLostReplies(marketapi.ActionPath(domain.ResTickets, tk.ID, domain.ActTicketReply))
	a.restart(t, lossy)
	sum, err := a.sync(t)
	require.Error(t, err, "the answers to A's reply were lost")
	require.GreaterOrEqual(t, lossy.dropped.Load(), int32(2), "the client resent the reply within the sync")

	// then the accept is done, and the reply was applied once although A
	// still holds it: the customer already sees it, exactly once
	assert.Equal(t, 1, sum.Push.Done, "the accept")
	assert.Equal(t, domain.ActionDone, a.action(t, domain.ResTickets, tk.ID, "A-accept-"+tk.ID).State)
	assert.Equal(t, applied+2, sb.Applied(sandbox.AccountMain), "accept and reply once each; the resend was answered from its key")
	require.Len(t, a.pending(t), 1, "A does not know its reply went through")
	assert.Equal(t, 1, countBody(d.sandboxTicket(t, tk.ID), reply), "the customer sees the reply once")

	// when A's console restarts on a good network and syncs
	a.restart(t, nil)
	sum = a.mustSync(t)

	// then the reply is answered from its key, not applied again
	assert.Equal(t, 1, sum.Push.Done)
	assert.Zero(t, sum.Push.Rejected)
	assert.Empty(t, a.pending(t))
	assert.Equal(t, applied+2, sb.Applied(sandbox.AccountMain), "accept and reply applied exactly once each")
	assert.Equal(t, 1, countBody(d.sandboxTicket(t, tk.ID), reply), "still once after the restart's resend")
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
	views := map[string]domain.Ticket{"sandbox": d.sandboxTicket(t, tk.ID),
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
