package service

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
)

// desktopChild marks the copy of the test binary that runs inside the
// private D-Bus session with dunst.
const desktopChild = "SERVICE_TEST_DESKTOP_CHILD"

// TestDesktopNotifications re-runs itself as `xvfb-run -a dbus-run-session
// -- <test binary>`: a private session bus (the user's is neither needed nor
// disturbed) and a virtual display, which dunst 1.9 needs.
func TestDesktopNotifications(t *testing.T) {
	if os.Getenv(desktopChild) == "1" {
		t.Run("first sync raises one summary", firstSyncRaisesOneSummary)
		t.Run("a countdown is critical, stays and opens its record", countdownIsCriticalAndOpens)
		t.Run("a launch says what is overdue in one summary", launchSaysWhatIsOverdue)
		t.Run("a calm launch raises no popup", calmLaunchRaisesNone)
		return
	}
	for _, bin := range []string{"dbus-run-session", "dunst", "dunstctl", "xvfb-run"} {
		if _, err := exec.LookPath(bin); err != nil {
			skipOrFail(t, "%s is not installed; this test needs dbus, dunst and xvfb (make deps installs them)", bin)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xvfb-run", "-a", "dbus-run-session", "--",
		os.Args[0], "-test.run=^TestDesktopNotifications$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), desktopChild+"=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "child run:\n%s", out)
	t.Logf("child run:\n%s", out)
	assert.Contains(t, string(out), "--- PASS: TestDesktopNotifications", "child run:\n%s", out)
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
	startDunst(t)
	calls := monitorNotify(t)
	paths := testPaths(t)
	s, _ := desktopService(t, paths)

	// when the console starts and every account's first sync ends
	startAndSync(t, s)
	require.Eventually(t, func() bool { return len(calls.all()) > 0 }, 30*time.Second, 50*time.Millisecond, "a popup")
	time.Sleep(2 * time.Second) // room for a flood to show itself

	// then exactly one popup went out: a summary whose title and body agree
	got := calls.all()
	require.Len(t, got, 1, "one summary, not one popup per rule and account: %v", got)
	sum := got[0]
	t.Logf("summary: %q / %q (urgency %d, timeout %d, %d bytes)", sum.title, sum.body, sum.urgency, sum.timeout, sum.bytes)
	// (the sandbox has urgent records, so it is the state summary, with
	// what arrived new after what needs a person now)
	assert.Equal(t, "Needs you now", sum.title)
	assert.Regexp(t, `\d+ new tickets?`, sum.body)
	// and it carries a small icon, not the 512 px one (~1 MiB over D-Bus)
	assert.Equal(t, [2]int32{64, 64}, sum.iconSize)
	assert.Less(t, sum.bytes, 64<<10, "the whole Notify call")

	// when the console is closed and launched again on the same home,
	// nothing having happened meanwhile (the sandbox's clock is stopped)
	require.NoError(t, s.Close())
	again, _ := desktopService(t, paths)
	startAndSync(t, again)
	time.Sleep(firstNoticeCheck + time.Second) // past the first deadline check

	// then nothing already told pops up again: the one popup of this
	// launch says what needs a person, and nothing as new
	require.Len(t, calls.all(), 2, "a relaunch repeated old popups: %v", calls.all()[1:])
	assert.Equal(t, "Needs you now", calls.all()[1].title)
	assert.NotContains(t, calls.all()[1].body, "new")
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
	startDunst(t)
	s, o := desktopService(t, testPaths(t))
	alert, ok := alertDueAfter(s, 40*time.Minute)
	require.True(t, ok, "the sandbox has an alert counting down")
	name := config.SandboxAccountName(alert.Account)
	_, err := s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	require.NoError(t, exec.Command("dunstctl", "close-all").Run()) // the first sync's popups
	calls := monitorNotify(t)

	// when the clock reaches ten minutes before it and the deadlines are checked
	left, _ := alert.Countdown(s.Now())
	s.sandbox.Advance(left - 9*time.Minute)
	require.NoError(t, s.CheckDeadlines())

	// then its popup is critical, never expires and offers to open it
	require.Eventually(t, func() bool { return len(calls.all()) > 0 }, 10*time.Second, 50*time.Millisecond)
	n := calls.all()[0]
	assert.Contains(t, n.body, alert.OrderID)
	assert.Equal(t, byte(2), n.urgency, "critical")
	assert.Equal(t, int32(0), n.timeout, "stays until dismissed")
	assert.Equal(t, []string{"default", "Open"}, n.actions)

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

// notifyCall is one org.freedesktop.Notifications.Notify as sent.
type notifyCall struct {
	title, body string
	actions     []string
	urgency     byte
	timeout     int32
	iconSize    [2]int32
	bytes       int // the encoded message
}

type notifyCalls struct {
	mu    sync.Mutex
	calls []notifyCall
}

func (c *notifyCalls) all() []notifyCall {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]notifyCall(nil), c.calls...)
}

// monitorNotify becomes a D-Bus monitor of Notify calls, as dbus-monitor
// does, and decodes each as the daemon receives it.
func monitorNotify(t *testing.T) *notifyCalls {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	rule := "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"
	require.NoError(t, conn.BusObject().Call("org.freedesktop.DBus.Monitoring.BecomeMonitor", 0, []string{rule}, uint32(0)).Err)
	ch := make(chan *dbus.Message, 64)
	conn.Eavesdrop(ch)
	var c notifyCalls
	go func() {
		for m := range ch {
			if n, ok := decodeNotify(m); ok {
				c.mu.Lock()
				c.calls = append(c.calls, n)
				c.mu.Unlock()
			}
		}
	}()
	return &c
}

func decodeNotify(m *dbus.Message) (notifyCall, bool) {
	if len(m.Body) != 8 {
		return notifyCall{}, false
	}
	var n notifyCall
	n.title, _ = m.Body[3].(string)
	n.body, _ = m.Body[4].(string)
	n.actions, _ = m.Body[5].([]string)
	hints, _ := m.Body[6].(map[string]dbus.Variant)
	if u, ok := hints["urgency"]; ok {
		n.urgency, _ = u.Value().(byte)
	}
	if img, ok := hints["image-data"]; ok {
		if fields, ok := img.Value().([]any); ok && len(fields) == 7 {
			w, _ := fields[0].(int32)
			h, _ := fields[1].(int32)
			n.iconSize = [2]int32{w, h}
		}
	}
	n.timeout, _ = m.Body[7].(int32)
	var buf bytes.Buffer
	if err := m.EncodeTo(&buf, binary.LittleEndian); err == nil {
		n.bytes = buf.Len()
	}
	return n, true
}

// startDunst runs dunst with an empty configuration (no user rules) and
// waits until it owns the notification service name.
func startDunst(t *testing.T) {
	t.Helper()
	rc := filepath.Join(t.TempDir(), "dunstrc")
	require.NoError(t, os.WriteFile(rc, nil, 0o600))
	var logs strings.Builder
	cmd := exec.Command("dunst", "-config", rc)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	conn, err := dbus.ConnectSessionBus()
	require.NoError(t, err)
	defer conn.Close()
	require.Eventually(t, func() bool {
		var has bool
		err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.freedesktop.Notifications").Store(&has)
		return err == nil && has
	}, 15*time.Second, 50*time.Millisecond, "dunst did not start: %s", &logs)
}

// skipOrFail skips, unless DESKTOP_TEST_REQUIRED is set (`make
// notifications`), where a test that cannot run must not pass as skipped.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("DESKTOP_TEST_REQUIRED") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}
