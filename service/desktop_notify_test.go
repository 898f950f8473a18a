package service

import (
	"context"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/internal/dbustest"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
)

// TestDesktopNotifications runs the console against dunst in a private
// session bus on a virtual display (dbustest): the user's desktop is
// neither needed nor disturbed.
func TestDesktopNotifications(t *testing.T) {
	if !dbustest.InPrivateSession(t, 4*time.Minute) {
		return
	}
	t.Run("first sync raises one summary", firstSyncRaisesOneSummary)
	t.Run("a countdown is critical, stays and opens its record", countdownIsCriticalAndOpens)
	t.Run("a launch says what is overdue in one summary", launchSaysWhatIsOverdue)
	t.Run("a calm launch raises no popup", calmLaunchRaisesNone)
}

// desktopStart is the sandbox's stopped clock: nothing moves unless a test
// advances it.
var desktopStart = time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC)

// desktopService runs the console on the sandbox with system popups, the
// way the window does, and records what a popup's "Open" asks for.
func desktopService(t *testing.T, paths config.Paths) (*Service, *opened) {
	t.Helper()
	rules := notify.DefaultSettings()
	rules.Lang, rules.Quiet.On = notify.LangEN, false
	box := small
	box.Clock = sandbox.NewClock(desktopStart, 0)
	var o opened
	s := open(t, Options{Paths: paths, SandboxOptions: &box, Notify: &rules,
		Desktop: &notify.NotifierOptions{AppName: "Merchant Console Test", Icon: assets.Icon.Content(),
			Lang: notify.LangEN, OnOpen: o.record}})
	return s, &o
}

func firstSyncRaisesOneSummary(t *testing.T) {
	// given dunst on the bus and a monitor of every Notify call
	dbustest.StartDunst(t)
	calls := dbustest.MonitorNotify(t)
	paths := testPaths(t)
	s, _ := desktopService(t, paths)

	// when the console starts and every account's first sync ends
	startAndSync(t, s)
	require.Eventually(t, func() bool { return len(calls.All()) > 0 }, 30*time.Second, 50*time.Millisecond, "a popup")
	time.Sleep(2 * time.Second) // room for a flood to show itself

	// then exactly one popup went out: a summary whose title and body agree
	got := calls.All()
	require.Len(t, got, 1, "one summary, not one popup per rule and account: %v", got)
	sum := got[0]
	t.Logf("summary: %q / %q (urgency %d, timeout %d, %d bytes)", sum.Title, sum.Body, sum.Urgency, sum.Timeout, sum.Bytes)
	// (the sandbox has urgent records, so it is the state summary, with
	// what arrived new after what needs a person now)
	assert.Equal(t, "Needs you now", sum.Title)
	assert.Regexp(t, `\d+ new tickets?`, sum.Body)
	// and it carries a small icon, not the 512 px one (~1 MiB over D-Bus)
	assert.Equal(t, [2]int32{64, 64}, sum.IconSize)
	assert.Less(t, sum.Bytes, 64<<10, "the whole Notify call")

	// when the console is closed and launched again on the same home,
	// nothing having happened meanwhile (the sandbox's clock is stopped)
	require.NoError(t, s.Close())
	again, _ := desktopService(t, paths)
	startAndSync(t, again)
	time.Sleep(firstNoticeCheck + time.Second) // past the first deadline check

	// then nothing already told pops up again: the one popup of this
	// launch says what needs a person, and nothing as new
	require.Len(t, calls.All(), 2, "a relaunch repeated old popups: %v", calls.All()[1:])
	assert.Equal(t, "Needs you now", calls.All()[1].Title)
	assert.NotContains(t, calls.All()[1].Body, "new")
}

// startAndSync starts the console and waits for every account's first sync.
func startAndSync(t *testing.T, s *Service) {
	t.Helper()
	s.Start()
	require.Eventually(t, func() bool {
		for _, a := range s.Accounts() {
			if s.State(a.Name).LastSync.IsZero() {
				return false
			}
		}
		return true
	}, time.Minute, 50*time.Millisecond, "first syncs")
}

func countdownIsCriticalAndOpens(t *testing.T) {
	// given a synced console and an open alert more than 30 minutes from
	// automatic unsubscription
	dbustest.StartDunst(t)
	s, o := desktopService(t, testPaths(t))
	alert, ok := alertDueAfter(s, 40*time.Minute)
	require.True(t, ok, "the sandbox has an alert counting down")
	name := config.SandboxAccountName(alert.Account)
	_, err := s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	require.NoError(t, exec.Command("dunstctl", "close-all").Run()) // the first sync's popups
	calls := dbustest.MonitorNotify(t)

	// when the clock reaches ten minutes before it and the deadlines are checked
	left, _ := alert.Countdown(s.Now())
	s.sandbox.Advance(left - 9*time.Minute)
	require.NoError(t, s.CheckDeadlines())

	// then its popup is critical, never expires and offers to open it
	require.Eventually(t, func() bool { return len(calls.All()) > 0 }, 10*time.Second, 50*time.Millisecond)
	n := calls.All()[0]
	assert.Contains(t, n.Body, alert.OrderID)
	assert.Equal(t, byte(2), n.Urgency, "critical")
	assert.Equal(t, int32(0), n.Timeout, "stays until dismissed")
	assert.Equal(t, []string{"default", "Open"}, n.Actions)

	// and invoking it in dunst opens that alert
	require.NoError(t, exec.Command("dunstctl", "action", "0").Run())
	require.Eventually(t, func() bool { return o.last() != [3]string{} }, 10*time.Second, 50*time.Millisecond)
	assert.Equal(t, [3]string{name, string(domain.ResAlerts), alert.ID}, o.last())
}

// alertDueAfter finds the sandbox's open alert due soonest after d.
func alertDueAfter(s *Service, d time.Duration) (domain.InterfaceAlert, bool) {
	var best domain.InterfaceAlert
	var found bool
	for _, acct := range s.sandbox.Accounts() {
		for _, r := range s.sandbox.Records(acct.ID, domain.ResAlerts) {
			a := r.(domain.InterfaceAlert)
			left, ok := a.Countdown(s.Now())
			if ok && left > d && (!found || a.UnsubscribeAt.Before(best.UnsubscribeAt)) {
				best, found = a, true
			}
		}
	}
	return best, found
}

// opened records the records a popup's action opened.
type opened struct {
	mu   sync.Mutex
	seen [][3]string
}

func (o *opened) record(account string, res domain.Resource, id string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.seen = append(o.seen, [3]string{account, string(res), id})
}

func (o *opened) last() [3]string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.seen) == 0 {
		return [3]string{}
	}
	return o.seen[len(o.seen)-1]
}
