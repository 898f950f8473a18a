package notify

import "github.com/koogallery/merchant-console/domain"

// Kind names a notification rule: one kind of event a merchant may want to hear about.
type Kind string

// The rules. The string is the JSON key in Settings.Rules and the first part
// of every notification key, so never rename one. The rules a status raises
// are the domain's notices (domain.Status.Notice); the others are clocks,
// replies and the sync's own health.
const (
	KindNewTicket          Kind = Kind(domain.NoticeNewTicket)          // a customer opened a ticket
	KindCustomerReplied    Kind = "customer-replied"                    // a new USER message on a ticket
	KindTicketSLA          Kind = "ticket-sla"                          // a ticket's SLA is about to be breached
	KindNewAlert           Kind = Kind(domain.NoticeNewAlert)           // a production-interface call failed
	KindAlertCountdown     Kind = "alert-countdown"                     // a failed order is close to automatic unsubscription
	KindSupervisionWaiting Kind = Kind(domain.NoticeSupervisionWaiting) // a supervision node now waits on the merchant
	KindHardwareAccept     Kind = "hardware-auto-accept"                // a hardware delivery is about to be accepted automatically
	KindSupervision180     Kind = "supervision-180d"                    // supervision unaccepted for 180 days
	KindBillInvoice        Kind = Kind(domain.NoticeBillInvoice)        // a bill waits for the merchant's invoice (待开票)
	KindPaymentRejected    Kind = Kind(domain.NoticePaymentRejected)    // a payment application was rejected (申请被驳回)
	KindNewOrder           Kind = Kind(domain.NoticeNewOrder)           // a new order arrived
	KindSyncFailing        Kind = "sync-failing"                        // syncing has failed for a long time
	KindMessageImportant   Kind = "message-important"                   // a message-centre message on an order's opening or unsubscription (rules_message.go)
	KindMessage            Kind = "message"                             // any other new message-centre message (站内信)
	// KindSummary is no rule: it is the one popup that stands for those a
	// launch or an account's first sync would raise (see Engine.Hold).
	KindSummary Kind = "summary"
)

// criticalKinds are the rules whose events a missed one costs an order or
// an SLA: a launch summary lists them first. Whether a popup stays until
// dismissed is the rule's own mode (RuleSetting.Persistent).
var criticalKinds = map[Kind]bool{KindAlertCountdown: true, KindTicketSLA: true}

// statusNotice is the rule the record's status raises when the record
// arrives in it or enters it, or "" when the status is not news.
func statusNotice(r domain.Record) Kind {
	return Kind(domain.KindOf(r.Resource()).Status(domain.StatusOf(r)).Notice)
}

// AllKinds lists every rule in the order a settings screen shows them.
var AllKinds = []Kind{
	KindAlertCountdown, KindNewAlert, KindNewTicket, KindCustomerReplied, KindTicketSLA,
	KindSupervisionWaiting, KindHardwareAccept, KindSupervision180,
	KindBillInvoice, KindPaymentRejected, KindNewOrder, KindMessageImportant, KindMessage, KindSyncFailing,
}
