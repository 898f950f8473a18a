package notify

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/koogallery/merchant-console/domain"
)

// phrase is one rule's wording in both languages. Single texts take the
// event; plural titles take the count. Bodies name the record so the user
// knows which one without opening the app.
type phrase struct {
	title, titleEN   string
	body, bodyEN     func(e event) string
	plural, pluralEN string // with %d for the count
}

var phrases = map[Kind]phrase{
	KindNewTicket: {
		"新工单", "New ticket",
		func(e event) string { return fmt.Sprintf("「%s」来自 %s", e.ref, e.detail) },
		func(e event) string { return fmt.Sprintf("“%s” from %s", e.ref, e.detail) },
		"%d 个新工单", "%d new tickets",
	},
	KindCustomerReplied: {
		"客户回复了工单", "Customer replied",
		func(e event) string { return fmt.Sprintf("「%s」：%s", e.ref, e.detail) },
		func(e event) string { return fmt.Sprintf("“%s”: %s", e.ref, e.detail) },
		"%d 个工单有客户回复", "Customers replied on %d tickets",
	},
	KindTicketSLA: {
		"工单即将超时", "Ticket SLA near breach",
		func(e event) string {
			if e.left <= 0 {
				return fmt.Sprintf("「%s」已超过处理时限", e.ref)
			}
			return fmt.Sprintf("「%s」剩余 %d 分钟", e.ref, minutesLeft(e.left))
		},
		func(e event) string {
			if e.left <= 0 {
				return fmt.Sprintf("“%s”: SLA breached", e.ref)
			}
			return fmt.Sprintf("“%s”: %d min left", e.ref, minutesLeft(e.left))
		},
		"%d 个工单即将超时", "%d tickets near SLA breach",
	},
	KindNewAlert: {
		"生产接口调用失败", "Production interface call failed",
		func(e event) string { return fmt.Sprintf("订单 %s：%s", e.ref, e.detail) },
		func(e event) string { return fmt.Sprintf("Order %s: %s", e.ref, e.detail) },
		"%d 个新的接口调用失败", "%d new interface failures",
	},
	KindAlertCountdown: {
		"订单即将被自动退订", "Order about to be unsubscribed",
		func(e event) string {
			return fmt.Sprintf("订单 %s（%s）还剩 %d 分钟，请修复接口后重新启动", e.ref, e.detail, minutesLeft(e.left))
		},
		func(e event) string {
			return fmt.Sprintf("Order %s (%s): %d min left before automatic unsubscription; fix the interface and restart",
				e.ref, e.detail, minutesLeft(e.left))
		},
		"%d 个订单即将被自动退订", "%d orders about to be unsubscribed",
	},
	KindSupervisionWaiting: {
		"服务监管待您处理", "Supervision waiting on you",
		func(e event) string { return fmt.Sprintf("订单 %s：%s", e.ref, nodeName(e.detail, LangZH)) },
		func(e event) string { return fmt.Sprintf("Order %s: %s", e.ref, nodeName(e.detail, LangEN)) },
		"%d 个服务监管待您处理", "%d supervision tasks waiting on you",
	},
	KindHardwareAccept: {
		"硬件即将自动验收", "Hardware auto-acceptance near",
		func(e event) string {
			return fmt.Sprintf("订单 %s（%s）将于 %s 自动验收", e.ref, e.detail, e.at.Format("01-02 15:04"))
		},
		func(e event) string {
			return fmt.Sprintf("Order %s (%s) is accepted automatically on %s", e.ref, e.detail, e.at.Format("Jan 2 15:04"))
		},
		"%d 个硬件订单即将自动验收", "%d hardware orders near auto-acceptance",
	},
	KindSupervision180: {
		"服务监管 180 天未验收", "Supervision unaccepted for 180 days",
		func(e event) string {
			return fmt.Sprintf("订单 %s（%s）%s 满 180 天未验收", e.ref, e.detail, e.at.Format("2006-01-02"))
		},
		func(e event) string {
			return fmt.Sprintf("Order %s (%s) reaches 180 days unaccepted on %s", e.ref, e.detail, e.at.Format("2006-01-02"))
		},
		"%d 个服务监管满 180 天未验收", "%d supervision tasks unaccepted for 180 days",
	},
	KindBillInvoice: {
		"账单待开票", "Bill needs an invoice",
		func(e event) string { return fmt.Sprintf("%s 账单 %s，请按开票清单开票", e.ref, e.detail) },
		func(e event) string { return fmt.Sprintf("Bill %s, %s: invoice against the list", e.ref, e.detail) },
		"%d 个账单待开票", "%d bills need an invoice",
	},
	KindPaymentRejected: {
		"申请被驳回", "Payment application rejected",
		func(e event) string { return fmt.Sprintf("%s 账单的申付单被驳回：%s", e.ref, e.detail) },
		func(e event) string { return fmt.Sprintf("Bill %s, payment application rejected: %s", e.ref, e.detail) },
		"%d 个申付单被驳回", "%d payment applications rejected",
	},
	KindNewOrder: {
		"新订单", "New order",
		func(e event) string { return fmt.Sprintf("订单 %s：%s", e.ref, e.detail) },
		func(e event) string { return fmt.Sprintf("Order %s: %s", e.ref, e.detail) },
		"%d 个新订单", "%d new orders",
	},
	KindSyncFailing: {
		"同步失败", "Sync failing",
		func(e event) string {
			return fmt.Sprintf("%s 已连续 %d 分钟无法同步：%s", e.ref, minutesLeft(e.left), e.detail)
		},
		func(e event) string {
			return fmt.Sprintf("%s could not sync for %d min: %s", e.ref, minutesLeft(e.left), e.detail)
		},
		"%d 个账号同步失败", "Sync failing on %d accounts",
	},
}

// singleText words one event.
func singleText(lang Lang, e event) (title, body string) {
	p := phrases[e.kind]
	if lang == LangEN {
		return p.titleEN, p.bodyEN(e)
	}
	return p.title, p.body(e)
}

// maxNamed is how many records a coalesced body names before "…".
const maxNamed = 3

// pluralText words several events of one kind: the count in the title, the
// first few records in the body.
func pluralText(lang Lang, kind Kind, evs []event) (title, body string) {
	p := phrases[kind]
	refs := make([]string, 0, maxNamed)
	for i, e := range evs {
		if i == maxNamed {
			break
		}
		refs = append(refs, e.ref)
	}
	if lang == LangEN {
		body = strings.Join(refs, ", ")
		if len(evs) > maxNamed {
			body += ", …"
		}
		return fmt.Sprintf(p.pluralEN, len(evs)), body
	}
	body = strings.Join(refs, "、")
	if len(evs) > maxNamed {
		body += " 等"
	}
	return fmt.Sprintf(p.plural, len(evs)), body
}

// nodeNames words the nodes that wait on the merchant.
var nodeNames = map[domain.Node][2]string{
	domain.NodeConfirmRequirement: {"确认需求", "confirm the requirements"},
	domain.NodeDeliver:            {"开通交付并上传验收报告", "deliver and upload the acceptance report"},
	domain.NodeShip:               {"发货并录入物流", "ship and enter the logistics"},
	domain.NodeConfirmCompletion:  {"确认完成", "confirm completion"},
	domain.NodeUploadProof:        {"上传交付证明", "upload the delivery proof"},
}

func nodeName(node string, lang Lang) string {
	n, ok := nodeNames[domain.Node(node)]
	if !ok {
		return node
	}
	if lang == LangEN {
		return n[1]
	}
	return n[0]
}

// snippet shortens a message to n runes for a popup body.
func snippet(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
