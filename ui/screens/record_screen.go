package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// RecordScreen is a list of one kind of record with the selected record's
// detail pane beside it. Orders, supervision, tickets, alerts and bills are
// all one of these, differing only in columns, filters and detail.
type RecordScreen[T domain.Record] struct {
	b      *Backend
	res    domain.Resource
	table  *widgets.Table[T]
	split  *container.Split
	detail Detail[T]
	jobs   Background
	// loads gets a signal after every page the table applies (see
	// Loaded); sends never block, so nobody has to read it.
	loads chan struct{}
	// notServed replaces the list when the account's server (a gateway)
	// does not publish these records; root stacks the two.
	notServed *NotServedView
	root      *fyne.Container
	batch     *batchBar // acts on the records picked in the list
}

// Detail is what a detail pane offers its screen. Every method runs on
// Fyne's goroutine.
type Detail[T domain.Record] interface {
	// Load shows a record.
	Load(T)
	// Current is the record shown, if any.
	Current() (T, bool)
	// Reset forgets the record: it left the cache or the account changed.
	Reset()
	// Object is the pane's content.
	Object() fyne.CanvasObject
	// Close stops the pane's goroutines.
	Close()
}

// NewRecordScreen wires the table's selection to the detail pane.
func NewRecordScreen[T domain.Record](b *Backend, res domain.Resource, cfg widgets.TableConfig[T], d Detail[T]) *RecordScreen[T] {
	s := &RecordScreen[T]{b: b, res: res, detail: d, loads: make(chan struct{}, 64), notServed: NewNotServedView()}
	if cfg.Fetch == nil { // a screen may order its list itself (alerts)
		cfg.Fetch = widgets.StoreFetch[T](b.CurrentStore)
	}
	cfg.Key = func(r T) string { return r.RecordMeta().ID }
	cfg.OnSelect = d.Load
	cfg.OnLoaded = func() {
		s.checkServed()
		select {
		case s.loads <- struct{}{}:
		default:
		}
	}
	s.batch = newBatchBar(b, res, &s.jobs)
	cfg.OnSelectionChanged = func(picked []T) { s.batch.set(records(picked)) }
	if cfg.SearchHint == "" {
		cfg.SearchHint = lang.L("Search ID, customer, product…")
	}
	s.table = widgets.NewTable(cfg)
	s.split = container.NewHSplit(container.NewBorder(s.batch.root, nil, nil, nil, s.table), d.Object())
	s.split.Offset = 0.55
	s.root = container.NewStack(s.split, container.NewPadded(s.notServed.Object()))
	return s
}

// Object is the screen's content.
func (s *RecordScreen[T]) Object() fyne.CanvasObject { return s.root }

// Table gives the shell the list.
func (s *RecordScreen[T]) Table() *widgets.Table[T] { return s.table }

// FocusSearch puts the keyboard in the list's search box (Ctrl+F).
func (s *RecordScreen[T]) FocusSearch(w fyne.Window) { s.table.FocusSearch(w) }

// Reload shows the cache as it is now, after a sync or an outbox change:
// the list refetches and the open record is read again.
func (s *RecordScreen[T]) Reload() {
	s.table.Reload()
	s.refreshDetail()
}

// refreshDetail reads the shown record again from the current store. When
// it is not there (removed, or the user switched accounts) the pane is
// cleared, so one account's record never stays on screen under another.
func (s *RecordScreen[T]) refreshDetail() {
	cur, shown := s.detail.Current()
	if !shown {
		return
	}
	id, st := cur.RecordMeta().ID, s.b.CurrentStore()
	s.jobs.Run(func() func() {
		var r T
		ok := false
		if st != nil {
			var err error
			if r, ok, err = localstore.Get[T](st, id); err != nil {
				fyne.LogError("reload "+id, err)
			}
		}
		return func() {
			now, still := s.detail.Current()
			if !still || now.RecordMeta().ID != id {
				return // the user picked another record meanwhile
			}
			if ok {
				s.detail.Load(r)
			} else {
				s.detail.Reset()
			}
		}
	})
}

// Open applies an overview card's filter and, when the target names a
// record, shows it in the detail pane and highlights it in the list. The
// record is read first and the filter applied with it, so the pane and the
// list change together.
func (s *RecordScreen[T]) Open(target NavTarget) {
	if target.RecordID == "" {
		s.table.SetStatuses(target.Statuses)
		return
	}
	st := s.b.CurrentStore()
	s.jobs.Run(func() func() {
		var r T
		ok := false
		if st != nil {
			var err error
			if r, ok, err = localstore.Get[T](st, target.RecordID); err != nil {
				fyne.LogError("open "+target.RecordID, err)
			}
		}
		return func() {
			s.table.SetStatuses(target.Statuses)
			if ok {
				s.detail.Load(r)
				s.table.Reveal(target.RecordID)
			}
		}
	})
}

// ExportFilter is what Ctrl+E pre-fills in Exports: this list's kind and
// its status filter.
func (s *RecordScreen[T]) ExportFilter() (domain.Resource, []string) {
	return s.res, s.table.Statuses()
}

// Detail is the screen's detail pane.
func (s *RecordScreen[T]) Detail() Detail[T] { return s.detail }

// Loaded signals after every page the list applies, so a caller (a test,
// the smoke run) can wait for data instead of sleeping. Signals are dropped
// when nobody reads them.
func (s *RecordScreen[T]) Loaded() <-chan struct{} { return s.loads }

// Settle waits until the detail loads already started have been handed to
// Fyne's goroutine.
func (s *RecordScreen[T]) Settle() { s.jobs.Wait() }

// Close stops the table's loader and any ticking in the detail pane.
func (s *RecordScreen[T]) Close() {
	s.table.Close()
	s.detail.Close()
	s.jobs.Wait()
}

// StatusFilters makes one filter entry per status, after any composite
// entries the screen puts first.
func StatusFilters(res domain.Resource, first ...widgets.FilterOption) []widgets.FilterOption {
	out := append([]widgets.FilterOption(nil), first...)
	for _, c := range kit.StatusCodesFor(res) {
		out = append(out, widgets.FilterOption{Label: kit.StatusLabel(res, c), Statuses: []string{c}})
	}
	return out
}

// The screens satisfy the shell's interfaces; the compiler checks it here.
var (
	_ Screen       = (*RecordScreen[domain.Order])(nil)
	_ Opener       = (*RecordScreen[domain.Ticket])(nil)
	_ Searcher     = (*RecordScreen[domain.Bill])(nil)
	_ ExportSource = (*RecordScreen[domain.InterfaceAlert])(nil)
)
