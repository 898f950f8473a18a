package domain

import (
	"cmp"
	"slices"
	"strings"
)

// The optimistic overlay: what a record will read once the actions still in
// the outbox reach the marketplace. It is computed for display only, on a
// copy, and never stored, so the server's next version always wins and a
// refused action simply stops being applied.

// pendingMessagePrefix marks a conversation turn that exists only in the
// outbox: its ID is the prefix and the action's key.
const pendingMessagePrefix = "pending:"

// IsPendingMessage reports whether m is a queued reply not yet delivered
// (added by WithQueued), so the conversation can mark it.
func IsPendingMessage(m TicketMessage) bool { return strings.HasPrefix(m.ID, pendingMessagePrefix) }

// PendingActionKey is the key of the outbox action a pending turn stands
// for, so the conversation can say whether it waits or was held.
func PendingActionKey(m TicketMessage) (string, bool) {
	return strings.CutPrefix(m.ID, pendingMessagePrefix)
}

// WithQueued returns r with every action of acts that is still on its way
// (pending or sending) applied in Seq order, and whether any changed it.
// Final actions are skipped: a done one is already in the server's record,
// a refused or discarded one never will be.
func WithQueued[T Record](r T, acts []Action) (T, bool) {
	queued := slices.DeleteFunc(slices.Clone(acts), func(a Action) bool { return a.State.Final() })
	slices.SortFunc(queued, func(a, b Action) int { return cmp.Compare(a.Seq, b.Seq) })
	var cur Record = r
	changed := false
	for _, a := range queued {
		next, ok := ApplyAction(cur, a)
		if ok {
			cur, changed = next, true
		}
	}
	out, ok := cur.(T)
	if !ok {
		return r, false
	}
	return out, changed
}

// ApplyAction returns a copy of r as the marketplace would leave it after
// a, by the same rules (Allows), and false when a does not apply to r now
// or the console cannot foresee its effect. r itself is never changed.
func ApplyAction(r Record, a Action) (Record, bool) {
	if r == nil || r.Resource() != a.Resource || r.RecordMeta().ID != a.RecordID || !Allows(r, a.Name) {
		return r, false
	}
	if t, ok := r.(Ticket); ok {
		return applyTicketAction(t, a)
	}
	return r, false
}

func applyTicketAction(t Ticket, a Action) (Record, bool) {
	t.Messages = slices.Clip(t.Messages) // appends must not write into the cached slice
	switch a.Name {
	case ActTicketAccept:
		t.Status, t.Assignee, t.AcceptedAt = TicketProcessing, a.Params.Agent, a.CreatedAt
	case ActTicketReply:
		t.Messages = append(t.Messages, queuedMessage(t, a))
	case ActTicketAwaitCustomer:
		if a.Params.Message != "" {
			t.Messages = append(t.Messages, queuedMessage(t, a))
		}
		t.Status, t.SLAPausedAt = TicketAwaitingCustomer, a.CreatedAt
	case ActTicketResolve:
		t.Status, t.Cause, t.Solution, t.ResolvedAt = TicketAwaitingConfirm, a.Params.Cause, a.Params.Solution, a.CreatedAt
	default:
		return t, false
	}
	return t, true
}

func queuedMessage(t Ticket, a Action) TicketMessage {
	author := a.Params.Agent
	if author == "" {
		author = t.Assignee
	}
	return TicketMessage{ID: pendingMessagePrefix + a.Key, From: PartyMerchant, Author: author, Body: a.Params.Message, At: a.CreatedAt}
}
