package notify

import (
	"slices"
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// deadlineEvents derives the countdown events a stored record raises at now.
// It needs no change and no network: the ticker calls it on cached records.
func deadlineEvents(account string, r domain.Record, now time.Time, s Settings) []event {
	if a, ok := as[domain.InterfaceAlert](r); ok {
		return alertCountdown(account, a, now, s.AlertLeadMinutes)
	}
	if t, ok := as[domain.Ticket](r); ok {
		return ticketSLA(account, t, now, time.Duration(s.SLALeadMinutes)*time.Minute)
	}
	if t, ok := as[domain.SupervisionTask](r); ok {
		return append(hardwareAccept(account, t, now, time.Duration(s.HardwareLeadHours)*time.Hour),
			supervision180(account, t, now, time.Duration(s.WarningLeadDays)*24*time.Hour)...)
	}
	return nil
}

// alertCountdown fires once per lead (30 and 10 minutes by default). When the
// app first sees an alert already inside the 10-minute window it fires only
// that one: a stale "30 minutes left" would be a lie.
func alertCountdown(account string, a domain.InterfaceAlert, now time.Time, leads []int) []event {
	left, ok := a.Countdown(now)
	if !ok || left <= 0 {
		return nil
	}
	lead, ok := tightestLead(left, leads)
	if !ok {
		return nil
	}
	return []event{{
		kind: KindAlertCountdown, account: account, resource: domain.ResAlerts, recordID: a.ID,
		key: alertCountdownKey(account, a.ID, lead),
		ref: a.OrderID, detail: a.ProductName, left: left, at: a.UnsubscribeAt,
	}}
}

// alertCountdownKey names an alert's countdown notice for one lead.
func alertCountdownKey(account, id string, lead int) string {
	return noticeKey(KindAlertCountdown, account, id, strconv.Itoa(lead)+"m")
}

// alertNoticeAt names the notice alertCountdown raises at now for an open
// alert due at unsubscribeAt, or "" when it raises none. The cache's
// deadline index holds exactly that time for open alerts, so the tick can
// skip an alert whose notice is logged without reading it.
func alertNoticeAt(account string, now time.Time, leads []int) func(id string, unsubscribeAt time.Time) string {
	return func(id string, unsubscribeAt time.Time) string {
		left := unsubscribeAt.Sub(now)
		if left <= 0 {
			return ""
		}
		lead, ok := tightestLead(left, leads)
		if !ok {
			return ""
		}
		return alertCountdownKey(account, id, lead)
	}
}

// ticketSLAKey names a ticket's SLA warning for one due time; the breach
// has a key of its own, so an SLA warns once ahead and once more when it
// is breached.
func ticketSLAKey(account, id string, due time.Time, breached bool) string {
	if breached {
		return noticeKey(KindTicketSLA, account, id, unix(due), "breached")
	}
	return noticeKey(KindTicketSLA, account, id, unix(due))
}

// ticketNoticeAt names the only notice ticketSLA can raise at now for a
// running ticket due at due (the time the cache's deadline index holds).
func ticketNoticeAt(account string, now time.Time) func(id string, due time.Time) string {
	return func(id string, due time.Time) string { return ticketSLAKey(account, id, due, !now.Before(due)) }
}

// tightestLead is the smallest lead (in minutes) that left is already within.
func tightestLead(left time.Duration, leads []int) (int, bool) {
	sorted := slices.Sorted(slices.Values(leads))
	for _, m := range sorted {
		if left <= time.Duration(m)*time.Minute {
			return m, true
		}
	}
	return 0, false
}

func ticketSLA(account string, t domain.Ticket, now time.Time, lead time.Duration) []event {
	if !t.SLARunning() || t.SLADue.IsZero() {
		return nil
	}
	left, _ := t.SLALeft(now)
	if left > lead {
		return nil
	}
	return []event{{
		kind: KindTicketSLA, account: account, resource: domain.ResTickets, recordID: t.ID,
		// SLADue moves when the clock pauses, and a new due date is a new warning.
		key: ticketSLAKey(account, t.ID, t.SLADue, left <= 0),
		ref: t.Subject, detail: t.CustomerName, left: left, at: t.SLADue,
	}}
}

func hardwareAccept(account string, t domain.SupervisionTask, now time.Time, lead time.Duration) []event {
	at := t.AutoAcceptAt()
	if at.IsZero() || !now.Before(at) || at.Sub(now) > lead {
		return nil
	}
	return []event{{
		kind: KindHardwareAccept, account: account, resource: domain.ResSupervision, recordID: t.ID,
		key: noticeKey(KindHardwareAccept, account, t.ID, unix(at)),
		ref: t.OrderID, detail: t.ProductName, left: at.Sub(now), at: at,
	}}
}

func supervision180(account string, t domain.SupervisionTask, now time.Time, lead time.Duration) []event {
	at := t.WarningAt()
	if at.IsZero() || t.CreatedAt.IsZero() || now.Before(at.Add(-lead)) {
		return nil
	}
	return []event{{
		kind: KindSupervision180, account: account, resource: domain.ResSupervision, recordID: t.ID,
		key: noticeKey(KindSupervision180, account, t.ID),
		ref: t.OrderID, detail: t.ProductName, left: at.Sub(now), at: at,
	}}
}

func itoa64(v int64) string { return strconv.FormatInt(v, 10) }
