package gateway

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/koogallery/merchant-console/config"
)

// ServeOptions say where and how the gateway listens.
type ServeOptions struct {
	Listen            string
	CertFile, KeyFile string // both or neither; required unless Listen is loopback
}

// CheckListen refuses plain http anywhere but loopback: production calls
// carry customers' data and the marketplace only calls HTTPS URLs.
func (o ServeOptions) CheckListen() error {
	host, _, err := net.SplitHostPort(o.Listen)
	if err != nil {
		return fmt.Errorf("--listen %q: %w", o.Listen, err)
	}
	if (o.CertFile == "") != (o.KeyFile == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if o.CertFile == "" && !config.IsLoopback(host) {
		return fmt.Errorf("--listen %s is not loopback: give --tls-cert and --tls-key (plain http only on loopback)", o.Listen)
	}
	return nil
}

// Serve listens and serves g until ctx ends; ready, when not nil, gets the
// bound address once listening.
func Serve(ctx context.Context, g *Gateway, o ServeOptions, ready func(addr string)) error {
	if err := o.CheckListen(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("gateway: listen on %s: %w", o.Listen, err)
	}
	hs := &http.Server{Handler: g, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	bg, stop := context.WithCancel(ctx)
	defer stop()
	go g.Run(bg)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}()
	if ready != nil {
		ready(ln.Addr().String())
	}
	if o.CertFile != "" {
		err = hs.ServeTLS(ln, o.CertFile, o.KeyFile)
	} else {
		err = hs.Serve(ln)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
