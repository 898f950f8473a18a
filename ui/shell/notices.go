package shell

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/screens"
)

// centreLimit is how many notices the centre lists per account and in all:
// older ones are still in the log (and counted unread) but nobody scrolls
// through hundreds of notifications.
const centreLimit = 200

// centreEntry is one row of the notification centre: a single notice from
// the cache's log, or one notification that coalesced several of them.
type centreEntry struct {
	Account  string
	Label    string // the account's display name, shown when several are open
	Kind     notify.Kind
	Resource domain.Resource
	RecordID string   // empty for a coalesced entry: its list opens instead
	Keys     []string // the notice-log keys it covers, marked read together
	Title    string
	Body     string
	At       time.Time
	Unread   bool
	Urgent   bool // an unsubscription countdown, a breached SLA…: pinned while unread
}

// sessionNotices remembers the coalesced notifications delivered since the
// app started, so the centre shows "50 new orders" as one row, as the popup
// said, rather than 50. Singles need no memory: the log has them.
type sessionNotices struct {
	mu     sync.Mutex
	groups []notify.Notification
}

func (s *sessionNotices) add(n notify.Notification) {
	if !n.Coalesced() {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.groups = append(s.groups, n)
	if len(s.groups) > centreLimit {
		s.groups = s.groups[len(s.groups)-centreLimit:]
	}
}

func (s *sessionNotices) forAccount(acct string) []notify.Notification {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []notify.Notification
	for _, g := range s.groups {
		if g.Account == acct {
			out = append(out, g)
		}
	}
	return out
}

// readCentre lists the notices of every open account, unread urgent ones
// pinned on top, each part newest first. It reads the caches, so call it
// off Fyne's goroutine.
func readCentre(accts []backend.AccountInfo, storeOf func(string) *localstore.Store, session *sessionNotices) ([]centreEntry, error) {
	var out []centreEntry
	var errs []error
	for _, a := range accts {
		st := storeOf(a.ID)
		if st == nil {
			continue
		}
		notices, err := st.Notices(centreLimit)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, accountEntries(a, notices, session.forAccount(a.ID))...)
	}
	slices.SortStableFunc(out, func(x, y centreEntry) int { return y.At.Compare(x.At) })
	out = pinUrgent(out)
	if len(out) > centreLimit {
		out = out[:centreLimit]
	}
	return out, errors.Join(errs...)
}

// accountEntries folds the notices a coalesced notification covered into
// one row; the rest are rows of their own.
func accountEntries(a backend.AccountInfo, notices []localstore.Notice, groups []notify.Notification) []centreEntry {
	byKey := make(map[string]localstore.Notice, len(notices))
	for _, n := range notices {
		byKey[n.Key] = n
	}
	used := map[string]bool{}
	var out []centreEntry
	for _, g := range groups {
		e := centreEntry{Account: a.ID, Label: accountName(a), Kind: g.Kind, Resource: g.Resource,
			Title: g.Title, Body: g.Body, At: g.At, Urgent: g.Urgent}
		for _, k := range g.Keys {
			if n, ok := byKey[k]; ok && !used[k] {
				used[k] = true
				e.Keys = append(e.Keys, k)
				e.Unread = e.Unread || !n.Read
			}
		}
		if len(e.Keys) > 0 {
			out = append(out, e)
		}
	}
	for _, n := range notices {
		if used[n.Key] {
			continue
		}
		out = append(out, centreEntry{Account: a.ID, Label: accountName(a), Kind: noticeKind(n.Key),
			Resource: n.Resource, RecordID: n.RecordID, Keys: []string{n.Key},
			Title: n.Title, Body: n.Body, At: n.At, Unread: !n.Read, Urgent: n.Urgent})
	}
	return out
}

// noticeKind reads the rule from a notice key: notify puts the kind first.
func noticeKind(key string) notify.Kind {
	k, _, _ := strings.Cut(key, ":")
	return notify.Kind(k)
}

func accountName(a backend.AccountInfo) string {
	if a.Label != "" {
		return a.Label
	}
	return a.ID
}

// target is where clicking the entry goes: the record itself, or for a
// coalesced entry its list filtered to what the rule is about.
func (e centreEntry) target() screens.NavTarget {
	if e.RecordID != "" {
		return screens.NavTarget{Resource: e.Resource, RecordID: e.RecordID}
	}
	return screens.NavTarget{Resource: e.Resource, Statuses: kindStatuses(e.Kind)}
}

// kindStatuses is the list filter matching a rule, as the overview cards
// filter; nil shows the whole list (new orders).
func kindStatuses(k notify.Kind) []string {
	switch k {
	case notify.KindNewTicket, notify.KindCustomerReplied, notify.KindTicketSLA:
		return screens.TicketsWaiting
	case notify.KindNewAlert, notify.KindAlertCountdown:
		return screens.AlertsOpen
	case notify.KindSupervisionWaiting, notify.KindHardwareAccept, notify.KindSupervision180:
		return screens.SupervisionMerchantNodes
	case notify.KindBillInvoice:
		return []string{string(domain.BillPendingInvoice)}
	case notify.KindPaymentRejected:
		return []string{string(domain.BillPaymentRejected)}
	}
	return nil
}

// markRead marks every key read in the account's log.
func markRead(st *localstore.Store, keys []string) error {
	var errs []error
	for _, k := range keys {
		errs = append(errs, st.MarkNoticeRead(k))
	}
	return errors.Join(errs...)
}

// markAllRead marks every unread notice of every account read.
func markAllRead(accts []backend.AccountInfo, storeOf func(string) *localstore.Store) error {
	var errs []error
	for _, a := range accts {
		st := storeOf(a.ID)
		if st == nil {
			continue
		}
		errs = append(errs, markAccountRead(st))
	}
	return errors.Join(errs...)
}

func markAccountRead(st *localstore.Store) error {
	unread, err := st.UnreadNotices()
	if err != nil || unread == 0 {
		return err
	}
	// The log has no unread index; reading it whole is fine at a few
	// thousand entries, and this only runs when the user asks.
	notices, err := st.Notices(1 << 20)
	if err != nil {
		return err
	}
	var keys []string
	for _, n := range notices {
		if !n.Read {
			keys = append(keys, n.Key)
		}
	}
	return markRead(st, keys)
}
