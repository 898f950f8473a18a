package app

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
)

// exportFunc writes one report for the Exports screen: the records of the
// request's kind, period and statuses, streamed out of the account's cache.
type exportFunc func(ctx context.Context, s *localstore.Store, q localstore.Query, out string, o reports.Options) (reports.Result, error)

func scanOf[T domain.Record](s *localstore.Store, q localstore.Query) iter.Seq2[T, error] {
	return reports.FromScan(func(fn func(T) error) error { return localstore.Scan(s, q, fn) })
}

// exportOf adapts one of the reports' Export functions to a cache query.
func exportOf[T domain.Record](run func(context.Context, string, iter.Seq2[T, error], reports.Options) (reports.Result, error)) exportFunc {
	return func(ctx context.Context, s *localstore.Store, q localstore.Query, out string, o reports.Options) (reports.Result, error) {
		return run(ctx, out, scanOf[T](s, q), o)
	}
}

func exporterFor(kind domain.Resource) (exportFunc, error) {
	switch kind {
	case domain.ResOrders:
		return exportOf(reports.ExportOrders), nil
	case domain.ResTickets:
		return exportOf(reports.ExportTickets), nil
	case domain.ResAlerts:
		return exportOf(reports.ExportAlerts), nil
	case domain.ResSupervision:
		return exportOf(reports.ExportSupervision), nil
	case domain.ResTransactions:
		return exportOf(reports.ExportTransactions), nil
	case domain.ResBills:
		return func(ctx context.Context, s *localstore.Store, q localstore.Query, out string, o reports.Options) (reports.Result, error) {
			// every cached transaction: the report keeps those billed to these bills
			txs := scanOf[domain.TransactionDetail](s, localstore.Query{})
			return reports.ExportBills(ctx, out, scanOf[domain.Bill](s, q), txs, o)
		}, nil
	}
	return nil, fmt.Errorf("cannot export %q", kind)
}

// export runs a request for one account into <data>/exports.
func (rt *runtime) export(ctx context.Context, accountID string, req uibackend.ExportRequest, progress func(float64)) (string, error) {
	acc := rt.account(accountID)
	if acc == nil || acc.store == nil {
		return "", fmt.Errorf("export: account %q is not open", accountID)
	}
	run, err := exporterFor(req.Kind)
	if err != nil {
		return "", err
	}
	format, err := reports.ParseFormat(req.Format)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(rt.paths.Data, "exports")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	now := rt.now()
	name := fmt.Sprintf("%s-%s-%s.%s", accountID, req.Kind, now.Format("20060102-150405"), format)
	out := filepath.Join(dir, reports.SafeFileName(name))
	q := localstore.Query{Statuses: req.Statuses, From: req.From, Sort: localstore.SortTime}
	if !req.To.IsZero() {
		q.To = req.To.AddDate(0, 0, 1) // To is the last day, inclusive
	}
	opts := reports.Options{Lang: reports.ParseLang(req.Language), Account: acc.info.Label,
		Format: format, Now: now, Progress: func(rows, total int) {
			if progress != nil && total > 0 {
				progress(float64(rows) / float64(total))
			}
		}}
	if opts.Total, err = countOf(acc.store, req.Kind, q); err != nil {
		return "", err
	}
	res, err := run(ctx, acc.store, q, out, opts)
	if err != nil {
		return "", fmt.Errorf("export %s: %w", req.Kind, err)
	}
	return res.Path, nil
}

// countOf counts matches for the progress bar (one id, no record decoded).
func countOf(s *localstore.Store, kind domain.Resource, q localstore.Query) (int, error) {
	q.Limit = 1
	var n int
	var err error
	switch kind {
	case domain.ResOrders:
		_, n, err = localstore.List[domain.Order](s, q)
	case domain.ResTickets:
		_, n, err = localstore.List[domain.Ticket](s, q)
	case domain.ResAlerts:
		_, n, err = localstore.List[domain.InterfaceAlert](s, q)
	case domain.ResSupervision:
		_, n, err = localstore.List[domain.SupervisionTask](s, q)
	case domain.ResTransactions:
		_, n, err = localstore.List[domain.TransactionDetail](s, q)
	case domain.ResBills:
		_, n, err = localstore.List[domain.Bill](s, q)
	}
	return n, err
}
