//go:build linux || freebsd || openbsd || netbsd

// Package desktopbus tells whether the desktop's D-Bus session bus is there.
// On Linux and the BSDs the tray icon (StatusNotifierItem) and Fyne's own
// notifications go over it; without it Fyne's systray dereferences a nil
// connection when the app quits, and Fyne logs an error for every
// notification. The console then keeps to its window: no tray, and
// notifications only in the in-app centre.
package desktopbus

import (
	"os"
	"path/filepath"
	"strings"
)

// Reachable says whether a session bus is there, without connecting: asking
// godbus for the bus would autolaunch a stray dbus-daemon where dbus-launch is
// installed. A desktop session always exports DBUS_SESSION_BUS_ADDRESS or has
// systemd's $XDG_RUNTIME_DIR/bus.
func Reachable() bool {
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		return unixBusExists(addr)
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return true
		}
	}
	return false
}

// unixBusExists checks a "unix:path=…" address's socket; other transports
// (abstract sockets, tcp) are trusted as given.
func unixBusExists(addr string) bool {
	for _, part := range strings.Split(addr, ",") {
		if path, ok := strings.CutPrefix(part, "unix:path="); ok {
			_, err := os.Stat(path)
			return err == nil
		}
	}
	return true
}
