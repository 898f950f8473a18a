package service

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/internal/dbustest"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
)

// These run inside TestDesktopNotifications' private D-Bus session with dunst.

func launchSaysWhatIsOverdue(t *testing.T) {
	// given a console launched once on the sandbox, whose tickets are past
	// their SLA on its stopped clock
	dbustest.StartDunst(t)
	paths := testPaths(t)
	first, _ := desktopService(t, paths)
	startAndSync(t, first)
	time.Sleep(firstNoticeCheck + time.Second)
	overdue := overdueTickets(first)
	require.NotEmpty(t, overdue, "the sandbox has overdue tickets")
	labels := map[string]string{}
	for _, a := range first.Accounts() {
		labels[a.Name] = a.Label
	}
	require.NoError(t, first.Close())
	require.NoError(t, exec.Command("dunstctl", "close-all").Run()) // the first launch's summary
	calls := dbustest.MonitorNotify(t)

	// when it is launched again, nothing new arriving
	again, o := desktopService(t, paths)
	startAndSync(t, again)
	time.Sleep(firstNoticeCheck + 2*time.Second) // room for a flood to show itself

	// then exactly one popup: the state summary, critical for the breached SLAs
	got := calls.All()
	require.Len(t, got, 1, "one summary per launch: %v", got)
	sum := got[0]
	t.Logf("state summary: %q / %q", sum.Title, sum.Body)
	assert.Equal(t, "Needs you now", sum.Title)
	assert.Equal(t, byte(2), sum.Urgency, "critical: SLAs are breached")
	assert.Equal(t, []string{"default", "Open"}, sum.Actions)
	// and each account's line counts its overdue tickets, named when several
	lines := strings.Split(sum.Body, "\n")
	for name, n := range overdue {
		want := fmt.Sprintf("%d tickets overdue", n)
		if n == 1 {
			want = "1 ticket overdue"
		}
		if len(labels) > 1 {
			want = labels[name] + ": " + want
		}
		assert.True(t, hasPrefixLine(lines, want), "no line %q in %q (overdue %v)", want, sum.Body, overdue)
	}

	// and its Open shows the ticket list of an account with breached SLAs
	require.NoError(t, exec.Command("dunstctl", "action", "0").Run())
	require.Eventually(t, func() bool { return o.last() != [3]string{} }, 10*time.Second, 50*time.Millisecond)
	assert.Contains(t, overdue, o.last()[0], "an account with overdue tickets")
	assert.Equal(t, [2]string{string(domain.ResTickets), ""}, [2]string{o.last()[1], o.last()[2]}, "the list, not one record")
}

func hasPrefixLine(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// overdueTickets counts, per local account name, the sandbox's tickets
// whose SLA has passed while they wait on the merchant (a ticket waiting on
// the customer needs nobody now): the marketplace's truth, not the cache's.
func overdueTickets(s *Service) map[string]int {
	out := map[string]int{}
	for _, acct := range s.sandbox.Accounts() {
		for _, r := range s.sandbox.Records(acct.ID, domain.ResTickets) {
			tk := r.(domain.Ticket)
			if left, _ := tk.SLALeft(s.Now()); tk.SLARunning() && left <= 0 {
				out[config.SandboxAccountName(acct.ID)]++
			}
		}
	}
	return out
}

func calmLaunchRaisesNone(t *testing.T) {
	// given a tiny world with nothing overdue, near its SLA, counting down,
	// failed, past a supervision deadline or to invoice (as the sandbox,
	// not the cache, tells)
	dbustest.StartDunst(t)
	calls := dbustest.MonitorNotify(t)
	paths := testPaths(t)
	rules := notify.DefaultSettings()
	rules.Lang, rules.Quiet.On = notify.LangEN, false
	box := sandbox.Options{Seed: 10, Orders: 1, Tickets: 1, Supervision: 1, Alerts: 1, Bills: 1, Notifications: 1,
		NoArrivals: true, Clock: sandbox.NewClock(desktopStart, 0)}
	launch := func() *Service {
		return open(t, Options{Paths: paths, SandboxOptions: &box, Notify: &rules,
			Desktop: &notify.NotifierOptions{AppName: "Merchant Console Test", Lang: notify.LangEN}})
	}
	first := launch()
	require.Empty(t, urgentInSandbox(first, rules), "the calm world has something urgent")
	startAndSync(t, first)
	time.Sleep(firstNoticeCheck + time.Second)
	require.NoError(t, first.Close())
	before := len(calls.All())

	// when it is launched a second time
	again := launch()
	startAndSync(t, again)
	time.Sleep(firstNoticeCheck + 2*time.Second)

	// then no popup at all: nothing to say
	assert.Len(t, calls.All()[before:], 0, "a calm launch popped up: %v", calls.All()[before:])
}

// urgentInSandbox names what the state summary would count, read from the
// sandbox's records.
func urgentInSandbox(s *Service, rules notify.Settings) []string {
	now, lead := s.Now(), time.Duration(rules.SLALeadMinutes)*time.Minute
	var out []string
	for _, acct := range s.sandbox.Accounts() {
		for _, res := range []domain.Resource{domain.ResTickets, domain.ResAlerts, domain.ResSupervision, domain.ResBills} {
			for _, r := range s.sandbox.Records(acct.ID, res) {
				if stateCounts(r, now, lead) {
					out = append(out, string(res)+" "+r.RecordMeta().ID)
				}
			}
		}
	}
	return out
}

func stateCounts(r domain.Record, now time.Time, lead time.Duration) bool {
	switch v := r.(type) {
	case domain.Ticket:
		left, _ := v.SLALeft(now)
		return v.SLARunning() && left <= lead
	case domain.InterfaceAlert:
		_, ok := v.Countdown(now)
		return ok || v.State == domain.AlertFailed
	case domain.SupervisionTask:
		return v.DeadlinePassed(now)
	case domain.Bill:
		return v.Status == domain.BillPendingInvoice
	}
	return false
}
