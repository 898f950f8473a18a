package notify

import (
	"strings"
	"unicode/utf8"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
)

// phrase is one rule's wording as i18n catalogue keys (the English text).
// Fields: {{.Ref}} names the record, {{.Detail}} adds to it, {{.Min}} is
// minutes left, {{.At}} a time and {{.Day}} a date in the language's
// format, {{.Node}} the step that waits, {{.Account}} the account's name;
// plural titles take {{.N}}. Bodies
// name the record so the user knows which one without opening the app.
type phrase struct {
	title  string
	body   func(e event) string // the key for this event
	plural string
}

func always(key string) func(event) string { return func(event) string { return key } }

var phrases = map[Kind]phrase{
	KindNewTicket: {"New ticket", always("“{{.Ref}}” from {{.Detail}}"), "{{.N}} new tickets"},
	KindCustomerReplied: {"Customer replied", always("“{{.Ref}}”: {{.Detail}}"),
		"Customers replied on {{.N}} tickets"},
	KindTicketSLA: {"Ticket SLA near breach", func(e event) string {
		if e.left <= 0 {
			return "“{{.Ref}}”: SLA breached"
		}
		return "“{{.Ref}}”: {{.Min}} min left"
	}, "{{.N}} tickets near SLA breach"},
	KindNewAlert: {"Production interface call failed", always("Order {{.Ref}}: {{.Detail}}"),
		"{{.N}} new interface failures"},
	KindAlertCountdown: {"Order about to be unsubscribed",
		always("Order {{.Ref}} ({{.Detail}}): {{.Min}} min left before automatic unsubscription; fix the interface and restart"),
		"{{.N}} orders about to be unsubscribed"},
	KindSupervisionWaiting: {"Supervision waiting on you", always("Order {{.Ref}}: {{.Node}}"),
		"{{.N}} supervision tasks waiting on you"},
	KindHardwareAccept: {"Hardware auto-acceptance near",
		always("Order {{.Ref}} ({{.Detail}}) is accepted automatically on {{.At}}"),
		"{{.N}} hardware orders near auto-acceptance"},
	KindSupervision180: {"Supervision unaccepted for 180 days",
		always("Order {{.Ref}} ({{.Detail}}) reaches 180 days unaccepted on {{.Day}}"),
		"{{.N}} supervision tasks unaccepted for 180 days"},
	KindBillInvoice: {"Bill needs an invoice", always("Bill {{.Ref}}, {{.Detail}}: invoice against the list"),
		"{{.N}} bills need an invoice"},
	KindPaymentRejected: {"Payment application rejected",
		always("Bill {{.Ref}}, payment application rejected: {{.Detail}}"), "{{.N}} payment applications rejected"},
	KindNewOrder: {"New order", always("Order {{.Ref}}: {{.Detail}}"), "{{.N}} new orders"},
	KindSyncFailing: {"Sync failing", always("{{.Ref}} could not sync for {{.Min}} min: {{.Detail}}"),
		"Sync failing on {{.N}} accounts"},
	KindMessageImportant: {"Important message", messageBody,
		"{{.N}} messages on order opening or unsubscription"},
	KindMessage: {"New message", messageBody, "{{.N}} new messages"},
}

// messageBody names the account a message came to, its title and its
// category and text (Detail).
func messageBody(e event) string {
	if e.detail == "" && e.words == (domain.Label{}) {
		return "{{.Account}} · “{{.Ref}}”"
	}
	return "{{.Account}} · “{{.Ref}}” · {{.Detail}}"
}

// language is the catalogue a notification language reads from.
func (l Lang) language() i18n.Language {
	if l == LangEN {
		return i18n.English
	}
	return i18n.Chinese
}

// fields fills a phrase's fields for one event, dates as the language
// writes them.
func fields(l Lang, e event) map[string]any {
	at := e.at.Format("01-02 15:04")
	if l == LangEN {
		at = e.at.Format("Jan 2 15:04")
	}
	detail := e.detail
	if e.words != (domain.Label{}) {
		detail = e.words.Pick(l == LangEN)
	}
	account := e.label
	if account == "" {
		account = e.account
	}
	return map[string]any{"Ref": e.ref, "Detail": detail, "Min": minutesLeft(e.left), "Account": account,
		"At": at, "Day": e.at.Format("2006-01-02"), "Node": nodeName(e.detail, l)}
}

// singleText words one event.
func singleText(lang Lang, e event) (title, body string) {
	p, l := phrases[e.kind], lang.language()
	return i18n.In(l, p.title), i18n.In(l, p.body(e), fields(lang, e))
}

// maxNamed is how many records a coalesced body names before "…".
const maxNamed = 3

// pluralText words several events of one kind: the count in the title, the
// first few records in the body.
func pluralText(lang Lang, kind Kind, evs []event) (title, body string) {
	p, l := phrases[kind], lang.language()
	refs := make([]string, 0, maxNamed)
	for i, e := range evs {
		if i == maxNamed {
			break
		}
		refs = append(refs, e.ref)
	}
	body = strings.Join(refs, i18n.In(l, ", "))
	if len(evs) > maxNamed {
		body = i18n.In(l, "{{.List}}, …", map[string]any{"List": body})
	}
	return i18n.In(l, p.plural, map[string]any{"N": len(evs)}), body
}

// nodeName is the step that waits, in the domain's words for the node.
func nodeName(node string, lang Lang) string {
	return domain.Node(node).Label().Pick(lang == LangEN)
}

// snippet shortens a message to n runes for a popup body.
func snippet(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// Wording beyond the phrase table: SLA warnings that already passed
// their deadline, and the SLA state a reply carries when a warning was
// folded into it.

// eventText words one event; an overdue SLA says so in its title as in
// its body.
func eventText(lang Lang, e event) (title, body string) {
	title, body = singleText(lang, e)
	if e.kind == KindTicketSLA && e.left <= 0 {
		title = i18n.In(lang.language(), "Ticket SLA breached")
	}
	if e.folded != nil {
		body += slaSuffix(lang, *e.folded)
	}
	return title, body
}

// groupText words several events of one kind; SLA warnings say whether
// some or all of them already passed.
func groupText(lang Lang, kind Kind, evs []event) (title, body string) {
	title, body = pluralText(lang, kind, evs)
	if kind != KindTicketSLA {
		return title, body
	}
	overdue := 0
	for _, e := range evs {
		if e.left <= 0 {
			overdue++
		}
	}
	n := map[string]any{"N": len(evs)}
	switch {
	case overdue == len(evs):
		return i18n.In(lang.language(), "{{.N}} tickets past their SLA", n), body
	case overdue > 0:
		return i18n.In(lang.language(), "{{.N}} tickets near or past their SLA", n), body
	}
	return title, body
}

// slaSuffix is the SLA state appended to a reply's body.
func slaSuffix(lang Lang, sla event) string {
	if sla.left <= 0 {
		return i18n.In(lang.language(), " (SLA breached)")
	}
	return i18n.In(lang.language(), " ({{.Min}} min left on the SLA)", map[string]any{"Min": minutesLeft(sla.left)})
}
