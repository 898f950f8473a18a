package screens

import "github.com/koogallery/merchant-console/domain"

// TicketsWaiting are the statuses in which a ticket waits for an agent.
var TicketsWaiting = []string{string(domain.TicketPendingAccept), string(domain.TicketProcessing)}

// AlertsOpen are the states in which a failed call still needs the seller.
var AlertsOpen = []string{string(domain.AlertRetrying), string(domain.AlertFailed), string(domain.AlertRestarting)}

// SupervisionMerchantNodes are the nodes where the merchant acts; an open
// appeal may still hold some of them (the detail pane says so).
var SupervisionMerchantNodes = []string{
	string(domain.NodeConfirmRequirement), string(domain.NodeDeliver), string(domain.NodeShip),
	string(domain.NodeConfirmCompletion), string(domain.NodeUploadProof),
}

// BillsNeedingMe are the statuses in which the merchant must act.
var BillsNeedingMe = func() []string {
	var out []string
	for _, s := range domain.BillStatuses {
		if s.NeedsMerchant() {
			out = append(out, string(s))
		}
	}
	return out
}()
