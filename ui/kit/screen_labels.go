package kit

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
)

// The Label* functions give the users' words for domain codes. The English
// text is the translation key, so a missing Chinese entry still reads.

func LabelTicketStatus(s domain.TicketStatus) string {
	switch s {
	case domain.TicketPendingAccept:
		return lang.L("Pending acceptance")
	case domain.TicketProcessing:
		return lang.L("Processing")
	case domain.TicketAwaitingCustomer:
		return lang.L("Awaiting customer")
	case domain.TicketAwaitingConfirm:
		return lang.L("Awaiting confirmation")
	case domain.TicketCompleted:
		return lang.L("Completed")
	case domain.TicketRevoked:
		return lang.L("Revoked")
	}
	return string(s)
}

func LabelOrderStatus(s domain.OrderStatus) string {
	switch s {
	case domain.OrderProcessing:
		return lang.L("Processing")
	case domain.OrderCompleted:
		return lang.L("Completed")
	case domain.OrderCancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

func LabelOrderType(t domain.OrderType) string {
	switch t {
	case domain.OrderNew:
		return lang.L("New purchase")
	case domain.OrderRenew:
		return lang.L("Renewal")
	case domain.OrderChange:
		return lang.L("Change")
	case domain.OrderUnsubscribe:
		return lang.L("Unsubscribe")
	case domain.OrderTrial:
		return lang.L("Trial")
	case domain.OrderTrialToFormal:
		return lang.L("Trial to formal")
	}
	return string(t)
}

func LabelChargingMode(m domain.ChargingMode) string {
	switch m {
	case domain.ChargePeriod:
		return lang.L("Subscription")
	case domain.ChargeOneTime:
		return lang.L("One-time")
	case domain.ChargeOnDemand:
		return lang.L("On demand")
	case domain.ChargeOnDemandPack:
		return lang.L("On-demand package")
	}
	return string(m)
}

func LabelParty(p domain.Party) string {
	switch p {
	case domain.PartyUser:
		return lang.L("Customer")
	case domain.PartyMerchant:
		return lang.L("Merchant")
	case domain.PartyOperations:
		return lang.L("Operations manager")
	case domain.PartySystem:
		return lang.L("System")
	}
	return string(p)
}

func LabelNode(n domain.Node) string {
	switch n {
	case domain.NodeSubmitRequirement:
		return lang.L("Customer submits requirement")
	case domain.NodeConfirmRequirement:
		return lang.L("Confirm requirement")
	case domain.NodeDeliver:
		return lang.L("Deliver and upload acceptance report")
	case domain.NodeShip:
		return lang.L("Ship and enter logistics")
	case domain.NodeInTransit:
		return lang.L("In transit")
	case domain.NodeConfirmCompletion:
		return lang.L("Confirm completion")
	case domain.NodeActivateCode:
		return lang.L("Activation code activated")
	case domain.NodeUploadProof:
		return lang.L("Upload delivery proof")
	case domain.NodeAcceptance:
		return lang.L("Customer acceptance")
	case domain.NodeDone:
		return lang.L("Done")
	}
	return string(n)
}

func LabelProductKind(k domain.ProductKind) string {
	switch k {
	case domain.KindManualService:
		return lang.L("Manual service")
	case domain.KindSaaSOffline:
		return lang.L("SaaS (offline delivery)")
	case domain.KindHardware:
		return lang.L("Hardware")
	case domain.KindOrchestration:
		return lang.L("Application orchestration")
	case domain.KindLicense:
		return lang.L("License")
	}
	return string(k)
}

func LabelAlertState(s domain.AlertState) string {
	switch s {
	case domain.AlertRetrying:
		return lang.L("Retrying automatically")
	case domain.AlertFailed:
		return lang.L("Failed: restart by hand")
	case domain.AlertRestarting:
		return lang.L("Restarting")
	case domain.AlertResolved:
		return lang.L("Resolved")
	case domain.AlertUnsubscribed:
		return lang.L("Unsubscribed")
	}
	return string(s)
}

func LabelInterface(k domain.InterfaceKind) string {
	switch k {
	case domain.IfaceCreateInstance:
		return lang.L("Create instance")
	case domain.IfaceUpgrade:
		return lang.L("Upgrade")
	case domain.IfaceUpdateStatus:
		return lang.L("Update instance status")
	case domain.IfaceRenew:
		return lang.L("Renew")
	case domain.IfaceExpire:
		return lang.L("Expire")
	case domain.IfaceRelease:
		return lang.L("Release")
	case domain.IfaceOrderNotify:
		return lang.L("Order notification")
	}
	return string(k)
}

func LabelBillType(t domain.BillType) string {
	switch t {
	case domain.BillGeneral:
		return lang.L("General goods bill")
	case domain.BillJoint:
		return lang.L("Joint operation bill")
	case domain.BillHuawei:
		return lang.L("Huawei goods bill")
	}
	return "—"
}

func LabelBillStatus(s domain.BillStatus) string {
	switch s {
	case domain.BillPendingInvoice:
		return lang.L("Pending invoice")
	case domain.BillInvoiceReview:
		return lang.L("Invoice under review")
	case domain.BillInvoiceError:
		return lang.L("Invoice information wrong")
	case domain.BillInvoiceApproved:
		return lang.L("Invoice approved")
	case domain.BillPaymentInfoError:
		return lang.L("Payment information wrong")
	case domain.BillPaymentAppFailed:
		return lang.L("Payment application failed")
	case domain.BillPaymentRejected:
		return lang.L("Payment application rejected")
	case domain.BillPaid:
		return lang.L("Paid")
	}
	return string(s)
}

// PickLanguage picks one side of a bilingual "中文 / English" text.
func PickLanguage(both string) string {
	zh, en, ok := strings.Cut(both, " / ")
	if !ok {
		return both
	}
	if Chinese() {
		return zh
	}
	return en
}

// ResourceLabel names a kind of record.
func ResourceLabel(r domain.Resource) string {
	switch r {
	case domain.ResOrders:
		return lang.L("Orders")
	case domain.ResSupervision:
		return lang.L("Service supervision")
	case domain.ResTickets:
		return lang.L("Tickets")
	case domain.ResAlerts:
		return lang.L("Interface alerts")
	case domain.ResBills:
		return lang.L("Bills")
	case domain.ResTransactions:
		return lang.L("Transaction details")
	case domain.ResMessages:
		return lang.L("Messages")
	}
	return string(r)
}

// ResourceLabels are the names of resources, in order.
func ResourceLabels(rs []domain.Resource) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = ResourceLabel(r)
	}
	return out
}

// StatusCodesFor lists a resource's status codes, in the order the
// marketplace shows them, for filters.
func StatusCodesFor(r domain.Resource) []string {
	switch r {
	case domain.ResOrders:
		return codes(domain.OrderStatuses)
	case domain.ResTickets:
		return codes(domain.TicketStatuses)
	case domain.ResAlerts:
		return codes(domain.AlertStates)
	case domain.ResBills:
		return codes(domain.BillStatuses)
	case domain.ResTransactions:
		return []string{string(domain.TxUnbilled), string(domain.TxBilled)}
	case domain.ResSupervision:
		return codes([]domain.Node{domain.NodeSubmitRequirement, domain.NodeConfirmRequirement, domain.NodeDeliver,
			domain.NodeShip, domain.NodeInTransit, domain.NodeConfirmCompletion, domain.NodeActivateCode,
			domain.NodeUploadProof, domain.NodeAcceptance, domain.NodeDone})
	}
	return nil
}

func codes[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

// StatusLabel gives the words for any resource's status code.
func StatusLabel(r domain.Resource, code string) string {
	switch r {
	case domain.ResOrders:
		return LabelOrderStatus(domain.OrderStatus(code))
	case domain.ResTickets:
		return LabelTicketStatus(domain.TicketStatus(code))
	case domain.ResAlerts:
		return LabelAlertState(domain.AlertState(code))
	case domain.ResBills:
		return LabelBillStatus(domain.BillStatus(code))
	case domain.ResSupervision:
		return LabelNode(domain.Node(code))
	case domain.ResTransactions:
		if code == string(domain.TxBilled) {
			return lang.L("Billed")
		}
		return lang.L("Unbilled")
	}
	return code
}

// StatusLabelsFor are the words for a resource's status codes, in the
// order of StatusCodesFor.
func StatusLabelsFor(r domain.Resource) []string {
	cs := StatusCodesFor(r)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = StatusLabel(r, c)
	}
	return out
}
