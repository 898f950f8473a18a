package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestScanDeadlines_OnlyRunningCountdownsInTheWindow(t *testing.T) {
	// given tickets due before, inside and after a window, one paused, and
	// one whose SLA moved out of the window in a later version
	s := openTemp(t)
	now := baseTime
	apply(t, s, domain.ResTickets,
		ticket("T-overdue", 1, domain.TicketProcessing, "overdue", now.Add(-time.Hour)),
		ticket("T-soon", 1, domain.TicketPendingAccept, "soon", now.Add(10*time.Minute)),
		ticket("T-edge", 1, domain.TicketProcessing, "edge", now.Add(30*time.Minute)),
		ticket("T-later", 1, domain.TicketProcessing, "later", now.Add(31*time.Minute)),
		ticket("T-paused", 1, domain.TicketAwaitingCustomer, "paused", now.Add(5*time.Minute)),
		ticket("T-moved", 1, domain.TicketProcessing, "moved", now.Add(5*time.Minute)))
	apply(t, s, domain.ResTickets, ticket("T-moved", 2, domain.TicketProcessing, "moved", now.Add(2*time.Hour)))

	tests := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"no lower bound takes the overdue", time.Time{}, now.Add(30 * time.Minute), []string{"T-overdue", "T-soon", "T-edge"}},
		{"a lower bound leaves them out", now, now.Add(30 * time.Minute), []string{"T-soon", "T-edge"}},
		{"a window with nothing in it", now.Add(3 * time.Hour), now.Add(4 * time.Hour), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// when the window is scanned
			var got []string
			err := ScanDeadlines(s, tc.from, tc.to, func(tk domain.Ticket) error {
				got = append(got, tk.ID)
				return nil
			})

			// then only running countdowns inside it come, earliest first
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestRecordNotices_OneBatchKeepsTheRulePerKey(t *testing.T) {
	// given a notice logged before
	s := openTemp(t)
	_, err := s.RecordNotice(Notice{Key: "tickets/T1/sla", Title: "工单即将超时", At: baseTime})
	require.NoError(t, err)

	// when a batch repeats it, adds two new ones and repeats one of those
	added, err := s.RecordNotices([]Notice{
		{Key: "tickets/T1/sla", Title: "工单即将超时", At: baseTime},
		{Key: "alerts/A1/30m", Title: "接口告警", At: baseTime},
		{Key: "alerts/A2/30m", Title: "接口告警", At: baseTime, Read: true},
		{Key: "alerts/A1/30m", Title: "接口告警", At: baseTime},
	})

	// then only the first sight of each new key is added, and counted unread
	require.NoError(t, err)
	assert.Equal(t, []bool{false, true, true, false}, added)
	unread, err := s.UnreadNotices()
	require.NoError(t, err)
	assert.Equal(t, 2, unread)
	list, err := s.Notices(10)
	require.NoError(t, err)
	assert.Len(t, list, 3)
}

func TestRecordNotices_BadNoticeWritesNothing(t *testing.T) {
	// given a batch with one notice of another account
	s := openTemp(t)

	// when it is logged
	_, err := s.RecordNotices([]Notice{
		{Key: "alerts/A1/30m", Title: "接口告警"},
		{Key: "alerts/A2/30m", Account: "someone-else", Title: "接口告警"},
	})

	// then it is refused whole
	require.ErrorIs(t, err, ErrForeignAccount)
	list, err := s.Notices(10)
	require.NoError(t, err)
	assert.Empty(t, list)
}

func TestScanDeadlinesUnnoticed_SkipsRecordsWhoseNoticeIsLogged(t *testing.T) {
	// given three tickets in the window, a logged notice naming the first
	// at its due time and one naming the second at a stale due time
	s := openTemp(t)
	now := baseTime
	due := map[string]time.Time{"T-told": now.Add(5 * time.Minute), "T-moved": now.Add(10 * time.Minute), "T-new": now.Add(15 * time.Minute)}
	apply(t, s, domain.ResTickets,
		ticket("T-told", 1, domain.TicketProcessing, "told", due["T-told"]),
		ticket("T-moved", 1, domain.TicketProcessing, "moved", due["T-moved"]),
		ticket("T-new", 1, domain.TicketProcessing, "new", due["T-new"]))
	key := func(id string, at time.Time) string { return "sla:" + id + ":" + at.UTC().Format(time.RFC3339Nano) }
	_, err := s.RecordNotices([]Notice{
		{Key: key("T-told", due["T-told"]), Title: "told", At: now},
		{Key: key("T-moved", now), Title: "stale due time", At: now},
	})
	require.NoError(t, err)

	tests := []struct {
		name      string
		noticeKey func(id string, at time.Time) string
		want      []string
	}{
		{"the index names the logged notice", key, []string{"T-moved", "T-new"}},
		{"no key means read it", func(string, time.Time) string { return "" }, []string{"T-told", "T-moved", "T-new"}},
		{"no test skips nothing", nil, []string{"T-told", "T-moved", "T-new"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// when the window is scanned with the test
			var got []string
			err := ScanDeadlinesUnnoticed(s, time.Time{}, now.Add(time.Hour), tc.noticeKey, func(tk domain.Ticket) error {
				got = append(got, tk.ID)
				return nil
			})

			// then only records whose exact notice is logged are left out
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
