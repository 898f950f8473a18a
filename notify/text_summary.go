package notify

import (
	"strings"

	"github.com/koogallery/merchant-console/i18n"
)

// The words of the launch / first-sync summary and of the popup action.
// They are i18n catalogue keys, as text.go's; the count forms are looked
// up from a table, so summary_text_test.go checks the catalogues have them.

// summaryTitle counts what the summary stands for.
func summaryTitle(lang Lang, total int) string {
	if total == 1 {
		return i18n.In(lang.language(), "1 new notification")
	}
	return i18n.In(lang.language(), "{{.N}} new notifications", map[string]any{"N": total})
}

// summaryCounts are each rule's count in a summary line, singular and
// plural (English keys; Chinese has one form).
var summaryCounts = map[Kind][2]string{
	KindNewTicket:          {"{{.N}} new ticket", "{{.N}} new tickets"},
	KindCustomerReplied:    {"{{.N}} customer reply", "{{.N}} customer replies"},
	KindTicketSLA:          {"{{.N}} ticket near its SLA", "{{.N}} tickets near their SLA"},
	KindNewAlert:           {"{{.N}} interface failure", "{{.N}} interface failures"},
	KindAlertCountdown:     {"{{.N}} order near automatic unsubscription", "{{.N}} orders near automatic unsubscription"},
	KindSupervisionWaiting: {"{{.N}} supervision task waiting on you", "{{.N}} supervision tasks waiting on you"},
	KindHardwareAccept:     {"{{.N}} hardware order near auto-acceptance", "{{.N}} hardware orders near auto-acceptance"},
	KindSupervision180:     {"{{.N}} supervision task unaccepted for 180 days", "{{.N}} supervision tasks unaccepted for 180 days"},
	KindBillInvoice:        {"{{.N}} bill needs an invoice", "{{.N}} bills need an invoice"},
	KindPaymentRejected:    {"{{.N}} payment application rejected", "{{.N}} payment applications rejected"},
	KindNewOrder:           {"{{.N}} new order", "{{.N}} new orders"},
	KindSyncFailing:        {"{{.N}} account failing to sync", "{{.N}} accounts failing to sync"},
	KindMessageImportant:   {"{{.N}} message on order opening or unsubscription", "{{.N}} messages on order opening or unsubscription"},
	KindMessage:            {"{{.N}} new message", "{{.N}} new messages"},
}

// overdueCounts word tickets whose SLA already passed.
var overdueCounts = [2]string{"{{.N}} ticket overdue", "{{.N}} tickets overdue"}

// summaryLine words one part of a summary: "12 tickets overdue".
func summaryLine(lang Lang, p summaryPart, count int) string {
	forms := summaryCounts[p.kind]
	if p.overdue {
		forms = overdueCounts
	}
	key := forms[1]
	if count == 1 {
		key = forms[0]
	}
	return i18n.In(lang.language(), key, map[string]any{"N": count})
}

func joinSummary(lang Lang, lines []string) string {
	if lang == LangEN {
		return strings.Join(lines, ", ")
	}
	return strings.Join(lines, "，") // the catalogue's ", " is the enumeration comma 、
}

// openLabel is the popup action that opens the record in the window.
func openLabel(lang Lang) string { return i18n.In(lang.language(), "Open") }
