package sandbox

import (
	"net"
	"sync/atomic"
)

// gatedListener closes every new connection while the sandbox is offline,
// so clients see the marketplace unreachable without the port changing.
type gatedListener struct {
	net.Listener
	offline *atomic.Bool
}

// Accept hands out connections, dropping those that arrive while offline.
func (l gatedListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if !l.offline.Load() {
			return c, nil
		}
		_ = c.Close()
	}
}
