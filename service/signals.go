package service

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Interrupted is ctx, cancelled at the first Ctrl-C or SIGTERM: the one
// place the process listens for them. A second signal, after stop or once
// the first was handled, ends the process as usual.
func Interrupted(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}
