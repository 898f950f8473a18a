package notify

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// emit runs events through the rules, the notification log, coalescing and
// quiet hours, and delivers what is left. The log is written before delivery:
// after a crash between the two a notification is lost rather than repeated,
// and a repeat is what makes people turn notifications off.
func (e *Engine) emit(evs []event, now time.Time, s Settings) error {
	fresh, err := e.record(evs, now, s)
	var out []Notification
	for _, group := range groupByKindAndAccount(foldSLAIntoReplies(fresh)) {
		n := e.build(group, now, s)
		e.gather.hold(&n, group, s.Lang) // silent while a launch or first sync is summarised
		out = append(out, n)
	}
	// Urgent first: if delivery is slow, the order about to be lost goes out first.
	slices.SortStableFunc(out, func(a, b Notification) int {
		switch {
		case a.Urgent == b.Urgent:
			return 0
		case a.Urgent:
			return -1
		}
		return 1
	})
	for _, n := range out {
		e.opts.Deliver(n)
	}
	return err
}

// record keeps the events whose rule is on and whose key the account's log
// had not seen, logging them in one transaction per account: a first check
// over a large cache may log hundreds at once.
func (e *Engine) record(evs []event, now time.Time, s Settings) ([]event, error) {
	var kept []event
	seen := map[string]bool{}
	for _, ev := range evs {
		if !s.Rule(ev.kind).On || seen[ev.key] {
			continue
		}
		seen[ev.key] = true
		ev.at = ev.at.In(e.opts.Location) // texts show deadlines in the user's zone
		if a, _ := e.lookup(ev.account); a != nil {
			ev.label = a.label // a message's text names the account it came to
		}
		kept = append(kept, ev)
	}
	added := make([]bool, len(kept))
	var errs []error
	for acc, idx := range byAccount(kept) {
		errs = append(errs, e.log(acc, kept, idx, added, now, s))
	}
	var fresh []event
	for i, ev := range kept {
		if added[i] {
			fresh = append(fresh, ev)
		}
	}
	return fresh, errors.Join(errs...)
}

// byAccount maps each account to the indexes of its events, in order.
func byAccount(evs []event) map[string][]int {
	out := map[string][]int{}
	for i, ev := range evs {
		out[ev.account] = append(out[ev.account], i)
	}
	return out
}

// log writes one account's events (evs[idx]) to its notification log and
// marks in added the ones it had not seen.
func (e *Engine) log(account string, evs []event, idx []int, added []bool, now time.Time, s Settings) error {
	a, prefix := e.lookup(account)
	if a == nil {
		return fmt.Errorf("notify: %s: account %q is not watched", evs[idx[0]].key, account)
	}
	ns := make([]localstore.Notice, len(idx))
	for j, i := range idx {
		ev := evs[i]
		title, body := eventText(s.Lang, ev)
		ns[j] = localstore.Notice{
			Key: ev.key, Account: ev.account, Resource: ev.resource, RecordID: ev.recordID,
			Title: prefix + title, Body: body, Urgent: s.Rule(ev.kind).Urgent, At: now,
		}
	}
	got, err := a.store.RecordNotices(ns)
	if err != nil {
		return fmt.Errorf("notify: record %d notices of %s: %w", len(ns), account, err)
	}
	for j, i := range idx {
		added[i] = got[j]
	}
	return nil
}

// groupByKindAndAccount keeps the events' order of first appearance, so the
// notifications of one sync come out in a stable order.
func groupByKindAndAccount(evs []event) [][]event {
	type gk struct {
		kind    Kind
		account string
	}
	index := map[gk]int{}
	var groups [][]event
	for _, ev := range evs {
		k := gk{ev.kind, ev.account}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], ev)
	}
	return groups
}

// build words one group as a single notification: the event itself when it
// is alone, a count and the first few records when there are several.
func (e *Engine) build(group []event, now time.Time, s Settings) Notification {
	first := group[0]
	rule := s.Rule(first.kind)
	_, prefix := e.lookup(first.account)
	n := Notification{
		Key: first.key, Kind: first.kind, Account: first.account, Resource: first.resource,
		RecordID: first.recordID, Urgent: rule.Urgent, Critical: rule.Persistent, At: now,
		Popup: rule.Popup && (rule.Urgent || !s.Quiet.quiet(now.In(e.opts.Location))),
	}
	for _, ev := range group {
		n.Keys = append(n.Keys, ev.key)
		n.RecordIDs = append(n.RecordIDs, ev.recordID)
		if f := ev.folded; f != nil { // an SLA warning riding on a reply
			n.Keys = append(n.Keys, f.key)
			n.Critical = n.Critical || s.Rule(f.kind).Persistent
			n.Urgent = n.Urgent || s.Rule(f.kind).Urgent
		}
	}
	if len(group) == 1 {
		n.Title, n.Body = eventText(s.Lang, first)
	} else {
		n.Title, n.Body = groupText(s.Lang, first.kind, group)
		n.RecordID = ""
		n.Resource = groupResource(group)
		n.Key = fmt.Sprintf("%s:%s:batch:%d:%s", first.kind, first.account, len(group), first.key)
	}
	n.Title = prefix + n.Title
	return n
}

// groupResource is the list a coalesced notification opens: its records'
// resource, or the messages themselves when messages about different
// kinds of record came together (the centre then shows their text).
func groupResource(group []event) domain.Resource {
	res := group[0].resource
	for _, ev := range group[1:] {
		if ev.resource != res {
			return domain.ResMessages
		}
	}
	return res
}
