package domain

import "strings"

// Label is a text the users see, in both languages the console speaks.
// Chinese is the marketplace's own wording; English is ours.
type Label struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the label in lang: English for any tag starting with "en"
// ("en", "en-US"), Chinese for everything else ("zh", "zh-Hans", ""), as the
// marketplace is Chinese first.
func (l Label) In(lang string) string {
	if English(lang) {
		return l.En
	}
	return l.Zh
}

// Pick returns the English text when english is set, the Chinese otherwise.
func (l Label) Pick(english bool) string {
	if english {
		return l.En
	}
	return l.Zh
}

// English reports whether a language tag asks for English.
func English(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "en") }

// labelOf looks a code up in a label table; an unknown code (one the
// marketplace added later) reads as itself in both languages.
func labelOf[C ~string](m map[C]Label, c C) Label {
	if l, ok := m[c]; ok {
		return l
	}
	return Label{Zh: string(c), En: string(c)}
}

// The users' words for the codes the marketplace sends. Statuses are labelled
// in kinds.go with the rest of their description; these are the other codes
// a screen, an export or a notification shows.

var orderTypeLabels = map[OrderType]Label{
	OrderNew:           {"新购", "New purchase"},
	OrderRenew:         {"续费", "Renewal"},
	OrderChange:        {"变更/升级", "Change/upgrade"},
	OrderUnsubscribe:   {"退订", "Unsubscribe"},
	OrderTrial:         {"试用", "Trial"},
	OrderTrialToFormal: {"试用转正", "Trial to formal"},
}

// Label is the order type's name.
func (t OrderType) Label() Label { return labelOf(orderTypeLabels, t) }

// ChargingModes lists every charging mode, for labels and filters.
var ChargingModes = []ChargingMode{ChargePeriod, ChargeOneTime, ChargeOnDemand, ChargeOnDemandPack}

var chargingModeLabels = map[ChargingMode]Label{
	ChargePeriod:       {"包周期", "Periodic"},
	ChargeOneTime:      {"按次", "One-time"},
	ChargeOnDemand:     {"按需", "On demand"},
	ChargeOnDemandPack: {"按需套餐包", "On-demand package"},
}

// Label is the charging mode's name.
func (m ChargingMode) Label() Label { return labelOf(chargingModeLabels, m) }

// PeriodTypes lists every period unit.
var PeriodTypes = []PeriodType{PeriodYear, PeriodMonth, PeriodDay}

var periodTypeLabels = map[PeriodType]Label{
	PeriodYear:  {"年", "year"},
	PeriodMonth: {"月", "month"},
	PeriodDay:   {"天", "day"},
}

// Label is the period unit's name.
func (p PeriodType) Label() Label { return labelOf(periodTypeLabels, p) }

// Parties lists every party.
var Parties = []Party{PartyUser, PartyMerchant, PartyOperations, PartySystem}

var partyLabels = map[Party]Label{
	PartyUser:       {"用户", "Customer"},
	PartyMerchant:   {"商家", "Merchant"},
	PartyOperations: {"运营经理", "Operations manager"},
	PartySystem:     {"系统", "System"},
}

// Label is the party's name.
func (p Party) Label() Label { return labelOf(partyLabels, p) }

// ProductKinds lists every supervised product kind.
var ProductKinds = []ProductKind{KindManualService, KindSaaSOffline, KindHardware, KindOrchestration, KindLicense}

var productKindLabels = map[ProductKind]Label{
	KindManualService: {"人工服务", "Manual service"},
	KindSaaSOffline:   {"SaaS 线下交付", "SaaS (offline delivery)"},
	KindHardware:      {"硬件", "Hardware"},
	KindOrchestration: {"应用编排", "Application orchestration"},
	KindLicense:       {"License", "License"},
}

// Label is the product kind's name.
func (k ProductKind) Label() Label { return labelOf(productKindLabels, k) }

var interfaceLabels = map[InterfaceKind]Label{
	IfaceCreateInstance: {"新购（创建实例）", "Create instance"},
	IfaceUpgrade:        {"变更/升级", "Upgrade"},
	IfaceUpdateStatus:   {"更新实例状态", "Update instance status"},
	IfaceRenew:          {"续费", "Renew"},
	IfaceExpire:         {"过期", "Expire"},
	IfaceRelease:        {"释放", "Release"},
	IfaceOrderNotify:    {"订单通知", "Order notification"},
}

// Label is the production interface's name.
func (k InterfaceKind) Label() Label { return labelOf(interfaceLabels, k) }

var billTypeLabels = map[BillType]Label{
	BillGeneral: {"通用商品账单", "General goods bill"},
	BillJoint:   {"联营商品账单", "Joint operation bill"},
	BillHuawei:  {"华为商品账单", "Huawei goods bill"},
}

// Label is the bill type's name.
func (t BillType) Label() Label { return labelOf(billTypeLabels, t) }

// AppealStatuses lists every appeal state.
var AppealStatuses = []AppealStatus{AppealOpen, AppealUpheld, AppealRejected}

var appealLabels = map[AppealStatus]Label{
	AppealOpen:     {"申诉中", "Open"},
	AppealUpheld:   {"申诉成立", "Upheld"},
	AppealRejected: {"申诉驳回", "Rejected"},
}

// Label is the appeal state's name.
func (s AppealStatus) Label() Label { return labelOf(appealLabels, s) }

// Label is the node's name; the same words are the supervision kind's status labels.
func (n Node) Label() Label { return KindOf(ResSupervision).Status(string(n)).Label }

// Label is the order status's name.
func (s OrderStatus) Label() Label { return KindOf(ResOrders).Status(string(s)).Label }

// Label is the ticket status's name.
func (s TicketStatus) Label() Label { return KindOf(ResTickets).Status(string(s)).Label }

// Label is the alert state's name.
func (s AlertState) Label() Label { return KindOf(ResAlerts).Status(string(s)).Label }

// Label is the bill status's name.
func (s BillStatus) Label() Label { return KindOf(ResBills).Status(string(s)).Label }

// Label is the transaction status's name.
func (s TransactionStatus) Label() Label { return KindOf(ResTransactions).Status(string(s)).Label }

// Label is the message category's name.
func (c MessageCategory) Label() Label { return KindOf(ResMessages).Status(string(c)).Label }
