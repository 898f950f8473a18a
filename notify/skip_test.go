package notify

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tick skips a record when the key named from its index entry is
// logged; that is only safe while the key is exactly the one the record's
// rule raises, so the two are compared here for every lead window.
func TestNoticeAt_NamesTheKeyTheRuleRaises(t *testing.T) {
	st := DefaultSettings()
	tests := []struct {
		name string
		left time.Duration
	}{
		{"overdue", -2 * time.Hour},
		{"just due", 0},
		{"inside the tightest lead", 9*time.Minute + 59*time.Second},
		{"on a lead's edge", 10 * time.Minute},
		{"between leads", 20 * time.Minute},
		{"on the widest lead", 30 * time.Minute},
		{"outside every lead", 31 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// given an open alert and a running ticket due left from now
			due := noon.Add(tc.left).Add(123 * time.Millisecond)
			a := failingAlert("A-1", 1, noon.Add(-time.Hour), due)
			tk := openTicket("T-1", 1, noon.Add(-time.Hour))
			tk.SLADue = due

			// when the keys are named from (ID, due) alone and by the rules
			gotAlert := alertNoticeAt("acct-1", noon, st.AlertLeadMinutes)(a.ID, due)
			gotTicket := ticketNoticeAt("acct-1", noon)(tk.ID, due)
			alertEvs := alertCountdown("acct-1", a, noon, st.AlertLeadMinutes)
			ticketEvs := ticketSLA("acct-1", tk, noon, time.Duration(st.SLALeadMinutes)*time.Minute)

			// then any event the rules raise carries the named key
			if len(alertEvs) > 0 {
				require.Len(t, alertEvs, 1)
				assert.Equal(t, alertEvs[0].key, gotAlert)
			} else {
				assert.Empty(t, gotAlert, "no alert event, so nothing may be skipped on a key")
			}
			for _, ev := range ticketEvs {
				assert.Equal(t, ev.key, gotTicket)
			}
		})
	}
}
