package e2e

import (
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOfflineAcceptLosesTheRace is step 4 the other way round: agent A
// accepts and replies while offline, agent B accepts the same ticket right
// after the network returns and before A's console reconnects. A's accept
// is then refused with an explanation naming B; exactly one accept is
// applied, and A's reply, typed on the assumption A owned the ticket, is held
// back for A to review instead of landing on B's ticket.
func TestOfflineAcceptLosesTheRace(t *testing.T) {
	w := startWorld(t)
	d := &day{w: w, a: newConsole(t, w, "客服-甲"), b: newConsole(t, w, "客服-乙")}
	a, b, sb := d.a, d.b, w.sb
	a.mustSync(t)
	b.mustSync(t)
	tk := d.pendingTicket(t)
	applied := sb.Applied(sandbox.AccountMain)
	reply := "您好，我们正在排查 (e2e race " + tk.ID + ")"

	// given A's accept and reply queued while the network is down, kept
	// through a failed sync and a restart
	sb.SetOffline(true)
	a.enqueue(t, "A-accept", domain.ResTickets, tk.ID, domain.ActTicketAccept, domain.ActionParams{Agent: a.agent})
	a.enqueue(t, "A-reply", domain.ResTickets, tk.ID, domain.ActTicketReply, domain.ActionParams{Agent: a.agent, Message: reply})
	_, err := a.sync(t)
	require.Error(t, err)
	a.restart(t, nil)
	require.Len(t, a.pending(t), 2)

	// when the network returns and B accepts first
	sb.SetOffline(false)
	b.enqueue(t, "B-accept", domain.ResTickets, tk.ID, domain.ActTicketAccept, domain.ActionParams{Agent: b.agent})
	assert.Equal(t, 1, b.mustSync(t).Push.Done)

	// and A's console restarts and syncs
	a.restart(t, nil)
	sum := a.mustSync(t)

	// then A's accept is refused, in plain words naming B, and the reply
	// queued behind it is held back unsent
	assert.Equal(t, 2, sum.Push.Rejected)
	refused := a.action(t, domain.ResTickets, tk.ID, "A-accept")
	assert.Equal(t, domain.ActionRejected, refused.State)
	assert.Equal(t, marketapi.ReasonAlreadyAccepted, refused.ReasonCode)
	assert.Contains(t, refused.Reason, "another agent accepted this ticket first")
	assert.Contains(t, refused.Reason, b.agent)
	held := a.action(t, domain.ResTickets, tk.ID, "A-reply")
	assert.Equal(t, domain.ActionRejected, held.State)
	assert.Equal(t, syncer.ReasonHeldBehindRefusal, held.ReasonCode)
	assert.Contains(t, held.Reason, "earlier action on this record was refused")

	// and exactly one accept was applied (B's) and the reply never sent,
	// also after another restart and sync
	a.restart(t, nil)
	a.mustSync(t)
	assert.Empty(t, a.pending(t))
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain), "B's accept only")
	rec, ok := sb.Record(sandbox.AccountMain, domain.ResTickets, tk.ID)
	require.True(t, ok)
	for who, v := range map[string]domain.Ticket{"sandbox": rec.(domain.Ticket), a.agent: get[domain.Ticket](t, a, tk.ID)} {
		assert.Equal(t, b.agent, v.Assignee, who)
		assert.Zero(t, countBody(v, reply), "%s: A's reply not posted on B's ticket", who)
	}
}
