package widgets

import (
	"sync"

	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/localstore"
)

// tablePage is PageSize rows, formatted once on the loader goroutine.
type tablePage[T any] struct {
	gen   uint64 // the query generation it was loaded for
	items []T
	rows  [][]string
	imp   []widget.Importance
}

// loadResult is one finished fetch, handed to Fyne's goroutine.
type loadResult struct {
	gen   uint64
	page  int
	total int
	err   error
	data  any // *tablePage[T]; any keeps loadResult non-generic
}

// pager holds the loaded pages and the loader's queue. Its mutex guards
// everything because Fyne's test driver runs fyne.Do callbacks on the
// calling goroutine; in the real app only two goroutines ever touch it.
type pager[T any] struct {
	mu      sync.Mutex
	fetch   Fetcher[T]
	format  func([]T) ([][]string, []widget.Importance)
	q       localstore.Query
	gen     uint64
	total   int
	known   bool // total came back for the current generation
	pages   map[int]*tablePage[T]
	queued  map[int]bool
	queue   []int // wanted pages, newest last: served first
	recent  int   // page most recently drawn, for eviction
	wake    chan struct{}
	done    chan struct{}
	stopped bool
	held    bool // the table is redrawing: queue requests, wake the loader after
}

func (p *pager[T]) init(fetch Fetcher[T], format func([]T) ([][]string, []widget.Importance)) {
	p.fetch, p.format = fetch, format
	p.pages = map[int]*tablePage[T]{}
	p.queued = map[int]bool{}
	p.wake = make(chan struct{}, 1)
	p.done = make(chan struct{})
}

func (p *pager[T]) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.stopped {
		p.stopped = true
		close(p.done)
	}
}

// reset starts a new generation; the caller then wants page 0, which also
// brings the total, once it is done with the widgets. keep leaves the old pages on screen until
// fresh ones replace them (a reload after sync); otherwise they go at once.
func (p *pager[T]) reset(q localstore.Query, keep bool) {
	p.mu.Lock()
	p.q, p.gen = q, p.gen+1
	p.queued, p.queue = map[int]bool{}, p.queue[:0]
	if !keep {
		p.pages, p.known = map[int]*tablePage[T]{}, false
	}
	p.mu.Unlock()
}

func (p *pager[T]) isStopped() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopped
}

func (p *pager[T]) size() (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.total, p.known
}

// cell is what UpdateCell draws; a missing or stale page is requested.
func (p *pager[T]) cell(row, col int) (string, widget.Importance) {
	page := row / PageSize
	p.mu.Lock()
	pg := p.pages[page]
	p.recent = page
	stale := pg == nil || pg.gen != p.gen
	p.mu.Unlock()
	if stale {
		p.want(page)
	}
	i := row - page*PageSize
	if pg == nil || i >= len(pg.rows) || col >= len(pg.rows[i]) {
		return "", widget.MediumImportance
	}
	return pg.rows[i][col], pg.imp[i]
}

func (p *pager[T]) row(row int) (item T, texts []string, ok bool) {
	page := row / PageSize
	p.mu.Lock()
	defer p.mu.Unlock()
	pg := p.pages[page]
	i := row - page*PageSize
	if pg == nil || i < 0 || i >= len(pg.items) {
		return item, nil, false
	}
	return pg.items[i], pg.rows[i], true
}

// want queues a page for the loader unless it is already queued.
func (p *pager[T]) want(page int) {
	p.mu.Lock()
	if p.queued[page] || p.stopped {
		p.mu.Unlock()
		return
	}
	p.queued[page] = true
	p.queue = append(p.queue, page)
	held := p.held
	p.mu.Unlock()
	if !held {
		p.wakeLoader()
	}
}

// hold queues wanted pages without waking the loader until release. The
// table holds while it redraws so a result never lands mid-redraw (Fyne's
// test driver runs fyne.Do callbacks on the loader's own goroutine).
func (p *pager[T]) hold() {
	p.mu.Lock()
	p.held = true
	p.mu.Unlock()
}

// release wakes the loader for whatever was queued while held.
func (p *pager[T]) release() {
	p.mu.Lock()
	p.held = false
	p.mu.Unlock()
	p.wakeLoader()
}

func (p *pager[T]) wakeLoader() {
	select {
	case p.wake <- struct{}{}:
	default: // the loader is already awake
	}
}

// next pops the newest wanted page with the query it must run under.
func (p *pager[T]) next() (page int, gen uint64, q localstore.Query, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.queue) == 0 || p.held {
		return 0, 0, q, false
	}
	page = p.queue[len(p.queue)-1]
	p.queue = p.queue[:len(p.queue)-1]
	return page, p.gen, p.q, true
}

// loop is the loader goroutine: fetch, format, hand over with fyne.Do.
func (p *pager[T]) loop(apply func(loadResult), do func(func())) {
	for {
		select {
		case <-p.done:
			return
		case <-p.wake:
		}
		for {
			page, gen, q, ok := p.next()
			if !ok {
				break
			}
			res := p.load(page, gen, q)
			do(func() { apply(res) })
		}
	}
}

func (p *pager[T]) load(page int, gen uint64, q localstore.Query) loadResult {
	q.Offset, q.Limit = page*PageSize, PageSize
	items, total, err := p.fetch(q)
	if err != nil {
		return loadResult{gen: gen, page: page, err: err}
	}
	rows, imp := p.format(items)
	return loadResult{gen: gen, page: page, total: total,
		data: &tablePage[T]{gen: gen, items: items, rows: rows, imp: imp}}
}

// store keeps a fresh result; false means it was stale and dropped.
func (p *pager[T]) store(res loadResult) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if res.gen != p.gen {
		return false
	}
	if res.err != nil {
		return true // the page stays queued: no retry storm until the next reset
	}
	delete(p.queued, res.page)
	p.pages[res.page] = res.data.(*tablePage[T])
	p.total, p.known = res.total, true
	p.evict()
	return true
}

// evict drops the pages farthest from the one last drawn.
func (p *pager[T]) evict() {
	for len(p.pages) > MaxPages {
		far, dist := -1, -1
		for k := range p.pages {
			if d := abs(k - p.recent); d > dist {
				far, dist = k, d
			}
		}
		delete(p.pages, far)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// format turns records into cell texts with the columns' Text funcs.
func (t *Table[T]) format(items []T) ([][]string, []widget.Importance) {
	rows := make([][]string, len(items))
	imp := make([]widget.Importance, len(items))
	cells := make([]string, len(items)*len(t.cfg.Columns)) // one block for the page
	for i, it := range items {
		r := cells[i*len(t.cfg.Columns) : (i+1)*len(t.cfg.Columns)]
		for c, col := range t.cfg.Columns {
			r[c] = col.Text(it)
		}
		rows[i] = r
		imp[i] = widget.MediumImportance
		if t.cfg.Importance != nil {
			imp[i] = t.cfg.Importance(it)
		}
	}
	return rows, imp
}
