// Package dbustest runs desktop-notification tests against a real
// notification daemon without touching the user's desktop: the test binary
// re-runs itself inside a private session bus (dbus-run-session) on a
// virtual display (xvfb-run: dunst 1.9 aborts without X), where dunst owns
// org.freedesktop.Notifications and a bus monitor records every Notify
// call as the daemon receives it. It is for tests only (it imports testing);
// notify's and service's desktop tests share it.
package dbustest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childEnv names the test that the copy of the test binary inside the
// private session runs.
const childEnv = "DBUSTEST_CHILD"

// required makes a test that cannot run fail instead of skip (`make
// notifications` sets it), so a missing dunst never passes as skipped.
const required = "DESKTOP_TEST_REQUIRED"

// InPrivateSession reports whether the calling test already runs inside the
// private session, where it does its work. Outside, it re-runs that test as
// `xvfb-run -a dbus-run-session -- <test binary> -test.run=^Name$` within
// timeout, fails the test unless the copy passed, and reports false: the
// test then returns. Missing tools skip the test (or fail it, see SkipOrFail).
func InPrivateSession(t *testing.T, timeout time.Duration) bool {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		return true
	}
	for _, bin := range []string{"dbus-run-session", "dunst", "dunstctl", "xvfb-run"} {
		if _, err := exec.LookPath(bin); err != nil {
			SkipOrFail(t, "%s is not installed; this test needs dbus, dunst and xvfb (make deps installs them)", bin)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xvfb-run", "-a", "dbus-run-session", "--",
		os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "child run:\n%s", out)
	t.Logf("child run:\n%s", out)
	assert.Contains(t, string(out), "--- PASS: "+t.Name(), "child run:\n%s", out)
	return false
}

// SkipOrFail skips, unless DESKTOP_TEST_REQUIRED is set (`make
// notifications`), where a test that cannot run must not pass as skipped.
func SkipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv(required) != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}
