package sandbox

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox/world"
)

// Server is a running sandbox marketplace on a loopback listener.
type Server struct {
	opts     Options
	w        *world.World
	clock    *Clock
	epoch    uint64
	faults   *faultRoller
	offline  atomic.Bool
	requests atomic.Uint64 // numbers X-Request-Id
	hs       *http.Server
	url      string
	mocks    map[string]domain.Order
	stop     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once
}

// Start generates the world, listens on opts.Addr and serves until ctx ends
// or Close is called.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	w, clock, epoch, err := openWorld(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: listen on %s: %w", opts.Addr, err)
	}
	s := &Server{
		opts: opts, w: w, clock: clock, epoch: epoch,
		faults: newFaultRoller(opts.Seed, opts.Faults), url: "http://" + ln.Addr().String(),
		mocks: mockOrders(), stop: make(chan struct{}),
	}
	s.hs = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(2)
	go s.serve(gatedListener{Listener: ln, offline: &s.offline})
	go s.tick(ctx, opts.TickEvery)
	if opts.Produce.URL != "" {
		if _, err := s.Produce(ctx, opts.Produce); err != nil {
			_ = s.Close()
			return nil, err
		}
	}
	return s, nil
}

func (s *Server) serve(ln net.Listener) {
	defer s.wg.Done()
	// Serve only ends by Close (ErrServerClosed) or a dead listener; either
	// way clients see the sandbox gone, which is all a sandbox can report.
	_ = s.hs.Serve(ln)
}

// tick steps the simulation while the clock runs.
func (s *Server) tick(ctx context.Context, every time.Duration) {
	defer s.wg.Done()
	if every <= 0 {
		every = 200 * time.Millisecond
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.shutdown()
			return
		case <-s.stop:
			return
		case <-t.C:
			if s.clock.Speed() > 0 {
				s.w.Step(s.clock.Now())
			}
		}
	}
}

// URL is the sandbox's base URL, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return s.url }

// Clock is the sandbox's clock.
func (s *Server) Clock() *Clock { return s.clock }

// AccountCred is one sandbox account and its credentials (world.AccountCred).
type AccountCred = world.AccountCred

// Site hosts, as the marketplace names them.
const (
	SiteChina = world.SiteChina
	SiteIntl  = world.SiteIntl
)

// Fixed account IDs, so tests and demos can name them.
const (
	AccountMain = world.AccountMain
	AccountSub  = world.AccountSub
	AccountIntl = world.AccountIntl
)

// Accounts lists the accounts with their sandbox credentials.
func (s *Server) Accounts() []AccountCred {
	return s.w.Accounts()
}

// Advance moves the clock forward by d and runs the simulation up to the
// new time before returning, so tests see the effects at once.
func (s *Server) Advance(d time.Duration) {
	s.clock.Advance(d)
	s.w.Step(s.clock.Now())
}

// SetOffline makes the sandbox refuse service (true) or serve again (false):
// new connections are closed at once and requests on open ones are dropped.
func (s *Server) SetOffline(off bool) { s.offline.Store(off) }

// Close stops serving and the simulation.
func (s *Server) Close() error {
	err := s.shutdown()
	s.wg.Wait()
	return err
}

func (s *Server) shutdown() error {
	var err error
	s.once.Do(func() {
		close(s.stop)
		err = s.hs.Close()
	})
	return err
}

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
