package notify

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
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

	"github.com/koogallery/merchant-console/domain"
)

// iconPNG draws a small icon so the tests need no file from the app.
func iconPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	for i := range 32 {
		img.Set(i, i, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// deliveries records what the notifier passed to each callback.
type deliveries struct {
	mu          sync.Mutex
	centre      []Notification
	fallback    []string
	unavailable []error
}

func (d *deliveries) options(icon any, now func() time.Time) NotifierOptions {
	return NotifierOptions{
		AppName: "Merchant Console Test", Icon: icon, Now: now,
		Centre: func(n Notification) { d.mu.Lock(); d.centre = append(d.centre, n); d.mu.Unlock() },
		Fallback: func(title, body string) {
			d.mu.Lock()
			d.fallback = append(d.fallback, title)
			d.mu.Unlock()
		},
		Unavailable: func(err error) { d.mu.Lock(); d.unavailable = append(d.unavailable, err); d.mu.Unlock() },
	}
}

func popup(title string, show bool) Notification {
	return Notification{Key: "k:" + title, Kind: KindNewTicket, Account: "acct-1", Resource: domain.ResTickets,
		RecordID: "T-" + title, Title: title, Body: "body of " + title, Popup: show}
}

func TestNotifierFallsBackWithoutDaemon(t *testing.T) {
	// given a session bus address where nothing listens (no notification daemon,
	// and notify-send, beeep's own fallback, fails the same way)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	c := &clock{now: noon}
	var d deliveries
	n, err := NewNotifier(d.options(iconPNG(t), c.Now))
	require.NoError(t, err)

	// when two popups and a silent one are delivered, the second after the retry pause
	n.Deliver(popup("first", true))
	n.Deliver(popup("silent", false))
	c.Advance(retryPause + time.Second)
	n.Deliver(popup("second", true))

	// then popups go to the fallback, everything to the centre, and the
	// unavailability is reported once
	assert.Equal(t, []string{"first", "second"}, d.fallback)
	require.Len(t, d.centre, 3)
	assert.Equal(t, "T-silent", d.centre[1].RecordID)
	require.Len(t, d.unavailable, 1)
	assert.ErrorContains(t, d.unavailable[0], "system notification")
}

func TestNotifierRefusesBadOptions(t *testing.T) {
	centre := func(Notification) {}
	cases := map[string]NotifierOptions{
		"no centre":         {Icon: "icon.png"},
		"icon bytes no PNG": {Centre: centre, Icon: []byte("GIF89a")},
		"icon of bad type":  {Centre: centre, Icon: 42},
	}
	for name, o := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := NewNotifier(o)
			assert.Error(t, err)
		})
	}
}

// dunstChild marks the copy of the test binary that runs inside the private
// D-Bus session.
const dunstChild = "NOTIFY_TEST_DUNST_CHILD"

// TestNotifierThroughDunst sends real notifications over D-Bus to dunst.
// It re-runs itself as `xvfb-run -a dbus-run-session -- <test binary>`:
// a private session bus, so it neither needs nor disturbs the user's, and a
// virtual display, because dunst 1.9 aborts without an X display.
func TestNotifierThroughDunst(t *testing.T) {
	if os.Getenv(dunstChild) == "1" {
		deliverThroughDunst(t)
		return
	}
	for _, bin := range []string{"dbus-run-session", "dunst", "dunstctl", "xvfb-run"} {
		if _, err := exec.LookPath(bin); err != nil {
			skipOrFail(t, "%s is not installed; this test needs dbus, dunst and xvfb (make deps installs them)", bin)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xvfb-run", "-a", "dbus-run-session", "--",
		os.Args[0], "-test.run=^TestNotifierThroughDunst$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), dunstChild+"=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "child run:\n%s", out)
	assert.Contains(t, string(out), "--- PASS: TestNotifierThroughDunst", "child run:\n%s", out)
}

func deliverThroughDunst(t *testing.T) {
	// given dunst serving the private session bus
	startDunst(t)
	iconFile := filepath.Join(t.TempDir(), "icon.png")
	require.NoError(t, os.WriteFile(iconFile, iconPNG(t), 0o600))

	for name, icon := range map[string]any{"icon path": iconFile, "icon bytes": iconPNG(t)} {
		var d deliveries
		n, err := NewNotifier(d.options(icon, nil))
		require.NoError(t, err)

		// when a popup is delivered
		title := "新工单 " + name
		n.Deliver(popup(title, true))

		// then the daemon took it: no fallback, nothing reported, and the centre has it
		assert.Empty(t, d.unavailable, name)
		assert.Empty(t, d.fallback, name)
		assert.Len(t, d.centre, 1, name)
		assert.Contains(t, dunstHistory(t, title), title)
	}
}

// startDunst runs dunst with an empty configuration (no user rules) and waits
// until it owns the notification service name.
func startDunst(t *testing.T) {
	t.Helper()
	rc := filepath.Join(t.TempDir(), "dunstrc")
	require.NoError(t, os.WriteFile(rc, nil, 0o600))
	var logs bytes.Buffer
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

// dunstHistory closes the displayed notifications (moving them to dunst's
// history) and returns the history once it mentions want.
func dunstHistory(t *testing.T, want string) string {
	t.Helper()
	var history string
	require.Eventually(t, func() bool {
		if err := exec.Command("dunstctl", "close-all").Run(); err != nil {
			return false
		}
		out, err := exec.Command("dunstctl", "history").Output()
		history = string(out)
		return err == nil && strings.Contains(history, want)
	}, 15*time.Second, 100*time.Millisecond, "dunst history never showed %q", want)
	return history
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
