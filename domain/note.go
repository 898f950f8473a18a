package domain

// Annotates reports whether an action only adds to a record without moving
// it (an internal note): the one kind of action a final status may offer.
func (a ActionName) Annotates() bool { return a == ActTicketNote }

// CustomerVisible is the conversation as the customer sees it: every turn
// except the agents' internal notes.
func (t Ticket) CustomerVisible() []TicketMessage {
	out := make([]TicketMessage, 0, len(t.Messages))
	for _, m := range t.Messages {
		if !m.Internal {
			out = append(out, m)
		}
	}
	return out
}

// Notes are the agents' internal notes on the ticket, oldest first.
func (t Ticket) Notes() []TicketMessage {
	var out []TicketMessage
	for _, m := range t.Messages {
		if m.Internal {
			out = append(out, m)
		}
	}
	return out
}

// NoteLabel is how an internal note is marked wherever it is shown or
// exported, so that no one mistakes it for a message the customer saw.
var NoteLabel = Label{Zh: "内部备注（客户不可见）", En: "Internal note (not visible to the customer)"}
