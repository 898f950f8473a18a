package shell

import (
	"time"

	"github.com/koogallery/merchant-console/ui/backend"
)

// pollEvery is how often the shell reads sync state; counts are read every
// countEvery polls, or at once after a change.
const (
	pollEvery  = time.Second
	countEvery = 5
)

// localTodo is one account's to-do counts and unread notifications.
type localTodo struct {
	Tickets, Alerts, Supervision, Bills, Unread int
	Urgent                                      int // countdowns inside domain.UrgentWithin (localstore.UrgentCount)
}

func (t localTodo) total() int { return t.Tickets + t.Alerts + t.Supervision + t.Bills }

// poll runs on its own goroutine: it reads the backend (thread-safe by
// contract) and hands what it read to Fyne's goroutine in one call.
func (s *Shell) poll(do func(func())) {
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	for n := 0; ; n++ {
		acct := s.accountSnapshot()
		var st backend.SyncState
		if s.b.State != nil && acct != "" {
			st = s.b.State(acct)
		}
		dirty := s.dirty.Swap(false)
		counts := s.counts.Swap(false)
		var todo map[string]localTodo
		if dirty || counts || n%countEvery == 0 {
			todo = s.readTodo()
		}
		do(func() { s.applyPoll(acct, st, todo, dirty) })
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
	}
}

// readTodo reads every account's counters (no record is scanned).
func (s *Shell) readTodo() map[string]localTodo {
	out := map[string]localTodo{}
	now := s.b.Time()
	for _, a := range s.b.AccountList() {
		st := s.b.StoreOf(a.ID)
		if st == nil {
			continue
		}
		o, err := st.Overview(now)
		if err != nil {
			continue
		}
		unread, _ := st.UnreadNotices()
		urgent, _ := st.UrgentCount(now)
		out[a.ID] = localTodo{Tickets: o.TicketsWaiting, Alerts: o.AlertsOpen,
			Supervision: o.SupervisionWaiting, Bills: o.BillsNeedingMerchant, Unread: unread, Urgent: urgent}
	}
	return out
}

func (s *Shell) applyPoll(acct string, st backend.SyncState, todo map[string]localTodo, dirty bool) {
	if s.closed || acct != s.account {
		return // the user switched meanwhile: the next poll is for the new account
	}
	if acct != "" {
		s.status.set(st)
	}
	if s.b.NotificationsProblem != nil {
		s.notice.report(s.b.NotificationsProblem())
	}
	s.applyTodo(todo)
	if dirty {
		if scr, ok := s.screens[s.current]; ok {
			scr.Reload()
		}
	}
}

// applyTodo shows new counts everywhere they appear: switcher, navigation
// badges, tray and bell (and the open centre, whose rows may be new).
func (s *Shell) applyTodo(todo map[string]localTodo) {
	if todo == nil || sameTodo(todo, s.todo) {
		return
	}
	s.todo = todo
	s.header.refresh()
	s.nav.refresh()
	s.tray.refresh()
	unread := 0
	for _, t := range todo {
		unread += t.Unread
	}
	s.centre.setUnread(unread)
	if s.centre.visible() {
		s.centre.reload()
	}
}

func sameTodo(a, b map[string]localTodo) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// badge is the number shown next to a screen in the navigation.
func (s *Shell) badge(id ScreenID) int {
	t := s.todo[s.account]
	switch id {
	case ScreenTickets:
		return t.Tickets
	case ScreenAlerts:
		return t.Alerts
	case ScreenSupervision:
		return t.Supervision
	case ScreenBills:
		return t.Bills
	}
	return 0
}

// SyncNow asks every account to sync at once (Ctrl+R, the tray, the header).
func (s *Shell) SyncNow() {
	if s.b.SyncNow != nil {
		s.b.SyncNow("")
	}
}
