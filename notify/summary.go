package notify

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// gathering holds back popups while a launch or an account's first sync
// runs: every notification still reaches the centre, silently, and the
// desktop gets one summary when the last hold is released (19 popups in
// 1.2 s was the alternative).
type gathering struct {
	mu     sync.Mutex
	holds  map[string]bool
	counts map[summaryPart]int
	first  map[summaryPart]Notification // what the summary opens
	lang   Lang
	// withState makes the summary say what needs a person now (HoldLaunch).
	withState bool
}

// summaryPart is one line of a summary: a rule, and for SLA warnings
// whether the deadline already passed.
type summaryPart struct {
	kind    Kind
	overdue bool
}

// Hold starts (or extends) gathering for reason, e.g. "launch" or
// "first-sync:acct". Holding a reason twice is one hold.
func (e *Engine) Hold(reason string) {
	g := &e.gather
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.holds == nil {
		g.holds = map[string]bool{}
	}
	g.holds[reason] = true
}

// Release ends the hold of reason; when none is left, the popups gathered
// meanwhile go out as one summary. Releasing a reason not held does
// nothing, so a sync may release its account's hold every time it ends.
func (e *Engine) Release(reason string) {
	g := &e.gather
	g.mu.Lock()
	if !g.holds[reason] {
		g.mu.Unlock()
		return
	}
	delete(g.holds, reason)
	var n Notification
	var ok bool
	if len(g.holds) == 0 {
		if g.withState { // reads the caches: not under the lock
			done := gathering{counts: g.counts, first: g.first, lang: g.lang}
			g.counts, g.first, g.withState = nil, nil, false
			g.mu.Unlock()
			n, ok = e.launchSummary(&done, e.opts.Now())
			g.mu.Lock()
		} else {
			n, ok = g.summary(e.opts.Now())
			g.counts, g.first = nil, nil
		}
	}
	g.mu.Unlock()
	if ok {
		e.opts.Deliver(n)
	}
}

// ReleaseAll ends every hold (a first sync that never finishes must not
// silence the desktop for good).
func (e *Engine) ReleaseAll() {
	e.gather.mu.Lock()
	reasons := make([]string, 0, len(e.gather.holds))
	for r := range e.gather.holds {
		reasons = append(reasons, r)
	}
	e.gather.mu.Unlock()
	for _, r := range reasons {
		e.Release(r)
	}
}

// hold counts a popup about to be delivered while a hold is on, and makes
// it silent.
func (g *gathering) hold(n *Notification, group []event, lang Lang) {
	if !n.Popup {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.holds) == 0 {
		return
	}
	if g.counts == nil {
		g.counts, g.first = map[summaryPart]int{}, map[summaryPart]Notification{}
	}
	g.lang = lang
	for _, ev := range group {
		p := summaryPart{kind: ev.kind, overdue: ev.kind == KindTicketSLA && ev.left <= 0}
		if g.counts[p] == 0 {
			one := *n
			one.RecordID = ev.recordID
			g.first[p] = one
		}
		g.counts[p]++
	}
	n.Popup = false
}

// summary words what was gathered as one popup, most urgent first; ok is
// false when nothing was.
func (g *gathering) summary(now time.Time) (Notification, bool) {
	parts := g.sortedParts()
	total := 0
	for _, c := range g.counts {
		total += c
	}
	if total == 0 {
		return Notification{}, false
	}
	top := g.first[parts[0]] // a summary of several records opens its most urgent list
	n := Notification{
		Key: fmt.Sprintf("%s:%d", KindSummary, now.UnixNano()), Kind: KindSummary, Account: top.Account,
		Resource: top.Resource, Popup: true, At: now,
		Title: summaryTitle(g.lang, total),
	}
	if total == 1 {
		n.RecordID = top.RecordID
	}
	var lines []string
	for _, p := range parts {
		lines = append(lines, summaryLine(g.lang, p, g.counts[p]))
		n.Critical = n.Critical || g.first[p].Critical
		n.Urgent = n.Urgent || g.first[p].Urgent
	}
	n.Body = joinSummary(g.lang, lines)
	return n, true
}

// sortedParts are the gathered parts, most urgent first.
func (g *gathering) sortedParts() []summaryPart {
	parts := make([]summaryPart, 0, len(g.counts))
	for p := range g.counts {
		parts = append(parts, p)
	}
	slices.SortFunc(parts, func(a, b summaryPart) int { return partRank(a) - partRank(b) })
	return parts
}

// partRank orders summary lines: overdue, then the other critical rules,
// then the rules in the settings screen's order.
func partRank(p summaryPart) int {
	r := slices.Index(AllKinds, p.kind)
	switch {
	case p.overdue:
		return r - 2*len(AllKinds)
	case criticalKinds[p.kind]:
		return r - len(AllKinds)
	}
	return r
}
