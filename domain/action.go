package domain

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"time"
)

// ActionName is a seller action the console can take on a record.
type ActionName string

// Actions on tickets, supervision tasks and interface alerts.
const (
	ActTicketAccept        ActionName = "accept"         // 受理
	ActTicketReply         ActionName = "reply"          // 回复
	ActTicketAwaitCustomer ActionName = "await-customer" // 待客户反馈
	ActTicketResolve       ActionName = "resolve"        // 确认解决 (cause, solution)
	ActTicketNote          ActionName = "note"           // 内部备注: seen by agents only, never the customer
	ActConfirmRequirement  ActionName = "confirm-requirement"
	ActRejectRequirement   ActionName = "reject-requirement"
	ActUploadReport        ActionName = "upload-report" // 上传交付验收报告 / 交付证明
	ActShip                ActionName = "ship"          // 发货 (logistics number)
	ActConfirmCompletion   ActionName = "confirm-completion"
	ActAppeal              ActionName = "appeal"
	ActRestart             ActionName = "restart" // 重新启动 a failed interface call
)

// ActionsFor lists every action the merchant can take on some record of a
// resource, in the order of its statuses: what the sandbox accepts at all.
func ActionsFor(r Resource) []ActionName {
	var out []ActionName
	for _, st := range KindOf(r).Statuses {
		for _, a := range st.Actions {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// Actions lists what the merchant may do on the record now: its status's
// actions, narrowed by the record's own facts. An open appeal freezes a
// supervision flow (nothing, not even a second appeal); a flow without a
// requirement step (License) has nothing to send a rejected requirement
// back to.
func Actions(r Record) []ActionName {
	if r == nil {
		return nil
	}
	acts := KindOf(r.Resource()).Status(StatusOf(r)).Actions
	if t, ok := record[SupervisionTask](r); ok {
		if t.Frozen() {
			return nil
		}
		if !slices.Contains(t.Flow(), NodeSubmitRequirement) {
			acts = slices.DeleteFunc(slices.Clone(acts), func(a ActionName) bool { return a == ActRejectRequirement })
		}
	}
	return slices.Clone(acts)
}

// Allows reports whether the merchant may take action a on the record now.
func Allows(r Record, a ActionName) bool { return slices.Contains(Actions(r), a) }

// ActionState is where an outbox entry stands.
type ActionState string

// Outbox states. Done and Rejected are final.
const (
	ActionPending  ActionState = "pending"
	ActionSending  ActionState = "sending"
	ActionDone     ActionState = "done"
	ActionRejected ActionState = "rejected"
	// ActionDiscarded is an entry the person dropped (or replaced by a
	// retried or edited copy) before it reached the marketplace.
	ActionDiscarded ActionState = "discarded"
)

// Final reports whether no more sending will happen.
func (s ActionState) Final() bool {
	return s == ActionDone || s == ActionRejected || s == ActionDiscarded
}

// ActionParams are an action's inputs; unused fields stay empty.
type ActionParams struct {
	Agent    string `json:"agent,omitempty"`    // who acts: the agent's display name
	Message  string `json:"message,omitempty"`  // reply text, appeal reason, rejection note
	Cause    string `json:"cause,omitempty"`    // resolve: the cause
	Solution string `json:"solution,omitempty"` // resolve: the solution
	FileName string `json:"fileName,omitempty"` // upload-report: the report's name
	Tracking string `json:"tracking,omitempty"` // ship: the logistics number
}

// Action is a user action queued in the outbox. Key is its idempotency key:
// the server applies an action with a given key once, however often it is sent.
type Action struct {
	Key        string       `json:"key"`
	Seq        uint64       `json:"seq"` // outbox order, assigned by the store
	Account    string       `json:"account"`
	Resource   Resource     `json:"resource"`
	RecordID   string       `json:"recordId"`
	Name       ActionName   `json:"action"`
	Params     ActionParams `json:"params"`
	State      ActionState  `json:"state"`
	Attempts   int          `json:"attempts"`
	CreatedAt  time.Time    `json:"createdAt"`
	SentAt     time.Time    `json:"sentAt,omitzero"`
	Reason     string       `json:"reason,omitempty"`     // the server's words when rejected
	ReasonCode string       `json:"reasonCode,omitempty"` // e.g. ALREADY_ACCEPTED, FLOW_FROZEN
	// Seen is what the agent saw of the ticket when queuing (trafficcop.go);
	// nil for actions queued without looking (the command line, batches).
	Seen *Seen `json:"seen,omitempty"`
	// Changes and Latest are set while the traffic cop holds the action.
	Changes []TicketChange `json:"changes,omitempty"`
	Latest  *Seen          `json:"latest,omitempty"`
}

// NewActionKey makes an action's idempotency key: 128 random bits, so two
// agents (or two copies of the app) never pick the same one and a resend
// is recognised by the server.
func NewActionKey() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make idempotency key: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// actionLabels are the merchant actions as the marketplace's buttons name
// them, and as the console's buttons and outbox rows show them.
var actionLabels = map[ActionName]Label{
	ActTicketAccept:        {"受理", "Accept"},
	ActTicketReply:         {"回复", "Reply"},
	ActTicketAwaitCustomer: {"待客户反馈", "Wait for customer"},
	ActTicketResolve:       {"确认解决", "Resolve"},
	ActTicketNote:          {"内部备注", "Internal note"},
	ActConfirmRequirement:  {"确认需求", "Confirm requirement"},
	ActRejectRequirement:   {"驳回需求", "Reject requirement"},
	ActUploadReport:        {"上传交付验收报告", "Upload report"},
	ActShip:                {"发货", "Ship"},
	ActConfirmCompletion:   {"确认完成", "Confirm completion"},
	ActAppeal:              {"申诉", "Appeal"},
	ActRestart:             {"重新启动", "Restart"},
}

// Label is the action's name in both languages; an unknown action reads
// as its code.
func (n ActionName) Label() Label { return labelOf(actionLabels, n) }
