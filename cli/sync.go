package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
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

// syncTarget is one account to sync: where to, with what, into which cache.
type syncTarget struct {
	name   string // the cache's account name
	client syncer.Options
	cache  string
	remote string // the server's account ID when already known
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
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	targets, cleanup, err := syncTargets(ctx, a, stdout)
	if err != nil {
		return err
	}
	defer cleanup()
	if a.once {
		return syncOnce(ctx, targets, stdout)
	}
	return syncForever(ctx, targets, stdout)
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

// syncTargets resolves the accounts to sync; the cleanup stops the sandbox
// and removes a temporary cache.
func syncTargets(ctx context.Context, a syncArgs, stdout io.Writer) ([]syncTarget, func(), error) {
	if a.sandbox {
		return sandboxTarget(ctx, a, stdout)
	}
	paths, err := config.DefaultPaths()
	if err != nil {
		return nil, nil, fmt.Errorf("sync: %w", err)
	}
	accounts, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return nil, nil, fmt.Errorf("sync: %w", err)
	}
	if len(accounts) == 0 && a.account == "" {
		fmt.Fprintln(stdout, "No account is configured: syncing the built-in sandbox marketplace instead.")
		return sandboxTarget(ctx, a, stdout)
	}
	if a.account != "" {
		acc, err := config.FindAccount(accounts, a.account)
		if err != nil {
			return nil, nil, fmt.Errorf("sync: %w (configured in %s)", err, paths.AccountsFile())
		}
		accounts = []config.Account{acc}
	}
	if a.cache != "" && len(accounts) != 1 {
		return nil, nil, errors.New("sync: --cache needs exactly one account (use --account)")
	}
	targets := make([]syncTarget, 0, len(accounts))
	for _, acc := range accounts {
		t, err := configuredTarget(paths, acc, a.cache)
		if err != nil {
			return nil, nil, err
		}
		targets = append(targets, t)
	}
	return targets, func() {}, nil
}

// configuredTarget builds the target of a configured account; its AK/SK
// come from the keyring or the SDK environment variables.
func configuredTarget(paths config.Paths, acc config.Account, cache string) (syncTarget, error) {
	cred, err := credentials.Lookup(acc.Name)
	if err != nil {
		return syncTarget{}, fmt.Errorf("sync %s: %w", acc.Name, err)
	}
	if cache == "" {
		dir, err := paths.AccountDataDir(acc.Name)
		if err != nil {
			return syncTarget{}, fmt.Errorf("sync %s: %w", acc.Name, err)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return syncTarget{}, fmt.Errorf("sync %s: %w", acc.Name, err)
		}
		cache = filepath.Join(dir, config.CacheFileName)
	}
	return syncTarget{name: acc.Name, client: syncer.OptionsFor(acc, cred.AK, cred.SK), cache: cache}, nil
}

// sandboxTarget starts the in-process sandbox and picks one of its accounts.
func sandboxTarget(ctx context.Context, a syncArgs, stdout io.Writer) ([]syncTarget, func(), error) {
	sctx, cancel := context.WithCancel(ctx)
	srv, err := sandbox.Start(sctx, sandbox.Options{Seed: 1})
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("sync: %w", err)
	}
	cleanups := []func(){func() { cancel(); _ = srv.Close() }}
	cleanup := func() {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
	}
	cred, err := pickSandboxAccount(srv.Accounts(), a.account)
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	cache := a.cache
	if cache == "" {
		dir, err := os.MkdirTemp("", "merchant-console-sandbox-*")
		if err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("sync: %w", err)
		}
		cleanups = append(cleanups, func() { _ = os.RemoveAll(dir) })
		cache = filepath.Join(dir, config.CacheFileName)
	}
	fmt.Fprintf(stdout, "Sandbox marketplace at %s, account %s (%s), cache %s\n", srv.URL(), cred.ID, cred.Name, cache)
	return []syncTarget{{
		name: config.SandboxAccountName(cred.ID), cache: cache, remote: cred.ID,
		client: syncer.Options{BaseURL: srv.URL(), Signer: apig.Signer{AK: cred.AK, SK: cred.SK}},
	}}, cleanup, nil
}

func pickSandboxAccount(accts []sandbox.AccountCred, want string) (sandbox.AccountCred, error) {
	if want == "" {
		want = sandbox.AccountMain
	}
	for _, c := range accts {
		if c.ID == want || c.Name == want {
			return c, nil
		}
	}
	return sandbox.AccountCred{}, fmt.Errorf("sync: the sandbox has no account %q", want)
}

// openTarget opens the target's cache and builds its engine.
func openTarget(t syncTarget, opts syncer.EngineOptions) (*syncer.Engine, *localstore.Store, error) {
	store, err := localstore.Open(t.cache, t.name, localstore.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("sync %s: %w", t.name, err)
	}
	client, err := syncer.NewClient(t.client)
	if err != nil {
		store.Close()
		return nil, nil, fmt.Errorf("sync %s: %w", t.name, err)
	}
	opts.Client, opts.Store, opts.RemoteAccount = client, store, t.remote
	eng, err := syncer.NewEngine(opts)
	if err != nil {
		store.Close()
		return nil, nil, err
	}
	return eng, store, nil
}

// syncOnce syncs every target one after the other and prints summaries.
func syncOnce(ctx context.Context, targets []syncTarget, stdout io.Writer) error {
	var errs []error
	for _, t := range targets {
		p := &progressPrinter{w: stdout}
		eng, store, err := openTarget(t, syncer.EngineOptions{OnProgress: p.print})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sum, err := eng.Sync(ctx)
		printSummary(stdout, sum, err)
		store.Close()
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// syncForever runs a scheduler per target until ctx ends.
func syncForever(ctx context.Context, targets []syncTarget, stdout io.Writer) error {
	m := syncer.NewManager(ctx)
	var out sync.Mutex // schedulers print from their own goroutines
	var stores []*localstore.Store
	defer func() {
		m.Close()
		for _, s := range stores {
			s.Close()
		}
	}()
	for _, t := range targets {
		p := &progressPrinter{w: stdout, mu: &out}
		eng, store, err := openTarget(t, syncer.EngineOptions{OnProgress: p.print})
		if err != nil {
			return err
		}
		stores = append(stores, store)
		sched := syncer.NewScheduler(eng, syncer.SchedulerOptions{
			OnState: func(st syncer.State) { out.Lock(); printState(stdout, st); out.Unlock() },
			OnSync:  func(s syncer.Summary, err error) { out.Lock(); printSummary(stdout, s, err); out.Unlock() },
		})
		if err := m.Add(sched); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, "Syncing until Ctrl-C.")
	<-ctx.Done()
	return nil
}

// progressPrinter prints a resource's progress at most every tenth of the
// way, so a 100k-record first sync prints a dozen lines, not two hundred.
type progressPrinter struct {
	w    io.Writer
	mu   *sync.Mutex
	res  domain.Resource
	step int
}

func (p *progressPrinter) print(pr syncer.Progress) {
	if p.mu != nil {
		p.mu.Lock()
		defer p.mu.Unlock()
	}
	if pr.Resource != p.res {
		p.res, p.step = pr.Resource, 0
	}
	pct := pr.Percent()
	if pct < 0 || pr.Done {
		if pr.Done && pr.Records > 0 {
			fmt.Fprintf(p.w, "  %-14s %d records\n", pr.Resource, pr.Records)
		}
		return
	}
	if step := int(pct / 10); step > p.step {
		p.step = step
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
	fmt.Fprintf(w, "  outbox: %d sent, %d done, %d rejected, %d left\n", s.Push.Sent, s.Push.Done, s.Push.Rejected, s.Push.Left)
	if err != nil {
		fmt.Fprintf(w, "  error: %v\n", err)
	}
}
