package domain

import "time"

// ProductKind is the kind of product a supervised order is for; it decides
// the flow of nodes.
type ProductKind string

// Product kinds under service supervision.
const (
	KindManualService ProductKind = "MANUAL_SERVICE" // 人工服务
	KindSaaSOffline   ProductKind = "SAAS_OFFLINE"   // SaaS 线下交付
	KindHardware      ProductKind = "HARDWARE"       // 硬件
	KindOrchestration ProductKind = "ORCHESTRATION"  // 应用编排
	KindLicense       ProductKind = "LICENSE"        // License
)

// Node is a step of a supervision flow.
type Node string

// Supervision nodes. Each is acted on by one party (see NodeActor).
const (
	NodeSubmitRequirement  Node = "SUBMIT_REQUIREMENT"  // 用户提交需求
	NodeConfirmRequirement Node = "CONFIRM_REQUIREMENT" // 商家确认需求
	NodeDeliver            Node = "DELIVER"             // 商家开通交付并上传交付验收报告
	NodeShip               Node = "SHIP"                // 商家发货并录入物流
	NodeInTransit          Node = "IN_TRANSIT"          // 物流配送中, 签收后 10 天自动验收
	NodeConfirmCompletion  Node = "CONFIRM_COMPLETION"  // 商家确认完成
	NodeActivateCode       Node = "ACTIVATE_CODE"       // 激活码激活
	NodeUploadProof        Node = "UPLOAD_PROOF"        // 商家上传交付证明
	NodeAcceptance         Node = "ACCEPTANCE"          // 用户确认验收
	NodeDone               Node = "DONE"                // 已完成
)

// Party is who acts.
type Party string

// Parties of a flow, a ticket conversation or an appeal.
const (
	PartyUser       Party = "USER"
	PartyMerchant   Party = "MERCHANT"
	PartyOperations Party = "OPERATIONS"
	PartySystem     Party = "SYSTEM"
)

// FlowFor returns the nodes a product kind passes through, in order.
// Hardware and orchestration start at delivery; License has its own short flow.
func FlowFor(kind ProductKind) []Node {
	switch kind {
	case KindHardware:
		return []Node{NodeShip, NodeInTransit, NodeAcceptance, NodeDone}
	case KindOrchestration:
		return []Node{NodeDeliver, NodeConfirmCompletion, NodeAcceptance, NodeDone}
	case KindLicense:
		return []Node{NodeConfirmRequirement, NodeActivateCode, NodeUploadProof, NodeDone}
	default:
		return []Node{NodeSubmitRequirement, NodeConfirmRequirement, NodeDeliver,
			NodeConfirmCompletion, NodeAcceptance, NodeDone}
	}
}

// NodeActor says who must act at a node.
// An unknown node is taken as the merchant's, so it is shown as waiting
// rather than hidden.
func NodeActor(n Node) Party {
	if st := KindOf(ResSupervision).Status(string(n)); st.Actor != "" {
		return st.Actor
	}
	return PartyMerchant
}

// Supervision timers, from the marketplace's rules.
const (
	HardwareAutoAccept   = 10 * 24 * time.Hour  // after the courier delivery is signed for
	MerchantStallAppeal  = 5 * 24 * time.Hour   // merchant idle this long: the user may appeal
	UnacceptedWarning    = 180 * 24 * time.Hour // not accepted this long: warning to the merchant
	MaxRejectionsAppeal  = 3                    // more rejections than this: the user may appeal
	AcceptToOrderDoneMax = 3 * time.Hour        // order turns 已完成 within about this long
)

// AppealStatus is the state of an appeal (申诉).
type AppealStatus string

// Appeal states. An open appeal freezes the flow until operations decide.
const (
	AppealOpen     AppealStatus = "OPEN"
	AppealUpheld   AppealStatus = "UPHELD"
	AppealRejected AppealStatus = "REJECTED"
)

// Appeal is a complaint raised by either side at any node.
type Appeal struct {
	By       Party        `json:"by"`
	Reason   string       `json:"reason"`
	OpenedAt time.Time    `json:"openedAt"`
	Status   AppealStatus `json:"status"`
	Decision string       `json:"decision,omitempty"`
}

// SupervisionTask is one order under service supervision (服务监管).
type SupervisionTask struct {
	Meta
	OrderID       string      `json:"orderId"`
	ProductID     string      `json:"productId"`
	ProductName   string      `json:"productName"`
	CustomerName  string      `json:"customerName"`
	Kind          ProductKind `json:"productKind"`
	Current       Node        `json:"currentNode"`
	Rejections    int         `json:"rejections"`
	Appeal        *Appeal     `json:"appeal,omitempty"`
	CreatedAt     time.Time   `json:"createdAt"`
	NodeEnteredAt time.Time   `json:"nodeEnteredAt"`
	SignedForAt   time.Time   `json:"signedForAt,omitzero"` // hardware: courier delivery signed
	PhoneMismatch bool        `json:"phoneMismatch,omitempty"`
	ReportName    string      `json:"reportName,omitempty"` // uploaded acceptance report / proof
	History       []NodeEvent `json:"history,omitempty"`
}

// Resource implements Record.
func (SupervisionTask) Resource() Resource { return ResSupervision }

// NodeEvent records one step taken in a flow.
type NodeEvent struct {
	Node   Node      `json:"node"`
	By     Party     `json:"by"`
	Action string    `json:"action"`
	Note   string    `json:"note,omitempty"`
	At     time.Time `json:"at"`
}

// Flow is the task's full list of nodes.
func (t SupervisionTask) Flow() []Node { return FlowFor(t.Kind) }

// Frozen reports whether an open appeal holds the flow.
func (t SupervisionTask) Frozen() bool { return t.Appeal != nil && t.Appeal.Status == AppealOpen }

// NextActor says who must act now: operations while an open appeal freezes
// the flow, the system at automatic steps and once the flow is done.
func (t SupervisionTask) NextActor() Party {
	if t.Frozen() {
		return PartyOperations
	}
	return NodeActor(t.Current)
}

// WaitingOnMerchant reports whether the merchant must act now.
func (t SupervisionTask) WaitingOnMerchant() bool { return t.NextActor() == PartyMerchant }

// AutoAcceptAt is when a hardware delivery is accepted automatically, or the
// zero time when no such timer runs (not hardware, not signed for, or the
// recipient's phone does not match the logistics record).
func (t SupervisionTask) AutoAcceptAt() time.Time {
	if t.Kind != KindHardware || t.SignedForAt.IsZero() || t.PhoneMismatch || t.Current == NodeDone {
		return time.Time{}
	}
	return t.SignedForAt.Add(HardwareAutoAccept)
}

// StallAppealAt is when the user may appeal because the merchant has not
// acted; zero when the merchant is not the one to act.
func (t SupervisionTask) StallAppealAt() time.Time {
	if !t.WaitingOnMerchant() {
		return time.Time{}
	}
	return t.NodeEnteredAt.Add(MerchantStallAppeal)
}

// WarningAt is when the 180-day unaccepted warning is raised; zero once done.
func (t SupervisionTask) WarningAt() time.Time {
	if t.Current == NodeDone {
		return time.Time{}
	}
	return t.CreatedAt.Add(UnacceptedWarning)
}

// NextDeadline is the earliest pending timer of the task, or zero.
func (t SupervisionTask) NextDeadline() time.Time {
	return earliest(t.AutoAcceptAt(), t.StallAppealAt(), t.WarningAt())
}

func earliest(ts ...time.Time) time.Time {
	var best time.Time
	for _, t := range ts {
		if !t.IsZero() && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	return best
}

// SupervisionDeadline names one of the timers that bind a merchant in a
// supervision flow.
type SupervisionDeadline string

// The timers of a flow (see domain.md, service supervision).
const (
	DeadlineStallAppeal SupervisionDeadline = "stall-appeal" // the merchant stalled 5 days: the user may appeal
	DeadlineAutoAccept  SupervisionDeadline = "auto-accept"  // hardware: accepted 10 days after sign-off
	DeadlineWarning     SupervisionDeadline = "warning"      // not accepted after 180 days: a warning
)

var supervisionDeadlineLabels = map[SupervisionDeadline]Label{
	DeadlineStallAppeal: {"用户可申诉（商家超期未处理）", "User may appeal (stall)"},
	DeadlineAutoAccept:  {"自动验收", "Automatic acceptance"},
	DeadlineWarning:     {"180 天未验收告警", "180-day warning"},
}

// Label names the timer in both languages.
func (d SupervisionDeadline) Label() Label { return labelOf(supervisionDeadlineLabels, d) }

// BindingDeadline is the task's earliest pending timer and which one it is
// (NextDeadline names only the time); the zero time when none runs.
func (t SupervisionTask) BindingDeadline() (SupervisionDeadline, time.Time) {
	var which SupervisionDeadline
	var best time.Time
	for _, d := range []struct {
		name SupervisionDeadline
		at   time.Time
	}{{DeadlineAutoAccept, t.AutoAcceptAt()}, {DeadlineStallAppeal, t.StallAppealAt()}, {DeadlineWarning, t.WarningAt()}} {
		if !d.at.IsZero() && (best.IsZero() || d.at.Before(best)) {
			which, best = d.name, d.at
		}
	}
	return which, best
}

// DeadlinePassed reports whether the binding deadline has passed at now: the
// user may already appeal a stall, or the warning is raised. Since it is the
// earliest timer, any passed timer makes it pass.
func (t SupervisionTask) DeadlinePassed(now time.Time) bool {
	_, at := t.BindingDeadline()
	return !at.IsZero() && !now.Before(at)
}

// StallAppealPassed reports whether the user may appeal for the merchant's
// stall at now.
func (t SupervisionTask) StallAppealPassed(now time.Time) bool {
	at := t.StallAppealAt()
	return !at.IsZero() && !now.Before(at)
}
