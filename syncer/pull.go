package syncer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
)

// resourceError is one resource's failure, named for the person.
type resourceError struct {
	res domain.Resource
	err error
}

// Error implements error.
func (e *resourceError) Error() string {
	var pe *PagingError
	if errors.As(e.err, &pe) {
		return pe.Error() // already names its resource
	}
	return fmt.Sprintf("sync %s: %v", e.res, e.err)
}

// Unwrap gives errors.Is and errors.As the cause.
func (e *resourceError) Unwrap() error { return e.err }

// prefetchPages is how many fetched pages may wait for the store. Pages of
// one resource go to the store together: at least minBatchRecords of them
// and minBatchBytes of replies (waiting for more while the resource has
// more to come), at most maxBatchRecords or maxBatchBytes (inflight.go).
// maxPagesPerPull is the last of the bounds on a server that keeps saying
// "more" with new cursors (see pagingBound).
//
// Larger transactions are much cheaper per record on a first sync: every
// commit rewrites each index page it touched and fsyncs. Measured on the
// benchmark world, store CPU per sync fell from 4.9 s (4 pages of 1000 per
// transaction) to 3.6 s (8) and 2.9 s (16); below, the store was fast
// enough that batches of "whatever is waiting" averaged under 4 pages.
const (
	prefetchPages   = 32
	minBatchRecords = 24000
	maxBatchRecords = 32000
	maxPagesPerPull = 100000
)

// Pull fetches the changes of the given resources (all when none are named)
// without pushing the outbox.
func (e *Engine) Pull(ctx context.Context, resources ...domain.Resource) ([]ResourceSummary, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.pull(ctx, resources)
}

// fetched is one page on its way from the network to the store.
type fetched struct {
	res     domain.Resource
	page    Page
	err     error
	started time.Time // when its resource's first request left
	units   int       // its share of the pull's inflight budget
}

// pull runs the fetcher and the store side by side: while pages are
// written, the next ones are being fetched and decoded. Pages of one
// resource that are already waiting are written together in one
// transaction with the last one's cursor: a bbolt commit rewrites every
// index page it touched, so on a first sync fewer, larger commits cost far
// less (measured: about half the store time). A crash at any moment leaves
// data and cursor consistent; a failure keeps everything stored before it.
func (e *Engine) pull(ctx context.Context, resources []domain.Resource) ([]ResourceSummary, error) {
	if len(resources) == 0 {
		resources = domain.AllResources
	}
	owner, err := e.owner(ctx)
	if err != nil {
		return nil, err
	}
	if resources, err = e.servedOnly(ctx, resources); err != nil || len(resources) == 0 {
		return nil, err
	}
	fctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan fetched, prefetchPages)
	budget := newInflight()
	go e.fetchAll(fctx, resources, owner, ch, budget)
	q := &pageQueue{ch: ch}
	tally := newTally(resources)
	var failed []error // of single resources; the others went on
	for {
		batch, err := q.batch()
		if err == nil && batch == nil {
			return tally.list(), errors.Join(failed...)
		}
		if err == nil {
			err = e.store(batch, tally)
			for _, f := range batch {
				budget.give(f.units)
			}
		} else if resourceOnly(err) {
			tally.fail(err)
			failed = append(failed, err)
			continue
		}
		if err != nil {
			cancel()
			for range ch { // let the fetcher finish and close
			}
			return tally.list(), errors.Join(append(failed, err)...)
		}
	}
}

// pageQueue hands fetched pages out in batches, with one page of look-ahead.
type pageQueue struct {
	ch   <-chan fetched
	held *fetched
}

func (q *pageQueue) next(wait bool) (fetched, bool) {
	if f := q.held; f != nil {
		q.held = nil
		return *f, true
	}
	if wait {
		f, ok := <-q.ch
		return f, ok
	}
	select {
	case f, ok := <-q.ch:
		return f, ok
	default:
		return fetched{}, false
	}
}

// batch waits for a page, then adds the following pages of the same
// resource: waiting for them while the batch is under minBatchRecords and
// minBatchBytes and the resource has more to come, then taking those
// already waiting up to maxBatchRecords or maxBatchBytes. It returns nil,
// nil when the fetcher is done.
func (q *pageQueue) batch() ([]fetched, error) {
	f, ok := q.next(true)
	switch {
	case !ok:
		return nil, nil
	case f.err != nil:
		return nil, &resourceError{res: f.res, err: f.err}
	}
	batch, n, units := []fetched{f}, f.size(), f.units
	for n < maxBatchRecords && units*inflightUnit < maxBatchBytes && batch[len(batch)-1].page.HasMore {
		// counted in budget units, not bytes: a batch that waits holds
		// under minBatchBytes of the budget, so the fetcher can go on
		g, ok := q.next(n < minBatchRecords && units*inflightUnit < minBatchBytes)
		if !ok {
			break
		}
		if g.err != nil || g.res != f.res {
			q.held = &g
			break
		}
		batch, n, units = append(batch, g), n+g.size(), units+g.units
	}
	return batch, nil
}

func (f fetched) size() int { return len(f.page.Items) + len(f.page.Removed) }

// store writes a batch of one resource's pages in one transaction, as one
// page: items in order, then removals, then the last cursor. The version
// rule makes this the same as applying the pages one by one.
func (e *Engine) store(batch []fetched, t *tally) error {
	last := batch[len(batch)-1]
	p := localstore.Page{Resource: last.res, Cursor: last.page.NextCursor}
	if len(batch) == 1 {
		p.Items, p.Removed = last.page.Items, last.page.Removed
	} else {
		for _, f := range batch {
			p.Items = append(p.Items, f.page.Items...)
			p.Removed = append(p.Removed, f.page.Removed...)
		}
	}
	for _, f := range batch {
		p.SetAside = append(p.SetAside, f.page.SetAside...)
	}
	applied, err := e.opts.Store.ApplyPageReport(p)
	if err != nil {
		return fmt.Errorf("sync %s: storing a page: %w", last.res, err)
	}
	s := t.count(batch, applied.Changes)
	s.SetAside = append(s.SetAside, applied.SetAside...)
	e.emit(applied.Changes)
	e.progress(Progress{Account: e.Account(), Resource: last.res, Records: s.Received, Total: last.page.Total, Done: !last.page.HasMore})
	return nil
}

// fetchAll pages through each resource from its stored cursor and hands
// the pages over in order; it closes ch when done. A failure of one
// resource's replies (see resourceOnly) is handed over and the next
// resource goes on; any other failure ends the fetching.
func (e *Engine) fetchAll(ctx context.Context, resources []domain.Resource, owner Owner, ch chan<- fetched, budget *inflight) {
	defer close(ch)
	for _, res := range resources {
		ok, err := e.fetchResource(ctx, res, owner, ch, budget)
		if !ok {
			return
		}
		if err != nil && (!send(ctx, ch, fetched{res: res, err: err}) || !resourceOnly(err)) {
			return
		}
	}
}

// fetchResource pages through one resource, each page waiting for its
// share of the budget; ok is false when ctx ended.
func (e *Engine) fetchResource(ctx context.Context, res domain.Resource, owner Owner, ch chan<- fetched, budget *inflight) (ok bool, err error) {
	started := time.Now()
	bound := newPagingBound(res, e.opts.Client.opts.PageSize, e.opts.MaxPullTime, e.opts.Now)
	cursor, err := e.opts.Store.Cursor(res)
	for err == nil {
		var page Page
		if page, err = e.fetch(ctx, res, cursor, owner); err != nil {
			break
		}
		units := budget.units(page.Bytes)
		if !budget.take(ctx, units) || !send(ctx, ch, fetched{res: res, page: page, started: started, units: units}) {
			return false, nil
		}
		if !page.HasMore {
			return true, nil
		}
		if page.NextCursor == cursor {
			return true, &ContractError{What: string(res) + " changes page",
				Err: fmt.Errorf("the server repeated cursor %q with more to come", localstore.Quote(cursor))}
		}
		cursor = page.NextCursor
		err = bound.after(page)
	}
	return true, err
}

func send(ctx context.Context, ch chan<- fetched, f fetched) bool {
	select {
	case ch <- f:
		return true
	case <-ctx.Done():
		return false
	}
}

// fetch gets one page; a cursor the server no longer knows (MKT.0101)
// starts the resource over from the beginning, which the version rule makes
// safe.
func (e *Engine) fetch(ctx context.Context, res domain.Resource, cursor string, owner Owner) (Page, error) {
	page, err := e.opts.Client.Changes(ctx, res, cursor, owner)
	var me *marketapi.Error
	if cursor != "" && errors.As(err, &me) && me.Code == marketapi.CodeBadValue {
		return e.opts.Client.Changes(ctx, res, "", owner)
	}
	return page, err
}

// tally keeps the per-resource summaries of one pull, in request order.
type tally struct {
	order []domain.Resource
	by    map[domain.Resource]*ResourceSummary
}

func newTally(resources []domain.Resource) *tally {
	t := &tally{by: map[domain.Resource]*ResourceSummary{}}
	for _, r := range resources {
		if _, dup := t.by[r]; !dup {
			t.order = append(t.order, r)
			t.by[r] = &ResourceSummary{Resource: r}
		}
	}
	return t
}

// count adds stored pages of one resource and their changes to its summary.
func (t *tally) count(batch []fetched, changes []domain.Change) *ResourceSummary {
	s := t.by[batch[0].res]
	for _, f := range batch {
		s.Pages++
		s.Received += f.size()
		if f.page.Total > 0 {
			s.Total = f.page.Total
		}
		s.Took = time.Since(f.started)
	}
	for _, c := range changes {
		switch c.Kind {
		case domain.ChangeNew:
			s.New++
		case domain.ChangeUpdated:
			s.Changed++
		case domain.ChangeRemoved:
			s.Removed++
		}
	}
	return s
}

// fail records a resource's failure in its summary.
func (t *tally) fail(err error) {
	var re *resourceError
	if errors.As(err, &re) {
		if s := t.by[re.res]; s != nil {
			s.Err = re
		}
	}
}

// list returns the summaries of the resources that got at least a page or failed.
func (t *tally) list() []ResourceSummary {
	out := make([]ResourceSummary, 0, len(t.order))
	for _, r := range t.order {
		if s := t.by[r]; s.Pages > 0 || s.Err != nil {
			out = append(out, *s)
		}
	}
	return out
}
