package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/gateway/produce"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox"
)

const sandboxUsage = `usage: merchant-console sandbox [--addr 127.0.0.1:PORT] [--seed N] [--orders N] [--tickets N]
       [--supervision N] [--alerts N] [--bills N] [--speed X] [--error-rate R] [--429-rate R]
       [--latency D] [--latency-rate R] [--truncate-rate R] [--produce-to URL]

Serves a living sandbox marketplace (the seller gateway API and the open
order query) until Ctrl-C, and prints each account's sandbox AK/SK.
`

// sandboxFlags parses the sandbox command line into sandbox.Options.
func sandboxFlags(args []string, stderr io.Writer) (sandbox.Options, error) {
	var o sandbox.Options
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, sandboxUsage); fs.PrintDefaults() }
	fs.StringVar(&o.Addr, "addr", "127.0.0.1:0", "listen address (loopback)")
	fs.Uint64Var(&o.Seed, "seed", 1, "generator seed: same seed, same world")
	fs.IntVar(&o.Orders, "orders", 0, "orders in all accounts (0: demo size)")
	fs.IntVar(&o.Tickets, "tickets", 0, "tickets (0: demo size)")
	fs.IntVar(&o.Supervision, "supervision", 0, "supervision tasks (0: demo size)")
	fs.IntVar(&o.Alerts, "alerts", 0, "interface alerts (0: demo size)")
	fs.IntVar(&o.Bills, "bills", 0, "settlement bills (0: demo size)")
	fs.Float64Var(&o.Speed, "speed", 1, "clock speed factor (60: a simulated minute per second)")
	fs.Float64Var(&o.Faults.ErrorRate, "error-rate", 0, "share of requests answered 500 MKT.0999")
	fs.Float64Var(&o.Faults.RateLimitRate, "429-rate", 0, "share of requests answered 429 with Retry-After")
	fs.DurationVar(&o.Faults.RetryAfter, "retry-after", time.Second, "Retry-After of injected 429s")
	fs.DurationVar(&o.Faults.Latency, "latency", 0, "added latency of slowed requests")
	fs.Float64Var(&o.Faults.LatencyRate, "latency-rate", 1, "share of requests slowed by --latency")
	fs.Float64Var(&o.Faults.TruncateRate, "truncate-rate", 0, "share of answers cut short")
	fs.StringVar(&o.Produce.URL, "produce-to", "", "send new orders' production calls to this URL, signed with $"+produce.EnvKey)
	o.Produce.Key = os.Getenv(produce.EnvKey)
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("sandbox: unexpected argument %q", fs.Arg(0))
	}
	for name, r := range map[string]float64{"error-rate": o.Faults.ErrorRate, "429-rate": o.Faults.RateLimitRate,
		"latency-rate": o.Faults.LatencyRate, "truncate-rate": o.Faults.TruncateRate} {
		if r < 0 || r > 1 {
			return o, fmt.Errorf("sandbox: --%s must be between 0 and 1, got %v", name, r)
		}
	}
	if o.Speed <= 0 {
		return o, errors.New("sandbox: --speed must be positive")
	}
	return o, nil
}

// RunSandbox serves a sandbox marketplace until ctx ends (Ctrl-C: main
// cancels it).
func RunSandbox(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := sandboxFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	srv, err := sandbox.Start(ctx, opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	printSandbox(stdout, srv)
	<-ctx.Done()
	fmt.Fprintln(stdout, "sandbox stopped")
	return nil
}

func printSandbox(w io.Writer, srv *sandbox.Server) {
	fmt.Fprintf(w, "sandbox marketplace serving at %s\n", srv.URL())
	fmt.Fprintln(w, "accounts (sandbox keys, not secrets):")
	accts := srv.Accounts()
	for _, a := range accts {
		kind := "main account"
		if a.SubAccount {
			kind = "sub-account of " + a.Parent + ", delegated products " + fmt.Sprint(a.Products)
		}
		fmt.Fprintf(w, "  %-14s %s (%s, %s)\n    AK=%s\n    SK=%s\n", a.ID, a.Name, a.Site, kind, a.AK, a.SK)
	}
	fmt.Fprintf(w, "try:\n  HUAWEICLOUD_SDK_AK=%s HUAWEICLOUD_SDK_SK=%s merchant-console api GET '%s%s?limit=5'\n",
		accts[0].AK, accts[0].SK, srv.URL(), marketapi.ChangesPath(domain.ResOrders))
	fmt.Fprintln(w, "press Ctrl-C to stop")
}
