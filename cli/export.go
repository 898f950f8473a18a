package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/sandbox"
)

const exportUsage = `usage: merchant-console export KIND [--from DATE] [--to DATE] [--status S[,S...]]
       [--account NAME] [--cache PATH] [--lang zh|en] [--tz ZONE] [--format xlsx|csv] -o FILE

Writes the records of the account's local cache to an Excel workbook (or CSV)
for offline review. Works without the network. KIND is one of:
  orders, bills, transactions, tickets, alerts, supervision
DATE is YYYY-MM-DD in --tz (default: the local zone); --to is inclusive.
--status takes the marketplace value (PROCESSING) or the label (处理中).
-o may name a directory: the file name is then made from account, kind and date.
`

// exportArgs is the parsed command line.
type exportArgs struct {
	kind, from, to, status, account, cache, lang, tz, format, out string
}

// RunExport implements `merchant-console export`.
func RunExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	a, err := parseExportArgs(args, stderr)
	if err != nil {
		return err
	}
	job, err := a.job()
	if err != nil {
		return err
	}
	cachePath, account, err := a.cachePath()
	if err != nil {
		return err
	}
	store, err := openCache(cachePath, account)
	if err != nil {
		return err
	}
	defer store.Close()
	job.opts.Account = account
	job.out, err = outputPath(a.out, account, a.kind, job.opts.Format, job.opts.Now, stderr)
	if err != nil {
		return err
	}
	res, err := job.run(ctx, store, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported %d %s (%d rows) to %s\n", res.Records, a.kind, res.Rows, res.Path)
	return nil
}

func parseExportArgs(args []string, stderr io.Writer) (exportArgs, error) {
	var a exportArgs
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, exportUsage) }
	fs.StringVar(&a.from, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&a.to, "to", "", "last day (inclusive), YYYY-MM-DD")
	fs.StringVar(&a.status, "status", "", "status value(s) or label(s), comma-separated")
	fs.StringVar(&a.account, "account", "", "account name (default: the only configured account)")
	fs.StringVar(&a.cache, "cache", "", "cache file to read instead of the account's default one")
	fs.StringVar(&a.lang, "lang", "zh", "language of headers and labels: zh or en")
	fs.StringVar(&a.tz, "tz", "", "time zone of dates, e.g. Asia/Shanghai (default: local)")
	fs.StringVar(&a.format, "format", "", "xlsx or csv (default: from the -o extension, else xlsx)")
	fs.StringVar(&a.out, "o", "", "output file or directory (required)")
	// KIND may come before or after the flags.
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		a.kind, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	rest := fs.Args()
	if a.kind == "" && len(rest) > 0 {
		a.kind, rest = rest[0], rest[1:]
	}
	switch {
	case len(rest) > 0:
		return a, fmt.Errorf("export: unexpected argument %q (flags go before or after KIND, not after other words)\n%s", rest[0], exportUsage)
	case a.kind == "":
		return a, fmt.Errorf("export: KIND is required\n%s", exportUsage)
	case a.out == "":
		return a, fmt.Errorf("export: -o FILE is required\n%s", exportUsage)
	}
	return a, nil
}

// exportJob is a validated export: what to read and how to write it.
type exportJob struct {
	kind  exportKind
	query localstore.Query
	opts  reports.Options
	out   string
}

func (a exportArgs) job() (exportJob, error) {
	kind, ok := exportKinds[a.kind]
	if !ok {
		return exportJob{}, fmt.Errorf("export: unknown KIND %q: want one of %s", a.kind, strings.Join(exportKindNames(), ", "))
	}
	loc, err := parseZone(a.tz)
	if err != nil {
		return exportJob{}, err
	}
	format, err := formatFor(a.format, a.out)
	if err != nil {
		return exportJob{}, fmt.Errorf("export: %w", err)
	}
	lang := reports.ParseLang(a.lang)
	q, err := a.query(kind, loc, lang)
	if err != nil {
		return exportJob{}, err
	}
	opts := reports.Options{Lang: lang, Location: loc, Format: format, Now: time.Now(),
		Filter: a.describe(kind, lang)}
	return exportJob{kind: kind, query: q, opts: opts}, nil
}

func parseZone(tz string) (*time.Location, error) {
	if tz == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, fmt.Errorf("export: --tz %q: %w", tz, err)
	}
	return loc, nil
}

// formatFor takes --format, else the output's extension.
func formatFor(flagValue, out string) (reports.Format, error) {
	if flagValue == "" && strings.EqualFold(filepath.Ext(out), ".csv") {
		return reports.FormatCSV, nil
	}
	return reports.ParseFormat(flagValue)
}

func (a exportArgs) query(kind exportKind, loc *time.Location, lang reports.Lang) (localstore.Query, error) {
	var q localstore.Query
	var err error
	if q.From, err = parseDay(a.from, loc, "--from"); err != nil {
		return q, err
	}
	if q.To, err = parseDay(a.to, loc, "--to"); err != nil {
		return q, err
	}
	if !q.To.IsZero() {
		q.To = q.To.AddDate(0, 0, 1) // --to is inclusive; the query's To is exclusive
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return q, fmt.Errorf("export: --from %s is after --to %s", a.from, a.to)
	}
	q.Statuses, err = parseStatuses(a.status, kind.labels)
	return q, err
}

func parseDay(s string, loc *time.Location, name string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("export: %s %q: want YYYY-MM-DD", name, s)
	}
	return t, nil
}

// parseStatuses accepts marketplace values and labels in either language.
func parseStatuses(s string, labels reports.LabelMap) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		v, ok := statusValue(strings.TrimSpace(part), labels)
		if !ok {
			return nil, fmt.Errorf("export: unknown status %q: want one of %s", part, strings.Join(statusNames(labels), ", "))
		}
		out = append(out, v)
	}
	return out, nil
}

func statusValue(s string, labels reports.LabelMap) (string, bool) {
	for v, t := range labels {
		if strings.EqualFold(s, v) || s == t.ZH || strings.EqualFold(s, t.EN) {
			return v, true
		}
	}
	return "", false
}

func statusNames(labels reports.LabelMap) []string {
	var names []string
	for v, t := range labels {
		names = append(names, v+" ("+t.ZH+")")
	}
	return sortedStrings(names)
}

// describe is the filter written on the summary sheet.
func (a exportArgs) describe(kind exportKind, lang reports.Lang) string {
	var parts []string
	word := func(zh, en string) string { return reports.Text{ZH: zh, EN: en}.In(lang) }
	if a.from != "" || a.to != "" {
		parts = append(parts, fmt.Sprintf("%s %s ~ %s", kind.timeField.In(lang), orDash(a.from), orDash(a.to)))
	}
	if a.status != "" {
		parts = append(parts, word("状态 ", "status ")+a.status)
	}
	return strings.Join(parts, "; ")
}

func orDash(s string) string {
	if s == "" {
		return "…"
	}
	return s
}

// cachePath finds the cache file and the account it belongs to.
func (a exportArgs) cachePath() (string, string, error) {
	if a.cache != "" {
		if a.account == "" {
			return "", "", errors.New("export: --cache needs --account (the cache checks it belongs to that account)")
		}
		return a.cache, a.account, nil
	}
	paths, err := config.DefaultPaths()
	if err != nil {
		return "", "", fmt.Errorf("export: %w", err)
	}
	account, err := pickAccount(paths, a.account)
	if err != nil {
		return "", "", err
	}
	dir, err := paths.AccountDataDir(account)
	if err != nil {
		return "", "", fmt.Errorf("export: %w", err)
	}
	return filepath.Join(dir, config.CacheFileName), account, nil
}

// pickAccount checks --account against the configured accounts, or picks
// the only one.
func pickAccount(paths config.Paths, name string) (string, error) {
	accounts, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	if name != "" {
		acc, err := config.FindAccount(accounts, name)
		switch {
		case err == nil:
			return acc.Name, nil
		case config.IsSandboxAccount(name):
			return name, nil // a sandbox cache the window wrote; openCache says so if there is none
		}
		return "", fmt.Errorf("export: %w", err)
	}
	if len(accounts) == 0 {
		// with no account the window runs on the sandbox: export what it shows
		return config.SandboxAccountName(sandbox.AccountMain), nil
	}
	if len(accounts) != 1 {
		return "", fmt.Errorf("export: %d accounts are configured: choose one with --account", len(accounts))
	}
	return accounts[0].Name, nil
}

// openCache opens an existing cache; a missing one means "sync first", not
// an empty export.
func openCache(path, account string) (*localstore.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("export: no local cache for account %q at %s (sync the account first): %w", account, path, err)
	}
	s, err := localstore.Open(path, account, localstore.Options{})
	if err != nil {
		return nil, fmt.Errorf("export: open cache %s: %w", path, err)
	}
	return s, nil
}

// outputPath sanitises the file name the user gave, or makes one when -o is
// a directory.
func outputPath(out, account, kind string, format reports.Format, now time.Time, stderr io.Writer) (string, error) {
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		name := fmt.Sprintf("%s-%s-%s.%s", account, kind, now.Format("20060102-150405"), format)
		return filepath.Join(out, reports.SafeFileName(name)), nil
	}
	dir, base := filepath.Split(out)
	if base == "" {
		return "", fmt.Errorf("export: -o %s: no such directory", out)
	}
	safe := reports.SafeFileName(base)
	if safe != base {
		fmt.Fprintf(stderr, "export: file name %q changed to %q\n", base, safe)
	}
	return filepath.Join(dir, safe), nil
}

// run streams the records out of the cache into the export, printing
// progress to stderr.
func (j exportJob) run(ctx context.Context, s *localstore.Store, stderr io.Writer) (reports.Result, error) {
	total, err := j.kind.count(s, j.query)
	if err != nil {
		return reports.Result{}, fmt.Errorf("export: count records: %w", err)
	}
	j.opts.Total = total
	last := time.Time{}
	j.opts.Progress = func(rows, total int) {
		if time.Since(last) > time.Second || rows == total {
			last = time.Now()
			fmt.Fprintf(stderr, "\r%d / %d", rows, total)
		}
	}
	res, err := j.kind.export(ctx, s, j.query, j.out, j.opts)
	fmt.Fprintln(stderr)
	return res, err
}

// exportKind binds a KIND to its record type.
type exportKind struct {
	labels    reports.LabelMap
	timeField reports.Text
	count     func(s *localstore.Store, q localstore.Query) (int, error)
	export    func(ctx context.Context, s *localstore.Store, q localstore.Query, out string, o reports.Options) (reports.Result, error)
}

func countOf[T domain.Record](s *localstore.Store, q localstore.Query) (int, error) {
	q.Limit = 1
	_, n, err := localstore.List[T](s, q)
	return n, err
}

// scanOf streams the records of q out of the cache.
func scanOf[T domain.Record](s *localstore.Store, q localstore.Query) iter.Seq2[T, error] {
	return reports.FromScan(func(fn func(T) error) error { return localstore.Scan(s, q, fn) })
}

// single adapts a one-iterator export function to an exportKind.
func single[T domain.Record](labels reports.LabelMap, field reports.Text,
	fn func(context.Context, string, iter.Seq2[T, error], reports.Options) (reports.Result, error)) exportKind {
	return exportKind{labels: labels, timeField: field, count: countOf[T],
		export: func(ctx context.Context, s *localstore.Store, q localstore.Query, out string, o reports.Options) (reports.Result, error) {
			return fn(ctx, out, scanOf[T](s, q), o)
		}}
}

var exportKinds = map[string]exportKind{
	"orders":       single(reports.OrderStatusLabels, reports.Text{ZH: "创建时间", EN: "created"}, reports.ExportOrders),
	"transactions": single(reports.TransactionStatusLabels, reports.Text{ZH: "交易时间", EN: "trade time"}, reports.ExportTransactions),
	"tickets":      single(reports.TicketStatusLabels, reports.Text{ZH: "创建时间", EN: "created"}, reports.ExportTickets),
	"alerts":       single(reports.AlertStateLabels, reports.Text{ZH: "首次失败时间", EN: "first failure"}, reports.ExportAlerts),
	"supervision":  single(reports.NodeLabels, reports.Text{ZH: "创建时间", EN: "created"}, reports.ExportSupervision),
	"bills": {labels: reports.BillStatusLabels, timeField: reports.Text{ZH: "账单生成时间", EN: "generated"},
		count: countOf[domain.Bill], export: exportBills},
}

// exportBills reconciles the selected bills against every cached
// transaction detail; the report keeps only those billed to these bills.
func exportBills(ctx context.Context, s *localstore.Store, q localstore.Query, out string, o reports.Options) (reports.Result, error) {
	txs := scanOf[domain.TransactionDetail](s, localstore.Query{})
	return reports.ExportBills(ctx, out, scanOf[domain.Bill](s, q), txs, o)
}

func exportKindNames() []string {
	var names []string
	for k := range exportKinds {
		names = append(names, k)
	}
	return sortedStrings(names)
}

func sortedStrings(s []string) []string {
	slices.Sort(s)
	return s
}
