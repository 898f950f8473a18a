package export

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
)

// exportKind binds an exportable resource to its record type: its status
// labels, the time its period filters on, and the report that writes it.
type exportKind struct {
	labels    reports.LabelMap
	timeField domain.Label
	count     func(s *localstore.Store, q selection) (int, error)
	export    func(ctx context.Context, s *localstore.Store, q selection, out string, o reports.Options) (reports.Result, error)
}

var exportKinds = map[domain.Resource]exportKind{
	domain.ResOrders:       single(reports.OrderStatusLabels, domain.KindOf(domain.ResOrders).TimeLabel, reports.ExportOrders),
	domain.ResTransactions: single(reports.TransactionStatusLabels, domain.KindOf(domain.ResTransactions).TimeLabel, reports.ExportTransactions),
	domain.ResTickets:      single(reports.TicketStatusLabels, domain.KindOf(domain.ResTickets).TimeLabel, reports.ExportTickets),
	domain.ResAlerts:       single(reports.AlertStateLabels, domain.KindOf(domain.ResAlerts).TimeLabel, reports.ExportAlerts),
	domain.ResSupervision:  single(reports.NodeLabels, domain.KindOf(domain.ResSupervision).TimeLabel, reports.ExportSupervision),
	domain.ResBills: {labels: reports.BillStatusLabels, timeField: domain.KindOf(domain.ResBills).TimeLabel,
		count: countOf[domain.Bill], export: exportBills},
}

func kindOf(res domain.Resource) (exportKind, error) {
	k, ok := exportKinds[res]
	if !ok {
		return k, fmt.Errorf("cannot export %q: want one of %s", res, strings.Join(Kinds(), ", "))
	}
	return k, nil
}

// Kinds names the exportable resources, sorted.
func Kinds() []string {
	var names []string
	for k := range exportKinds {
		names = append(names, string(k))
	}
	slices.Sort(names)
	return names
}

// ParseStatuses reads comma-separated statuses of a kind: marketplace
// values (PROCESSING) or labels in either language (处理中, Processing).
func ParseStatuses(res domain.Resource, s string) ([]string, error) {
	k, err := kindOf(res)
	if err != nil || s == "" {
		return nil, err
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		v, ok := statusValue(strings.TrimSpace(part), k.labels)
		if !ok {
			return nil, fmt.Errorf("unknown status %q: want one of %s", part, strings.Join(statusNames(k.labels), ", "))
		}
		out = append(out, v)
	}
	return out, nil
}

func statusValue(s string, labels reports.LabelMap) (string, bool) {
	for v, t := range labels {
		if strings.EqualFold(s, v) || s == t.Zh || strings.EqualFold(s, t.En) {
			return v, true
		}
	}
	return "", false
}

func statusNames(labels reports.LabelMap) []string {
	var names []string
	for v, t := range labels {
		names = append(names, v+" ("+t.Zh+")")
	}
	slices.Sort(names)
	return names
}

func countOf[T domain.Record](s *localstore.Store, q selection) (int, error) {
	if q.ids != nil {
		return countPicked[T](s, q)
	}
	q.Limit = 1 // the total only: one id, no record decoded
	_, n, err := localstore.List[T](s, q.Query)
	return n, err
}

// scanOf streams the records of q out of the cache.
func scanOf[T domain.Record](s *localstore.Store, q selection) iter.Seq2[T, error] {
	return reports.FromScan(func(fn func(T) error) error { return localstore.Scan(s, q.Query, picked(q, fn)) })
}

// single adapts a one-iterator report to an exportKind.
func single[T domain.Record](labels reports.LabelMap, field domain.Label,
	fn func(context.Context, string, iter.Seq2[T, error], reports.Options) (reports.Result, error)) exportKind {
	return exportKind{labels: labels, timeField: field, count: countOf[T],
		export: func(ctx context.Context, s *localstore.Store, q selection, out string, o reports.Options) (reports.Result, error) {
			return fn(ctx, out, scanOf[T](s, q), o)
		}}
}

// exportBills reconciles the selected bills against every cached
// transaction detail; the report keeps only those billed to these bills.
func exportBills(ctx context.Context, s *localstore.Store, q selection, out string, o reports.Options) (reports.Result, error) {
	txs := scanOf[domain.TransactionDetail](s, selection{})
	return reports.ExportBills(ctx, out, scanOf[domain.Bill](s, q), txs, o)
}
