package notify

import "fmt"

// Wording beyond text.go's phrase table: SLA warnings that already passed
// their deadline, and the SLA state a reply carries when a warning was
// folded into it. Kept apart so the phrase table can move to the shared
// translations on its own.

// eventText words one event; an overdue SLA says so in its title as in
// its body.
func eventText(lang Lang, e event) (title, body string) {
	title, body = singleText(lang, e)
	if e.kind == KindTicketSLA && e.left <= 0 {
		title = slaOverdueTitle(lang, 1)
	}
	if e.folded != nil {
		body += slaSuffix(lang, *e.folded)
	}
	return title, body
}

// groupText words several events of one kind; SLA warnings that are all
// overdue are counted as overdue.
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
	switch {
	case overdue == len(evs):
		return slaOverdueTitle(lang, len(evs)), body
	case overdue > 0 && lang == LangEN:
		return fmt.Sprintf("%d tickets near or past their SLA", len(evs)), body
	case overdue > 0:
		return fmt.Sprintf("%d 个工单即将或已经超时", len(evs)), body
	}
	return title, body
}

func slaOverdueTitle(lang Lang, n int) string {
	switch {
	case lang != LangEN && n == 1:
		return "工单已超时"
	case lang != LangEN:
		return fmt.Sprintf("%d 个工单已超时", n)
	case n == 1:
		return "Ticket SLA breached"
	}
	return fmt.Sprintf("%d tickets past their SLA", n)
}

// slaSuffix is the SLA state appended to a reply's body.
func slaSuffix(lang Lang, sla event) string {
	switch {
	case lang != LangEN && sla.left <= 0:
		return "（已超过处理时限）"
	case lang != LangEN:
		return fmt.Sprintf("（处理时限剩余 %d 分钟）", minutesLeft(sla.left))
	case sla.left <= 0:
		return " (SLA breached)"
	}
	return fmt.Sprintf(" (%d min left on the SLA)", minutesLeft(sla.left))
}
