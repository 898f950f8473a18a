//go:build linux || freebsd || openbsd || netbsd

package desktopbus

import (
	"net"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTrayHostReachable(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "bus")
	l, err := net.Listen("unix", sock)
	require.NoError(t, err)
	t.Cleanup(func() { _ = l.Close() })
	cases := []struct {
		name, addr, runtimeDir string
		want                   bool
	}{
		{"no session bus at all", "", "", false},
		{"address of a socket that exists", "unix:path=" + sock, "", true},
		{"address of a socket that is gone", "unix:path=" + filepath.Join(dir, "gone"), "", false},
		{"abstract socket trusted as given", "unix:abstract=/tmp/dbus-x,guid=1", "", true},
		{"systemd user bus", "", dir, true},
		{"runtime dir without a bus", "", t.TempDir(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", c.addr)
			t.Setenv("XDG_RUNTIME_DIR", c.runtimeDir)
			assert.Equal(t, c.want, Reachable())
		})
	}
}
