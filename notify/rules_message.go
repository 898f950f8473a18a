package notify

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// newMessageWithin keeps a first sync of the message centre's history (a
// seller's centre holds hundreds of old messages) from announcing it as
// news: as with orders, only messages this recent are new.
const newMessageWithin = 24 * time.Hour

// messageRule is the rule a new message-centre message raises. The
// marketplace gives messages no importance level, only a category
// (domain.md, "Message centre"). 产品创建开通通知 (101) is where it tells
// the seller an order failed to open and was unsubscribed, that a user
// asked to unsubscribe, or that a supervised order is overdue: money or a
// penalty is at stake, so it has a rule of its own that pops up. The
// others (运维提醒: interface failures and appeal results, 其他: invoice
// requests and supervision counts, 交易: renewals, 工单: a new ticket)
// mostly repeat what the console already announces from the records
// themselves, so they go to the badge.
func messageRule(c domain.MessageCategory) Kind {
	if c == domain.MsgProductOpen {
		return KindMessageImportant
	}
	return KindMessage
}

// messageChangeEvents announces a message when it first arrives; an edited
// message is not news. The event opens what the message is about (the
// ticket, alert, task or bill it names) when the window has a screen for
// it; otherwise it stays a message, which the centre shows whole.
func messageChangeEvents(c domain.Change, now time.Time) []event {
	if c.Kind != domain.ChangeNew {
		return nil
	}
	m, ok := as[domain.Message](c.After)
	if !ok || (!m.CreatedAt.IsZero() && now.Sub(m.CreatedAt) > newMessageWithin) {
		return nil
	}
	kind := messageRule(m.Category)
	ev := event{
		kind: kind, account: c.Account, resource: domain.ResMessages, recordID: m.ID,
		key: noticeKey(kind, c.Account, m.ID), ref: m.Title, words: messageWords(m),
	}
	if m.RecordKind != "" && m.RecordKind != domain.ResMessages && m.RecordID != "" {
		ev.resource, ev.recordID = m.RecordKind, m.RecordID
	}
	return []event{ev}
}

// messageWords are the message's category in each language (never its
// numeric code) and the start of its text.
func messageWords(m domain.Message) domain.Label {
	body := snippet(m.Body, 120)
	kind := domain.KindOf(domain.ResMessages)
	if !kind.Known(string(m.Category)) { // an unknown category would show its code
		return domain.Label{Zh: body, En: body}
	}
	cat := kind.Status(string(m.Category)).Label
	if body == "" {
		return cat
	}
	return domain.Label{Zh: cat.Zh + "：" + body, En: cat.En + ": " + body}
}
