package domain

import "time"

// TicketStatus is a customer ticket's state as the seller sees it.
type TicketStatus string

// Ticket states. AwaitingCustomer pauses the SLA clock until the customer replies.
const (
	TicketPendingAccept    TicketStatus = "PENDING_ACCEPT"    // 待受理
	TicketProcessing       TicketStatus = "PROCESSING"        // 处理中
	TicketAwaitingCustomer TicketStatus = "AWAITING_CUSTOMER" // 待客户反馈
	TicketAwaitingConfirm  TicketStatus = "AWAITING_CONFIRM"  // 待确认结果
	TicketCompleted        TicketStatus = "COMPLETED"         // 已完成
	TicketRevoked          TicketStatus = "REVOKED"           // 已撤销
)

// TicketStatuses lists every ticket status, for filters and counts (from kinds.go).
var TicketStatuses []TicketStatus

// Open reports whether the ticket still needs the seller or the customer.
func (s TicketStatus) Open() bool { return !KindOf(ResTickets).Status(string(s)).Final }

// Ticket is a customer ticket (工单).
type Ticket struct {
	Meta
	Subject      string          `json:"subject"`
	CustomerName string          `json:"customerName"`
	ProductID    string          `json:"productId"`
	ProductName  string          `json:"productName"`
	OrderID      string          `json:"orderId,omitempty"`
	Status       TicketStatus    `json:"status"`
	Assignee     string          `json:"assignee,omitempty"` // the agent who accepted it
	CreatedAt    time.Time       `json:"createdAt"`
	AcceptedAt   time.Time       `json:"acceptedAt,omitzero"`
	ResolvedAt   time.Time       `json:"resolvedAt,omitzero"`
	ClosedAt     time.Time       `json:"closedAt,omitzero"`
	SLADue       time.Time       `json:"slaDue"`                 // meaningful while the clock runs
	SLAPausedAt  time.Time       `json:"slaPausedAt,omitzero"`   // set while 待客户反馈
	SLAPausedFor time.Duration   `json:"slaPausedFor,omitempty"` // total paused so far
	Cause        string          `json:"cause,omitempty"`
	Solution     string          `json:"solution,omitempty"`
	Messages     []TicketMessage `json:"messages,omitempty"`
	Attachments  []Attachment    `json:"attachments,omitempty"`
}

// Resource implements Record.
func (Ticket) Resource() Resource { return ResTickets }

// TicketMessage is one turn of a ticket's conversation.
type TicketMessage struct {
	ID     string    `json:"id"`
	From   Party     `json:"from"` // USER (the customer), MERCHANT (an agent) or SYSTEM
	Author string    `json:"author"`
	Body   string    `json:"body"`
	At     time.Time `json:"at"`
	// Internal marks an agent's note (内部备注): kept with the conversation,
	// never sent to or shown to the customer.
	Internal bool `json:"internal,omitempty"`
}

// Attachment is a file attached to a ticket; the console keeps its metadata.
type Attachment struct {
	ID        string    `json:"id"`
	MessageID string    `json:"messageId,omitempty"`
	Name      string    `json:"name"`
	Size      int64     `json:"size"`
	MIME      string    `json:"mime"`
	At        time.Time `json:"at"`
}

// SLAPaused reports whether the SLA clock is stopped (waiting for the customer).
func (t Ticket) SLAPaused() bool { return t.Status == TicketAwaitingCustomer }

// SLARunning reports whether an SLA deadline applies now.
func (t Ticket) SLARunning() bool {
	return t.Status == TicketPendingAccept || t.Status == TicketProcessing
}

// SLALeft is the time left before the SLA is breached, frozen while paused
// and undefined (zero, false) once the ticket waits for nobody on our side.
func (t Ticket) SLALeft(now time.Time) (time.Duration, bool) {
	switch {
	case t.SLAPaused() && !t.SLAPausedAt.IsZero():
		return t.SLADue.Sub(t.SLAPausedAt), true
	case t.SLARunning():
		return t.SLADue.Sub(now), true
	default:
		return 0, false
	}
}

// LastCustomerMessage returns the newest message from the customer, if any.
func (t Ticket) LastCustomerMessage() (TicketMessage, bool) {
	for i := len(t.Messages) - 1; i >= 0; i-- {
		if t.Messages[i].From == PartyUser {
			return t.Messages[i], true
		}
	}
	return TicketMessage{}, false
}

// FirstResponseTime is how long the customer waited for the first agent
// message, or false if no agent has answered yet.
func (t Ticket) FirstResponseTime() (time.Duration, bool) {
	for _, m := range t.Messages {
		if m.From == PartyMerchant && !m.Internal { // a note answers nobody
			return m.At.Sub(t.CreatedAt), true
		}
	}
	return 0, false
}

// ResolutionTime is how long the ticket took to be resolved, or false.
func (t Ticket) ResolutionTime() (time.Duration, bool) {
	if t.ResolvedAt.IsZero() {
		return 0, false
	}
	return t.ResolvedAt.Sub(t.CreatedAt), true
}

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
