package domain

import (
	"slices"
	"strings"
)

// The traffic cop (as Freshdesk calls it): a reply or a resolve queued from
// the ticket detail carries what the agent saw of the ticket; just before
// it leaves, the sender fetches the ticket and stops the action when
// someone else moved the ticket on meanwhile (a new customer message,
// another agent's reply, note or accept). The agent then sends anyway,
// edits or discards.

// ActionStopped is an outbox entry the traffic cop held: not sent, waiting
// for the agent to decide. It is not final, and later actions on the same
// record wait behind it.
const ActionStopped ActionState = "stopped-changed"

// Seen is what the agent had in front of them when they queued an action
// on a ticket: its version, how many turns of the conversation, and who
// held it.
type Seen struct {
	Version  int64  `json:"version"`
	Messages int    `json:"messages"`
	Assignee string `json:"assignee,omitempty"`
}

// SeenOf records what an agent sees of t now.
func SeenOf(t Ticket) *Seen {
	return &Seen{Version: t.Version, Messages: len(t.Messages), Assignee: t.Assignee}
}

// TrafficChecked reports whether the traffic cop checks an action before it
// leaves: the ones that speak to the customer or close the matter.
func TrafficChecked(a Action) bool {
	return a.Resource == ResTickets && a.Seen != nil &&
		(a.Name == ActTicketReply || a.Name == ActTicketResolve)
}

// TicketChangeKind says what someone else did to a ticket.
type TicketChangeKind string

// What the traffic cop stops for.
const (
	ChangeCustomerMessage TicketChangeKind = "customer-message" // the customer wrote
	ChangeAgentReply      TicketChangeKind = "agent-reply"      // another agent answered the customer
	ChangeAgentNote       TicketChangeKind = "agent-note"       // another agent left an internal note
	ChangeAccepted        TicketChangeKind = "accepted"         // another agent took the ticket
)

// TicketChange is one thing someone else did since the agent looked.
type TicketChange struct {
	Kind TicketChangeKind `json:"kind"`
	Who  string           `json:"who,omitempty"`
	Body string           `json:"body,omitempty"` // the message, for the prompt
}

// Label is the change in plain words, in both languages.
func (c TicketChange) Label() Label {
	who := c.Who
	switch c.Kind {
	case ChangeCustomerMessage:
		return Label{Zh: "客户发来新消息：" + c.Body, En: "the customer wrote: " + c.Body}
	case ChangeAgentReply:
		return Label{Zh: who + " 已回复客户：" + c.Body, En: who + " replied: " + c.Body}
	case ChangeAgentNote:
		return Label{Zh: who + " 添加了内部备注：" + c.Body, En: who + " added a note: " + c.Body}
	case ChangeAccepted:
		return Label{Zh: who + " 已受理此工单", En: who + " accepted the ticket"}
	}
	return Label{Zh: string(c.Kind), En: string(c.Kind)}
}

// TicketChanges lists what others did to now since seen, agent being the
// one who queued the action: their own turns (an accept or reply of theirs
// sent in the same round) are no reason to stop. Nothing when the version
// has not moved.
func TicketChanges(seen Seen, now Ticket, agent string) []TicketChange {
	if now.Version <= seen.Version {
		return nil
	}
	var out []TicketChange
	if now.Assignee != "" && now.Assignee != seen.Assignee && now.Assignee != agent {
		out = append(out, TicketChange{Kind: ChangeAccepted, Who: now.Assignee})
	}
	for _, m := range now.Messages[min(seen.Messages, len(now.Messages)):] {
		switch {
		case m.From == PartyUser:
			out = append(out, TicketChange{Kind: ChangeCustomerMessage, Who: m.Author, Body: m.Body})
		case m.From == PartyMerchant && m.Author != agent && m.Internal:
			out = append(out, TicketChange{Kind: ChangeAgentNote, Who: m.Author, Body: m.Body})
		case m.From == PartyMerchant && m.Author != agent:
			out = append(out, TicketChange{Kind: ChangeAgentReply, Who: m.Author, Body: m.Body})
		}
	}
	return out
}

// ChangesText is the changes in one bilingual paragraph, for logs and the
// command line ("zh / en" per line, as the refusal reasons are).
func ChangesText(cs []TicketChange) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		l := c.Label()
		lines[i] = l.Zh + " / " + l.En
	}
	return strings.Join(lines, "\n")
}

// Stop holds a at the traffic cop: what changed, and what the agent will
// have seen once they look (latest), so that "send anyway" vouches for it.
func (a Action) Stop(changes []TicketChange, latest Ticket) Action {
	a.State, a.Changes, a.Latest = ActionStopped, slices.Clone(changes), SeenOf(latest)
	a.ReasonCode, a.Reason = ReasonTicketChanged, ChangesText(changes)
	return a
}

// SendAnyway releases a stopped action: the agent has now seen the ticket
// as it was when stopped, so only a newer change stops it again.
func (a Action) SendAnyway() Action {
	if a.Latest != nil {
		a.Seen = a.Latest
	}
	a.State, a.Changes, a.Latest, a.ReasonCode, a.Reason = ActionPending, nil, nil, "", ""
	return a
}

// Discard gives up an action that has not been sent.
func (a Action) Discard() Action {
	a.State = ActionDiscarded
	return a
}

// ReasonTicketChanged marks an action the traffic cop stopped.
const ReasonTicketChanged = "TICKET_CHANGED"
