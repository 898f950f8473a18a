package notify

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// stateKinds are the rules whose gathered popups the state summary's
// counts already stand for; they are not repeated as their own lines.
var stateKinds = map[Kind]bool{
	KindTicketSLA: true, KindAlertCountdown: true, KindNewAlert: true, KindBillInvoice: true,
}

// HoldLaunch is Hold for a launch: when the last hold is released, the one
// summary popup also says what needs a person now, counted from the caches
// (StateSummary), so a launch where nothing new arrives still tells the
// merchant what is urgent, and one where something did raises no second
// popup.
func (e *Engine) HoldLaunch(reason string) {
	e.Hold(reason)
	e.gather.mu.Lock()
	e.gather.withState = true
	e.gather.mu.Unlock()
}

// StateSummary words what needs a person now in every watched cache as one
// popup; ok is false when nothing does.
func (e *Engine) StateSummary() (n Notification, ok bool, err error) {
	return e.stateSummary(nil, 0)
}

// stateSummary is StateSummary with the gathered lines the counts do not
// cover (new tickets, replies, …) appended.
func (e *Engine) stateSummary(gathered []string, gatheredTotal int) (Notification, bool, error) {
	now := e.opts.Now()
	settings := e.Settings()
	accts := e.snapshot()
	var lines []string
	var errs []error
	var top StateCounts
	var topAccount string
	for _, a := range accts {
		c, err := CountState(a.store, now, settings)
		if err != nil {
			errs = append(errs, fmt.Errorf("notify: state of %s: %w", a.store.Account(), err))
			continue
		}
		if c.Empty() {
			continue
		}
		words := strings.Join(stateLines(settings.Lang, c), listComma(settings.Lang))
		if len(accts) > 1 {
			words = accountLine(settings.Lang, a.label, words)
		}
		lines = append(lines, words)
		if topAccount == "" || moreUrgent(c, top) {
			top, topAccount = c, a.store.Account()
		}
	}
	if topAccount == "" && gatheredTotal == 0 {
		return Notification{}, false, errors.Join(errs...)
	}
	n := Notification{
		Key: fmt.Sprintf("%s:state:%d", KindSummary, now.UnixNano()), Kind: KindSummary, Popup: true, At: now,
		Account: topAccount, Resource: top.mostUrgentList(), Title: stateTitle(settings.Lang),
		Critical: top.Critical(), Urgent: top.Critical(),
		Body: strings.Join(append(lines, gathered...), listSeparator(settings.Lang, len(accts) > 1)),
	}
	return n, true, errors.Join(errs...)
}

// moreUrgent reports whether a's most urgent item comes before b's.
func moreUrgent(a, b StateCounts) bool {
	if a.Critical() != b.Critical() {
		return a.Critical()
	}
	return a.Countdowns > 0 && (b.Countdowns == 0 || a.NearestCountdown < b.NearestCountdown)
}

func listComma(lang Lang) string {
	if lang == LangEN {
		return ", "
	}
	return "，"
}

// listSeparator puts each account on its own line when there are several.
func listSeparator(lang Lang, perAccount bool) string {
	if perAccount {
		return "\n"
	}
	return listComma(lang)
}

// launchSummary is the one popup a released launch raises: the state
// summary with the gathered lines it does not cover, or the gathered
// summary alone when no cache could be read.
func (e *Engine) launchSummary(g *gathering, now time.Time) (Notification, bool) {
	var extra []string
	total := 0
	for _, p := range g.sortedParts() {
		if !stateKinds[p.kind] {
			extra = append(extra, summaryLine(g.lang, p, g.counts[p]))
			total += g.counts[p]
		}
	}
	n, ok, err := e.stateSummary(extra, total)
	if err != nil {
		e.opts.OnError(err)
		return g.summary(now)
	}
	if parts := g.sortedParts(); ok && n.Account == "" && len(parts) > 0 { // only gathered lines: open what they are about
		n.Account, n.Resource = g.first[parts[0]].Account, g.first[parts[0]].Resource
	}
	return n, ok
}
