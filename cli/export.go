package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/service"
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
	req, err := a.request()
	if err != nil {
		return err
	}
	if a.cache != "" && a.account == "" {
		return fmt.Errorf("export: --cache needs --account (the cache checks it belongs to that account)")
	}
	cache, err := service.OpenCache(service.CacheOptions{Account: a.account, File: a.cache})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer cache.Close()
	req.Progress = progressTo(stderr)
	res, err := cache.Export(ctx, req)
	fmt.Fprintln(stderr)
	if err != nil {
		return err
	}
	if st, err := os.Stat(a.out); err != nil || !st.IsDir() {
		if given, got := filepath.Base(a.out), filepath.Base(res.Path); given != got {
			fmt.Fprintf(stderr, "export: file name %q changed to %q\n", given, got)
		}
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

// request checks the arguments and makes the service's export request.
func (a exportArgs) request() (service.ExportRequest, error) {
	kind := domain.Resource(a.kind)
	if !isExportKind(a.kind) {
		return service.ExportRequest{}, fmt.Errorf("export: unknown KIND %q: want one of %s", a.kind, strings.Join(service.ExportKinds(), ", "))
	}
	loc, err := parseZone(a.tz)
	if err != nil {
		return service.ExportRequest{}, err
	}
	format, err := formatFor(a.format, a.out)
	if err != nil {
		return service.ExportRequest{}, fmt.Errorf("export: %w", err)
	}
	req := service.ExportRequest{Kind: kind, Format: format, Lang: reports.ParseLang(a.lang), Location: loc, Out: a.out}
	if req.From, err = parseDay(a.from, loc, "--from"); err != nil {
		return req, err
	}
	if req.To, err = parseDay(a.to, loc, "--to"); err != nil {
		return req, err
	}
	if req.Statuses, err = service.ParseStatuses(kind, a.status); err != nil {
		return req, fmt.Errorf("export: %w", err)
	}
	return req, nil
}

func isExportKind(kind string) bool {
	for _, k := range service.ExportKinds() {
		if k == kind {
			return true
		}
	}
	return false
}

func parseZone(tz string) (*time.Location, error) {
	if tz == "" {
		return service.LocalZone(), nil
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

func parseDay(s string, loc *time.Location, name string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("export: %s %q: want YYYY-MM-DD", name, s)
	}
	return t, nil
}

// progressTo prints rows written at most once a second.
func progressTo(w io.Writer) func(rows, total int) {
	var last time.Time
	return func(rows, total int) {
		if time.Since(last) > time.Second || rows == total {
			last = time.Now()
			fmt.Fprintf(w, "\r%d / %d", rows, total)
		}
	}
}
