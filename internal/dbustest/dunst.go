package dbustest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/stretchr/testify/require"
)

// StartDunst runs dunst with an empty configuration (no user rules) on the
// session bus and waits until it owns the notification service name. It is
// stopped when the test ends.
func StartDunst(t *testing.T) {
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

// DunstHistory closes the displayed notifications (moving them to dunst's
// history) and returns the history once it mentions want.
func DunstHistory(t *testing.T, want string) string {
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
