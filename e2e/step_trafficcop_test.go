package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
)

// trafficCop: on A's ticket from step 4, A starts a reply from the detail
// (carrying what A's console shows) while B's reply lands first. A's send
// stops with B's words named; A sends anyway and the customer sees A's
// reply exactly once, after B's.
func (d *day) trafficCop(t *testing.T) {
	a, b, sb := d.a, d.b, d.w.sb
	// given both consoles current on the ticket
	a.mustSync(t)
	b.mustSync(t)
	seen := get[domain.Ticket](t, a, d.ticket)
	aReply, bReply := "甲：正在排查 (e2e)", "乙：我来补充 (e2e)"

	// when A queues a reply as the ticket detail does and B's reply goes out first
	queued := a.enqueue(t, "A-cop-"+d.ticket, domain.ResTickets, d.ticket, domain.ActTicketReply,
		domain.ActionParams{Agent: a.agent, Message: aReply})
	queued.Seen = domain.SeenOf(seen)
	require.NoError(t, a.store.UpdateAction(queued))
	b.enqueue(t, "B-cop-"+d.ticket, domain.ResTickets, d.ticket, domain.ActTicketReply, domain.ActionParams{Agent: b.agent, Message: bReply})
	b.mustSync(t)
	applied := sb.Applied(sandbox.AccountMain)
	sum := a.mustSync(t)

	// then A's reply is held, naming B's, and nothing of A's reached the customer
	held := a.action(t, domain.ResTickets, d.ticket, "A-cop-"+d.ticket)
	assert.Equal(t, domain.ActionStopped, held.State)
	assert.Equal(t, 1, sum.Push.Stopped)
	assert.Contains(t, held.Reason, bReply)
	assert.Equal(t, applied, sb.Applied(sandbox.AccountMain))
	assert.Zero(t, countBody(d.sandboxTicket(t, d.ticket), aReply))

	// when A sends anyway, and A's console syncs twice
	require.NoError(t, a.store.UpdateAction(held.SendAnyway()))
	a.mustSync(t)
	a.mustSync(t)

	// then the reply was applied once, after B's
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain))
	tk := d.sandboxTicket(t, d.ticket)
	require.Equal(t, 1, countBody(tk, aReply))
	assert.Equal(t, aReply, tk.Messages[len(tk.Messages)-1].Body)
	assert.Equal(t, domain.ActionDone, a.action(t, domain.ResTickets, d.ticket, "A-cop-"+d.ticket).State)
}
