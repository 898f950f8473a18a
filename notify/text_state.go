package notify

import (
	"github.com/koogallery/merchant-console/i18n"
)

// The words of the launch's state summary. As text_summary.go's, they are
// i18n catalogue keys; the count forms come from tables, so
// state_text_test.go checks the catalogues have them.

// stateTitle heads the state summary.
func stateTitle(lang Lang) string { return i18n.In(lang.language(), "Needs you now") }

var (
	nearSLACounts     = summaryCounts[KindTicketSLA]
	countdownCounts   = [2]string{"{{.N}} order counting down to unsubscription, the nearest in {{.Min}} min", "{{.N}} orders counting down to unsubscription, the nearest in {{.Min}} min"}
	failedCallCounts  = [2]string{"{{.N}} failed call to restart by hand", "{{.N}} failed calls to restart by hand"}
	supervisionCounts = [2]string{"{{.N}} supervision task past its deadline", "{{.N}} supervision tasks past their deadline"}
	invoiceCounts     = summaryCounts[KindBillInvoice]
)

// stateLines words one account's counts, most urgent first.
func stateLines(lang Lang, c StateCounts) []string {
	var out []string
	add := func(forms [2]string, n int, extra map[string]any) {
		if n == 0 {
			return
		}
		key := forms[1]
		if n == 1 {
			key = forms[0]
		}
		args := map[string]any{"N": n}
		for k, v := range extra {
			args[k] = v
		}
		out = append(out, i18n.In(lang.language(), key, args))
	}
	add(overdueCounts, c.TicketsOverdue, nil)
	add(countdownCounts, c.Countdowns, map[string]any{"Min": minutesLeft(c.NearestCountdown)})
	add(nearSLACounts, c.TicketsNearSLA, nil)
	add(failedCallCounts, c.FailedCalls, nil)
	add(supervisionCounts, c.SupervisionPast, nil)
	add(invoiceCounts, c.BillsToInvoice, nil)
	return out
}

// accountLine names the account before its counts when several are open.
func accountLine(lang Lang, label, lines string) string {
	return i18n.In(lang.language(), "{{.Account}}: {{.Lines}}", map[string]any{"Account": label, "Lines": lines})
}
