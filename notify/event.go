package notify

import (
	"strconv"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// event is one thing worth telling the merchant, before rules, quiet hours
// and coalescing decide how.
type event struct {
	kind     Kind
	account  string
	label    string // the account's display name, filled in when the event is recorded
	resource domain.Resource
	recordID string
	key      string        // deterministic: the same event always gets the same key
	ref      string        // what the user knows the record by: order ID, ticket subject, bill period
	detail   string        // a second fact: customer, product, message snippet
	words    domain.Label  // a second fact in both languages (an alert's interface and code); wins over detail
	left     time.Duration // countdowns: time left at the moment of the event
	at       time.Time     // deadlines: when it falls
	folded   *event        // replies: the SLA warning the same sync raised, told with it
}

// noticeKey joins the parts of a deterministic notification key,
// e.g. "alert-countdown:acct-1:AL-9:30m".
func noticeKey(kind Kind, account, id string, parts ...string) string {
	return strings.Join(append([]string{string(kind), account, id}, parts...), ":")
}

// unix formats a time for a key; whole seconds keep it stable across JSON round trips.
func unix(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// as reads a record of type T whether the cache handed it over by value or by pointer.
func as[T domain.Record](r domain.Record) (T, bool) {
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

// minutesLeft rounds a countdown up, so "1 minute left" is shown until it is gone.
func minutesLeft(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + time.Minute - 1) / time.Minute)
}
