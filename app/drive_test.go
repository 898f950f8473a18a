package app

import (
	"context"

	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// driver is what a test stepping through the real window gets: the
// window, and whether sync has run.
type driver struct {
	Shell   *uishell.Shell
	console *Console
}

// Synced reports whether every account finished a first sync.
func (d driver) Synced() bool {
	for _, a := range d.console.svc.Accounts() {
		if d.console.svc.State(a.Name).LastSync.IsZero() {
			return false
		}
	}
	return true
}

// runDriven opens the console as Run does, runs drive on its own goroutine
// once the window exists, and shows the window until drive quits it.
func runDriven(opts Options, drive func(driver)) error {
	c, err := Open(opts)
	if err != nil {
		return err
	}
	go drive(driver{Shell: c.shell, console: c})
	return c.Run(context.Background())
}
