//go:build !(linux || freebsd || openbsd || netbsd)

package desktopbus

// Reachable is true where notifications and the tray are native (Windows, macOS).
func Reachable() bool { return true }
