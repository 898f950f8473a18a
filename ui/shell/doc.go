// Package shell is the console's window around the screens: navigation and
// Ctrl+1…8, the account switcher, the status bar and its once-a-second poll
// of sync state, the tray menu, the sandbox and "notifications unavailable"
// banners, the keyboard shortcuts, and the notification centre behind the
// bell. It builds each screen for the current account (screens.go) and is
// the Host Settings runs in; screens never see the Shell itself.
package shell
