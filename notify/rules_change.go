package notify

import (
	"slices"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// newOrderWithin keeps a first sync of a year of history from announcing it
// as news: only orders placed this recently count as new.
const newOrderWithin = 24 * time.Hour

// changeEvents derives the events one applied change brings.
func changeEvents(c domain.Change, now time.Time) []event {
	if c.After == nil {
		return nil
	}
	switch c.Resource {
	case domain.ResTickets:
		return ticketChangeEvents(c)
	case domain.ResAlerts:
		return alertChangeEvents(c)
	case domain.ResSupervision:
		return supervisionChangeEvents(c)
	case domain.ResBills:
		return billChangeEvents(c)
	case domain.ResOrders:
		return orderChangeEvents(c, now)
	case domain.ResMessages:
		return messageChangeEvents(c, now)
	}
	return nil
}

func ticketChangeEvents(c domain.Change) []event {
	after, ok := as[domain.Ticket](c.After)
	if !ok {
		return nil
	}
	base := event{account: c.Account, resource: domain.ResTickets, recordID: after.ID,
		ref: after.Subject, detail: after.CustomerName}
	before, had := as[domain.Ticket](c.Before)
	if !had {
		if statusNotice(after) != KindNewTicket {
			return nil
		}
		base.kind, base.key = KindNewTicket, noticeKey(KindNewTicket, c.Account, after.ID)
		return []event{base}
	}
	msg, ok := newCustomerMessage(before, after)
	if !ok {
		return nil
	}
	base.kind, base.detail = KindCustomerReplied, snippet(msg.Body, 60)
	base.key = noticeKey(KindCustomerReplied, c.Account, after.ID, msg.ID)
	return []event{base}
}

// newCustomerMessage finds the newest USER message that the previous version
// did not have. A new ticket's own description is not a reply, which is why
// this is only asked of updated tickets.
func newCustomerMessage(before, after domain.Ticket) (domain.TicketMessage, bool) {
	msg, ok := after.LastCustomerMessage()
	if !ok {
		return msg, false
	}
	for _, m := range before.Messages {
		if m.ID == msg.ID {
			return msg, false
		}
	}
	return msg, true
}

func alertChangeEvents(c domain.Change) []event {
	after, ok := as[domain.InterfaceAlert](c.After)
	if !ok || statusNotice(after) != KindNewAlert {
		return nil
	}
	// A retry of a known failure is not news; a failure that reopens is.
	if before, had := as[domain.InterfaceAlert](c.Before); had &&
		before.State.Open() && before.FirstFailureAt.Equal(after.FirstFailureAt) {
		return nil
	}
	return []event{{
		kind: KindNewAlert, account: c.Account, resource: domain.ResAlerts, recordID: after.ID,
		key:   noticeKey(KindNewAlert, c.Account, after.ID, unix(after.FirstFailureAt)),
		ref:   after.OrderID,
		words: failureWords(after),
	}}
}

// failureWords names a failed call in the user's words: which interface,
// the code the seller's server answered, and what the code means.
func failureWords(a domain.InterfaceAlert) domain.Label {
	kind, meaning := a.Kind.Label(), domain.SellerResultCodes[a.LastCode]
	join := func(parts ...string) string {
		return strings.TrimSpace(strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), " "))
	}
	return domain.Label{Zh: join(kind.Zh, a.LastCode, meaning.Zh), En: join(kind.En, a.LastCode, meaning.En)}
}

func supervisionChangeEvents(c domain.Change) []event {
	after, ok := as[domain.SupervisionTask](c.After)
	// An open appeal freezes the flow: the merchant's node waits on operations.
	if !ok || statusNotice(after) != KindSupervisionWaiting || !after.WaitingOnMerchant() {
		return nil
	}
	if before, had := as[domain.SupervisionTask](c.Before); had &&
		before.WaitingOnMerchant() && before.Current == after.Current {
		return nil // still waiting at the same node: already told
	}
	return []event{{
		kind: KindSupervisionWaiting, account: c.Account, resource: domain.ResSupervision, recordID: after.ID,
		key:    noticeKey(KindSupervisionWaiting, c.Account, after.ID, string(after.Current), unix(after.NodeEnteredAt)),
		ref:    after.OrderID,
		detail: string(after.Current),
	}}
}

func billChangeEvents(c domain.Change) []event {
	after, ok := as[domain.Bill](c.After)
	if !ok {
		return nil
	}
	before, had := as[domain.Bill](c.Before)
	if had && before.Status == after.Status {
		return nil
	}
	base := event{account: c.Account, resource: domain.ResBills, recordID: after.ID, ref: after.Period}
	switch kind := statusNotice(after); kind {
	case KindBillInvoice:
		base.kind, base.words = kind, moneyWords(after.Amount, after.Currency)
		base.key = noticeKey(KindBillInvoice, c.Account, after.ID)
	case KindPaymentRejected:
		base.kind, base.detail = kind, after.PaymentAppNo+" "+after.StatusMessage
		// A bill may be rejected again after a fix: each rejection is its own version.
		base.key = noticeKey(KindPaymentRejected, c.Account, after.ID, "v"+itoa64(after.Version))
	default:
		return nil
	}
	return []event{base}
}

func orderChangeEvents(c domain.Change, now time.Time) []event {
	if c.Kind != domain.ChangeNew {
		return nil
	}
	o, ok := as[domain.Order](c.After)
	if !ok || statusNotice(o) != KindNewOrder || (!o.CreatedAt.IsZero() && now.Sub(o.CreatedAt) > newOrderWithin) {
		return nil
	}
	return []event{{
		kind: KindNewOrder, account: c.Account, resource: domain.ResOrders, recordID: o.ID,
		key: noticeKey(KindNewOrder, c.Account, o.ID), ref: o.ID,
		words: domain.Label{Zh: o.ProductName + " " + o.Amount.Format(o.Currency, true),
			En: o.ProductName + " " + o.Amount.Format(o.Currency, false)},
	}}
}

// moneyWords is an amount as each language writes it.
func moneyWords(m domain.Money, currency string) domain.Label {
	return domain.Label{Zh: m.Format(currency, true), En: m.Format(currency, false)}
}
