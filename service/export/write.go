package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
)

// Request is one report to write from an account's cache.
type Request struct {
	Kind domain.Resource
	// From and To are the first and the last day (inclusive) of the
	// period, read as dates in Location; zero leaves that end open.
	From, To time.Time
	Statuses []string // marketplace values; empty: every status
	// IDs, when given, narrow the export to exactly these records (a
	// selection in a list); the other filters still apply.
	IDs    []string
	Format reports.Format
	Lang   reports.Lang
	// Location is the time zone of the period and of every date in the
	// report; nil is LocalZone().
	Location *time.Location
	// Out is the file to write, or a directory to write a named file in;
	// "" is the exports directory under the data directory.
	Out string
	// Progress hears rows written out of the total.
	Progress func(rows, total int)
}

// Dir is where exports go when the request names no file: exports under
// the data directory.
func Dir(p config.Paths) string { return filepath.Join(p.Data, "exports") }

// Write is every export's one path: the window's, the command line's and
// the tests'. It writes req's report from store (the cache of the account
// labelled label) into dir when req names no file; now names the file and
// dates the summary sheet, which says which filter and time zone it used.
func Write(ctx context.Context, store *localstore.Store, label, dir string, now time.Time, req Request) (reports.Result, error) {
	kind, err := kindOf(req.Kind)
	if err != nil {
		return reports.Result{}, fmt.Errorf("export: %w", err)
	}
	if req.Location == nil {
		req.Location = LocalZone()
	}
	if req.Format == "" {
		req.Format = reports.FormatXLSX
	}
	cq, err := req.query()
	if err != nil {
		return reports.Result{}, err
	}
	q := newSelection(cq, req.IDs)
	out, err := outputPath(req.Out, dir, store.Account(), req.Kind, req.Format, now)
	if err != nil {
		return reports.Result{}, err
	}
	opts := reports.Options{Lang: req.Lang, Location: req.Location, Account: label, Format: req.Format,
		Now: now, Filter: req.describe(kind), Progress: req.Progress}
	if opts.Total, err = kind.count(store, q); err != nil {
		return reports.Result{}, fmt.Errorf("export: count records: %w", err)
	}
	res, err := kind.export(ctx, store, q, out, opts)
	if err != nil {
		return res, fmt.Errorf("export %s: %w", req.Kind, err)
	}
	return res, nil
}

// query is the cache query of the request: whole days in its zone, the
// last one included.
func (r Request) query() (localstore.Query, error) {
	q := localstore.Query{Statuses: r.Statuses, Sort: localstore.SortTime}
	if !r.From.IsZero() {
		q.From = dayIn(r.From, r.Location)
	}
	if !r.To.IsZero() {
		q.To = dayIn(r.To, r.Location).AddDate(0, 0, 1) // the query's To is exclusive
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return q, fmt.Errorf("export: the first day %s is after the last day %s",
			r.From.In(r.Location).Format(time.DateOnly), r.To.In(r.Location).Format(time.DateOnly))
	}
	return q, nil
}

// dayIn is the start of t's day in loc.
func dayIn(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// describe is the filter written on the summary sheet; "" means none (the
// sheet then says all).
func (r Request) describe(kind exportKind) string {
	var parts []string
	if !r.From.IsZero() || !r.To.IsZero() {
		parts = append(parts, fmt.Sprintf("%s %s ~ %s", r.Lang.Pick(kind.timeField), r.day(r.From), r.day(r.To)))
	}
	if len(r.Statuses) > 0 {
		labels := make([]string, len(r.Statuses))
		for i, v := range r.Statuses {
			labels[i] = kind.labels.Get(r.Lang, v)
		}
		word := r.Lang.Pick(domain.Label{Zh: "状态 ", En: "status "})
		parts = append(parts, word+strings.Join(labels, ", "))
	}
	if len(r.IDs) > 0 {
		parts = append(parts, fmt.Sprintf(r.Lang.Pick(domain.Label{Zh: "选中的 %d 条", En: "%d selected"}), len(r.IDs)))
	}
	return strings.Join(parts, "; ")
}

func (r Request) day(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.In(r.Location).Format(time.DateOnly)
}

// outputPath makes the file name (account, kind, time) when out is a
// directory or empty, and makes a given file name safe.
func outputPath(out, dir, account string, kind domain.Resource, format reports.Format, now time.Time) (string, error) {
	if out == "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("export: %w", err)
		}
		out = dir
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		name := fmt.Sprintf("%s-%s-%s.%s", account, kind, now.Format("20060102-150405"), format)
		return filepath.Join(out, reports.SafeFileName(name)), nil
	}
	parent, base := filepath.Split(out)
	if base == "" {
		return "", errors.New("export: " + out + ": no such directory")
	}
	return filepath.Join(parent, reports.SafeFileName(base)), nil
}
