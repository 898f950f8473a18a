package domain

import (
	"slices"
	"time"
)

// Kind describes one kind of record the console syncs: what the users call
// it and its statuses, the time that orders it, what each status lets the
// merchant do, how often it syncs and what makes one urgent. Every layer
// (cache, sync, exports, notifications, window, sandbox) reads this one
// description, so adding a status is one edit in kinds.go.
type Kind struct {
	Resource Resource
	Label    Label
	// TimeField is the JSON name of the time that orders the kind's lists,
	// indexes and export periods; TimeLabel is its column header.
	TimeField string
	TimeLabel Label
	Sync      SyncClass
	// Statuses are the kind's status codes in the order the marketplace
	// shows them (for supervision, the flow nodes; for messages, the
	// categories).
	Statuses []Status

	status    func(Record) string
	time      func(Record) time.Time
	countdown func(Record, time.Time) (time.Duration, bool)
}

// Status is one state a record of a kind can be in.
type Status struct {
	Code  string
	Label Label
	// Final: nothing more happens to the record.
	Final bool
	// Actor is who the record waits on in this status ("" when final).
	Actor Party
	// Actions are what the merchant may do in this status; Actions(record)
	// narrows them by the record's own facts (an appeal freezes a flow).
	Actions []ActionName
	// Notice is what the merchant is told when a record arrives in, or
	// enters, this status; NoticeNone when it is not news.
	Notice Notice
}

// Notice names a notification rule a status raises. The strings are the
// notification rules' keys in saved settings (package notify), so never
// rename one.
type Notice string

// Notices statuses raise.
const (
	NoticeNone               Notice = ""
	NoticeNewOrder           Notice = "new-order"
	NoticeNewTicket          Notice = "new-ticket"
	NoticeNewAlert           Notice = "new-alert"
	NoticeSupervisionWaiting Notice = "supervision-waiting"
	NoticeBillInvoice        Notice = "bill-invoice"
	NoticePaymentRejected    Notice = "payment-rejected"
)

// SyncClass groups the kinds that share one sync interval setting.
type SyncClass string

// Sync classes: a customer or an order waits on the fast ones, money moves daily.
const (
	SyncFast  SyncClass = "fast"
	SyncSlow  SyncClass = "slow"
	SyncMoney SyncClass = "money"
)

// SyncClasses lists every class, fastest first.
var SyncClasses = []SyncClass{SyncFast, SyncSlow, SyncMoney}

// DefaultInterval is how often the class syncs unless the user chose otherwise.
func (c SyncClass) DefaultInterval() time.Duration {
	switch c {
	case SyncFast:
		return 30 * time.Second
	case SyncMoney:
		return 30 * time.Minute
	}
	return 2 * time.Minute
}

// UrgentWithin is how close a countdown must be for its record to be urgent:
// half an hour before an order is unsubscribed or a ticket's SLA breaks.
const UrgentWithin = 30 * time.Minute

// Kinds lists every kind in first-sync order (the order of AllResources).
func Kinds() []Kind { return slices.Clone(kinds) }

// KindOf returns the description of a resource; an unknown resource gets a
// zero Kind whose Status finds nothing.
func KindOf(r Resource) Kind {
	if k := kindOf(r); k != nil {
		return *k
	}
	return Kind{Resource: r, Label: Label{string(r), string(r)}}
}

// kindOf finds a resource's description without copying it: the cache asks
// for every record it writes.
func kindOf(r Resource) *Kind {
	for i := range kinds {
		if kinds[i].Resource == r {
			return &kinds[i]
		}
	}
	return nil
}

// Status returns the status with code, or a Status that labels the unknown
// code as itself (a status the marketplace added later still reads).
func (k Kind) Status(code string) Status {
	for _, s := range k.Statuses {
		if s.Code == code {
			return s
		}
	}
	return Status{Code: code, Label: Label{code, code}}
}

// Known reports whether code is one of the kind's statuses.
func (k Kind) Known(code string) bool {
	return slices.ContainsFunc(k.Statuses, func(s Status) bool { return s.Code == code })
}

// Codes lists the kind's status codes in order.
func (k Kind) Codes() []string {
	out := make([]string, len(k.Statuses))
	for i, s := range k.Statuses {
		out[i] = s.Code
	}
	return out
}

// StatusOf is a record's status code ("" for a record of another kind).
func (k Kind) StatusOf(r Record) string {
	if k.status == nil || r == nil {
		return ""
	}
	return k.status(r)
}

// TimeOf is the time that orders the record (TimeField).
func (k Kind) TimeOf(r Record) time.Time {
	if k.time == nil || r == nil {
		return time.Time{}
	}
	return k.time(r)
}

// Countdown is the time left on the record's urgent clock (an alert's
// automatic unsubscription, a running ticket SLA), and false when none runs.
func (k Kind) Countdown(r Record, now time.Time) (time.Duration, bool) {
	if k.countdown == nil || r == nil {
		return 0, false
	}
	return k.countdown(r, now)
}

// StatusOf is a record's status code.
func StatusOf(r Record) string {
	if k := kindOf(r.Resource()); k != nil && k.status != nil {
		return k.status(r)
	}
	return ""
}

// TimeOf is the time that orders a record.
func TimeOf(r Record) time.Time {
	if k := kindOf(r.Resource()); k != nil && k.time != nil {
		return k.time(r)
	}
	return time.Time{}
}

// Urgent reports whether the record's countdown has less than UrgentWithin
// left at now (passed deadlines included).
func Urgent(r Record, now time.Time) bool {
	left, ok := KindOf(r.Resource()).Countdown(r, now)
	return ok && left < UrgentWithin
}

// DefaultIntervals maps every resource to its class's default interval.
func DefaultIntervals() map[Resource]time.Duration {
	out := make(map[Resource]time.Duration, len(kinds))
	for _, k := range kinds {
		out[k.Resource] = k.Sync.DefaultInterval()
	}
	return out
}

// IntervalsByClass maps every resource to the interval of its class in
// byClass; a class missing there takes its default.
func IntervalsByClass(byClass map[SyncClass]time.Duration) map[Resource]time.Duration {
	out := DefaultIntervals()
	for _, k := range kinds {
		if d, ok := byClass[k.Sync]; ok && d > 0 {
			out[k.Resource] = d
		}
	}
	return out
}

// record reads r as T whether it is held by value or by pointer.
func record[T Record](r Record) (T, bool) {
	switch v := any(r).(type) {
	case T:
		return v, true
	case *T:
		if v != nil {
			return *v, true
		}
	}
	var zero T
	return zero, false
}

// field builds a kind's accessor from a function of its record type.
func field[T Record, V any](f func(T) V) func(Record) V {
	return func(r Record) V {
		v, ok := record[T](r)
		if !ok {
			var zero V
			return zero
		}
		return f(v)
	}
}
