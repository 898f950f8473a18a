package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/sandbox"
)

// workspace runs the agent's workspace on A's ticket from step 4: a quick
// reply, an internal note, then a batch accept of other waiting tickets.
func (d *day) workspace(t *testing.T) {
	for _, s := range []struct {
		name string
		run  func(*testing.T)
	}{
		{"quick reply expanded and sent once", d.quickReply},
		{"internal note reaches the other agent flagged, never the customer", d.internalNote},
		{"batch accept accepts each ticket exactly once", d.batchAccept},
	} {
		if !t.Run(s.name, s.run) {
			t.FailNow()
		}
	}
}

// sendReply queues a reply as the ticket detail does: carrying what the
// agent's console showed, for the traffic cop.
func (c *console) sendReply(t *testing.T, key, ticketID, text string) {
	t.Helper()
	a := c.enqueue(t, key, domain.ResTickets, ticketID, domain.ActTicketReply, domain.ActionParams{Agent: c.agent, Message: text})
	a.Seen = domain.SeenOf(get[domain.Ticket](t, c, ticketID))
	require.NoError(t, c.store.UpdateAction(a))
}

// quickReply: A saves a personal reply with variables, finds it by a
// Chinese substring as the picker does, expands it for the ticket and
// sends it; the customer sees the filled text exactly once.
func (d *day) quickReply(t *testing.T) {
	a, sb := d.a, d.w.sb
	a.mustSync(t)
	_, err := a.svc.QuickReplies().Add(quickreply.Reply{Title: "已记录问题", Category: "开场",
		Text: "{customer}您好，我是{客服}，您在{product}上的问题已记录。"})
	require.NoError(t, err)

	// when A searches, picks the personal reply and expands it for the ticket
	hits, errs := a.svc.FindQuickReplies("zh-Hans", "记录")
	require.Empty(t, errs)
	require.NotEmpty(t, hits)
	require.Equal(t, quickreply.ScopePersonal, hits[0].Scope, "the personal reply ranks first")
	x, err := a.svc.ExpandQuickReply(shopAccount, d.ticket, hits[0].Text, a.agent)
	require.NoError(t, err)
	require.True(t, x.Complete(), "unfilled: %v %v", x.Unknown, x.Missing)
	tk := get[domain.Ticket](t, a, d.ticket)
	want := fmt.Sprintf("%s您好，我是%s，您在%s上的问题已记录。", tk.CustomerName, a.agent, tk.ProductName)
	require.Equal(t, want, x.Text)
	applied := sb.Applied(sandbox.AccountMain)
	a.sendReply(t, "A-quick-"+d.ticket, d.ticket, x.Text)
	a.mustSync(t)
	a.mustSync(t)

	// then the customer sees the expanded text once, no placeholder anywhere
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain))
	seen := d.sandboxTicket(t, d.ticket).CustomerVisible()
	n := 0
	for _, m := range seen {
		if m.Body == want {
			n++
		}
		assert.NotContains(t, m.Body, "{客服}", m.ID)
	}
	assert.Equal(t, 1, n, "the customer sees the quick reply once")
	d.workspaceDone++
}

// internalNote: A adds a note; B's console shows it flagged internal, the
// customer's view of the ticket never holds it, and the ticket does not
// wait for the customer (so the simulated customer has nothing to answer).
func (d *day) internalNote(t *testing.T) {
	a, b, sb := d.a, d.b, d.w.sb
	note := "内部：客户是大客户，优先处理 (e2e)"
	before := d.sandboxTicket(t, d.ticket)
	applied := sb.Applied(sandbox.AccountMain)

	// when A adds the note as the note button does and both consoles sync
	a.enqueue(t, "A-note-"+d.ticket, domain.ResTickets, d.ticket, domain.ActTicketNote, domain.ActionParams{Agent: a.agent, Message: note})
	a.mustSync(t)
	b.mustSync(t)

	// then B's console has it once, flagged internal and by A
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain))
	var notes []domain.TicketMessage
	for _, m := range get[domain.Ticket](t, b, d.ticket).Messages {
		if m.Body == note {
			notes = append(notes, m)
		}
	}
	require.Len(t, notes, 1, "B's console has the note once")
	assert.True(t, notes[0].Internal, "flagged internal")
	d.workspaceDone++
	assert.Equal(t, a.agent, notes[0].Author)

	// and the customer never sees it, and nothing waits for the customer's answer
	after := d.sandboxTicket(t, d.ticket)
	assert.Zero(t, countBody(domain.Ticket{Messages: after.CustomerVisible()}, note))
	assert.Equal(t, len(before.CustomerVisible()), len(after.CustomerVisible()), "the customer's conversation is unchanged")
	assert.Equal(t, before.Status, after.Status, "a note moves nothing")
	assert.NotEqual(t, domain.TicketAwaitingCustomer, after.Status)
	assert.Equal(t, before.SLAPausedAt, after.SLAPausedAt)
}

// batchAccept: A picks every ticket waiting to be accepted but one (left
// for later steps) and accepts them together, one accept each as the batch
// bar queues them; each is applied once and B's console shows them A's.
func (d *day) batchAccept(t *testing.T) {
	a, b, sb := d.a, d.b, d.w.sb
	var ids []string
	for _, r := range sb.Records(sandbox.AccountMain, domain.ResTickets) {
		if tk := r.(domain.Ticket); domain.Allows(get[domain.Ticket](t, a, tk.ID), domain.ActTicketAccept) && tk.Status == domain.TicketPendingAccept {
			ids = append(ids, tk.ID)
		}
	}
	require.GreaterOrEqual(t, len(ids), 3, "seed %d has tickets waiting to be accepted", worldSeed)
	ids = ids[:len(ids)-1]
	applied := sb.Applied(sandbox.AccountMain)

	// when A accepts the selection and syncs twice
	for _, id := range ids {
		a.enqueue(t, "A-batch-"+id, domain.ResTickets, id, domain.ActTicketAccept, domain.ActionParams{Agent: a.agent})
	}
	sum := a.mustSync(t)
	a.mustSync(t)
	b.mustSync(t)

	// then each was applied exactly once and is A's everywhere
	assert.Equal(t, len(ids), sum.Push.Done)
	assert.Equal(t, applied+len(ids), sb.Applied(sandbox.AccountMain), "one accept per ticket")
	for _, id := range ids {
		assert.Equal(t, domain.ActionDone, a.action(t, domain.ResTickets, id, "A-batch-"+id).State, id)
		for who, tk := range map[string]domain.Ticket{"sandbox": d.sandboxTicket(t, id), b.agent: get[domain.Ticket](t, b, id)} {
			assert.Equal(t, domain.TicketProcessing, tk.Status, "%s %s", who, id)
			assert.Equal(t, a.agent, tk.Assignee, "%s %s", who, id)
		}
	}
	assert.Empty(t, a.pending(t))
	d.workspaceDone += len(ids)
	assert.False(t, strings.Contains(strings.Join(ids, ","), d.ticket), "step 4's ticket was already taken")
}
