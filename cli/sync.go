package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/service"
	"github.com/koogallery/merchant-console/syncer"
)

const syncUsage = `usage: merchant-console sync [--once] [--account NAME] [--sandbox] [--cache PATH]

Brings the local cache of each configured account (or only --account) up to
date with the marketplace: delivers queued actions, then pulls every
resource's changes, printing progress and a summary per resource. Without
--once it keeps syncing on the usual intervals until Ctrl-C.
With --sandbox, or when no account is configured, it starts the built-in
sandbox marketplace in-process and syncs one of its accounts (--account takes
a sandbox account ID or name) into a temporary cache unless --cache is given.
`

// syncArgs is the parsed command line.
type syncArgs struct {
	once, sandbox  bool
	account, cache string
}

// RunSync implements `merchant-console sync`.
func RunSync(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	a, err := parseSyncArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	var out sync.Mutex // schedulers print from their own goroutines
	printer := &progressPrinter{w: stdout, mu: &out}
	opts, cleanup, err := a.options()
	if err != nil {
		return err
	}
	defer cleanup()
	opts.OnProgress = printer.print
	if !a.once {
		opts.OnState = func(_ string, st syncer.State) { out.Lock(); printState(stdout, st); out.Unlock() }
		opts.OnSync = func(_ string, s syncer.Summary, err error) { out.Lock(); printSummary(stdout, s, err); out.Unlock() }
	}
	svc, err := service.Open(opts)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	defer svc.Close()
	if url := svc.SandboxURL(); url != "" {
		printSandboxTarget(stdout, a, url, svc.Accounts())
	}
	printRepairs(stdout, svc)
	if a.once {
		return syncOnce(ctx, svc, stdout)
	}
	svc.Start()
	fmt.Fprintln(stdout, "Syncing until Ctrl-C.")
	<-ctx.Done()
	return nil
}

func parseSyncArgs(args []string, stderr io.Writer) (syncArgs, error) {
	var a syncArgs
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, syncUsage); fs.PrintDefaults() }
	fs.BoolVar(&a.once, "once", false, "sync once and exit")
	fs.StringVar(&a.account, "account", "", "only this account (a sandbox account ID or name with --sandbox)")
	fs.BoolVar(&a.sandbox, "sandbox", false, "sync the built-in sandbox marketplace")
	fs.StringVar(&a.cache, "cache", "", "cache file (default: the account's data directory; a temporary file for the sandbox)")
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	if fs.NArg() > 0 {
		return a, fmt.Errorf("sync: unexpected argument %q", fs.Arg(0))
	}
	return a, nil
}

// options are the service the command runs: the configured accounts, or
// the sandbox's main account (or --account) with its cache in a temporary
// directory, which the cleanup removes.
func (a syncArgs) options() (service.Options, func(), error) {
	opts := service.Options{Sandbox: a.sandbox, Only: a.account, SandboxAccount: a.account, CacheFile: a.cache}
	if opts.SandboxAccount == "" {
		opts.SandboxAccount = sandbox.AccountMain
	}
	dir, err := os.MkdirTemp("", "merchant-console-sandbox-*")
	if err != nil {
		return opts, nil, fmt.Errorf("sync: %w", err)
	}
	opts.SandboxData = dir
	return opts, func() { _ = os.RemoveAll(dir) }, nil
}

func printSandboxTarget(w io.Writer, a syncArgs, url string, accts []service.Account) {
	if !a.sandbox {
		fmt.Fprintln(w, "No account is configured: syncing the built-in sandbox marketplace instead.")
	}
	for _, acc := range accts {
		fmt.Fprintf(w, "Sandbox marketplace at %s, account %s (%s)\n", url, acc.Name, acc.Label)
	}
}

// syncOnce syncs every account one after the other and prints summaries.
func syncOnce(ctx context.Context, svc *service.Service, stdout io.Writer) error {
	var errs []error
	for _, acc := range svc.Accounts() {
		sum, err := svc.SyncOnce(ctx, acc.Name)
		printSummary(stdout, sum, err)
		printActivity(stdout, svc.Store(acc.Name))
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// progressPrinter prints a resource's progress at most every tenth of the
// way, so a 100k-record first sync prints a dozen lines, not two hundred.
// Accounts syncing side by side keep their own count.
type progressPrinter struct {
	w    io.Writer
	mu   *sync.Mutex
	seen map[string]progressMark
}

// progressMark is how far an account's current resource was printed.
type progressMark struct {
	res  domain.Resource
	step int
}

func (p *progressPrinter) print(account string, pr syncer.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seen == nil {
		p.seen = map[string]progressMark{}
	}
	m := p.seen[account]
	if pr.Resource != m.res {
		m = progressMark{res: pr.Resource}
	}
	defer func() { p.seen[account] = m }()
	pct := pr.Percent()
	if pct < 0 || pr.Done {
		if pr.Done && pr.Records > 0 {
			fmt.Fprintf(p.w, "  %-14s %d records\n", pr.Resource, pr.Records)
		}
		return
	}
	if step := int(pct / 10); step > m.step {
		m.step = step
		fmt.Fprintf(p.w, "  %-14s %d / %d  %3.0f%%\n", pr.Resource, pr.Records, pr.Total, pct)
	}
}

func printState(w io.Writer, st syncer.State) {
	line := fmt.Sprintf("[%s] %s: %s, outbox %d", time.Now().Format("15:04:05"), st.Account, st.Status, st.Outbox)
	if !st.LastSync.IsZero() {
		line += ", last sync " + st.LastSync.Local().Format("15:04:05")
	}
	if st.LastError != "" {
		line += ", error: " + st.LastError
	}
	fmt.Fprintln(w, line)
}

func printSummary(w io.Writer, s syncer.Summary, err error) {
	fmt.Fprintf(w, "Account %s: sync took %s\n", s.Account, s.Took.Round(time.Millisecond))
	fmt.Fprintf(w, "  %-14s %7s %8s %8s %9s\n", "resource", "new", "changed", "removed", "time")
	for _, r := range s.Resources {
		fmt.Fprintf(w, "  %-14s %7d %8d %8d %9s\n", r.Resource, r.New, r.Changed, r.Removed, r.Took.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "  outbox: %d sent, %d done, %d rejected, %d left", s.Push.Sent, s.Push.Done, s.Push.Rejected, s.Push.Left)
	if s.Push.Stopped > 0 { // the traffic cop: the agent decides in the window
		fmt.Fprintf(w, ", %d held because the ticket changed", s.Push.Stopped)
	}
	fmt.Fprintln(w)
	for _, p := range s.Problems() {
		fmt.Fprintf(w, "  problem: %s\n", p)
	}
	if err != nil {
		fmt.Fprintf(w, "  error: %v\n", err)
	}
}

// printRepairs says which caches were found damaged and repaired on open,
// and what was saved, or why one could not be opened at all.
func printRepairs(w io.Writer, svc *service.Service) {
	for _, acc := range svc.Accounts() {
		h := svc.Health(acc.Name)
		if h.Repaired != nil {
			fmt.Fprintf(w, "Account %s: the cache was repaired.\n", acc.Name)
			for _, line := range h.Repaired.Lines() {
				fmt.Fprintf(w, "  %s\n", line)
			}
		}
		if h.Broken != nil {
			fmt.Fprintf(w, "Account %s cannot be synced: %v\n", acc.Name, h.Broken)
		}
	}
}

// printActivity prints the newest entry of the account's sync activity log,
// the line the window's activity view shows for it.
func printActivity(w io.Writer, s *localstore.Store) {
	if s == nil {
		return
	}
	if last, err := s.Activity(localstore.ActivityAll, 1); err == nil && len(last) == 1 {
		fmt.Fprintf(w, "  activity: %s\n", last[0].Line())
	}
}
