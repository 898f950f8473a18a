package notify

import (
	"fmt"
	"strings"
)

// The words of the launch / first-sync summary and of the popup action,
// kept apart from text.go's phrase table.

// summaryTitle counts what the summary stands for.
func summaryTitle(lang Lang, total int) string {
	if lang == LangEN {
		if total == 1 {
			return "1 new notification"
		}
		return fmt.Sprintf("%d new notifications", total)
	}
	return fmt.Sprintf("%d 条新通知", total)
}

// summaryCounts are each rule's count in a summary line, singular and plural
// (English) or one form (Chinese), with %d for the count.
var summaryCounts = map[Kind][3]string{
	KindNewTicket:          {"%d 个新工单", "%d new ticket", "%d new tickets"},
	KindCustomerReplied:    {"%d 个工单有客户回复", "%d customer reply", "%d customer replies"},
	KindTicketSLA:          {"%d 个工单即将超时", "%d ticket near its SLA", "%d tickets near their SLA"},
	KindNewAlert:           {"%d 个接口调用失败", "%d interface failure", "%d interface failures"},
	KindAlertCountdown:     {"%d 个订单即将被自动退订", "%d order near automatic unsubscription", "%d orders near automatic unsubscription"},
	KindSupervisionWaiting: {"%d 个服务监管待您处理", "%d supervision task waiting on you", "%d supervision tasks waiting on you"},
	KindHardwareAccept:     {"%d 个硬件订单即将自动验收", "%d hardware order near auto-acceptance", "%d hardware orders near auto-acceptance"},
	KindSupervision180:     {"%d 个服务监管满 180 天未验收", "%d supervision task unaccepted for 180 days", "%d supervision tasks unaccepted for 180 days"},
	KindBillInvoice:        {"%d 个账单待开票", "%d bill needs an invoice", "%d bills need an invoice"},
	KindPaymentRejected:    {"%d 个申付单被驳回", "%d payment application rejected", "%d payment applications rejected"},
	KindNewOrder:           {"%d 个新订单", "%d new order", "%d new orders"},
	KindSyncFailing:        {"%d 个账号同步失败", "%d account failing to sync", "%d accounts failing to sync"},
}

// overdueCounts word tickets whose SLA already passed.
var overdueCounts = [3]string{"%d 个工单已超时", "%d ticket overdue", "%d tickets overdue"}

// summaryLine words one part of a summary: "12 tickets overdue".
func summaryLine(lang Lang, p summaryPart, count int) string {
	forms := summaryCounts[p.kind]
	if p.overdue {
		forms = overdueCounts
	}
	switch {
	case lang != LangEN:
		return fmt.Sprintf(forms[0], count)
	case count == 1:
		return fmt.Sprintf(forms[1], count)
	}
	return fmt.Sprintf(forms[2], count)
}

func joinSummary(lang Lang, lines []string) string {
	if lang == LangEN {
		return strings.Join(lines, ", ")
	}
	return strings.Join(lines, "，")
}

// openLabel is the popup action that opens the record in the window.
func openLabel(lang Lang) string {
	if lang == LangEN {
		return "Open"
	}
	return "打开"
}
