package notify

import "github.com/koogallery/merchant-console/i18n"

// Wording beyond text.go's phrase table: SLA warnings that already passed
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
