package ui

import (
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// background runs store work off Fyne's goroutine and applies the result on
// it with fyne.Do. wait lets tests (and shutdown) join the workers.
type background struct{ wg sync.WaitGroup }

// run calls work on a new goroutine; the func it returns, if any, runs on
// Fyne's goroutine.
func (g *background) run(work func() func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if apply := work(); apply != nil {
			uiDo(apply)
		}
	}()
}

func (g *background) wait() { g.wg.Wait() }

// detailFrame is what every detail pane shares: a title, a status line, an
// error line, the record's outbox entries and a row of action buttons.
type detailFrame struct {
	title   *widget.Label
	status  *widget.Label
	errText *widget.Label
	outbox  *outboxView
	buttons *fyne.Container
	empty   *widget.Label
	body    *fyne.Container
	scroll  *container.Scroll
	jobs    background
	gen     uint64 // bumps on every show, so a late load for another record is dropped
}

func newDetailFrame() *detailFrame {
	f := &detailFrame{
		title: widget.NewLabel(""), status: widget.NewLabel(""), errText: widget.NewLabel(""),
		outbox: newOutboxView(), buttons: container.NewHBox(),
		empty: widget.NewLabel(lang.L("Select a record in the list to see it here.")),
	}
	f.title.TextStyle = fyne.TextStyle{Bold: true}
	f.title.Wrapping = fyne.TextWrapWord
	f.status.Wrapping = fyne.TextWrapWord
	f.errText.Wrapping = fyne.TextWrapWord
	f.errText.Importance = widget.DangerImportance
	f.errText.Hide()
	return f
}

// layout wraps the pane's own sections between the frame's header and the
// outbox, scrolling as one.
func (f *detailFrame) layout(sections ...fyne.CanvasObject) fyne.CanvasObject {
	items := []fyne.CanvasObject{f.title, f.status, f.errText, f.buttons}
	items = append(items, sections...)
	items = append(items, f.outbox.section)
	f.body = container.NewVBox(items...)
	f.body.Hide()
	f.scroll = container.NewVScroll(f.body)
	return container.NewStack(f.empty, f.scroll)
}

// relayout places the sections again after a show changed their sizes: a
// box only lays itself out, so the pane and its scroller are told too.
func (f *detailFrame) relayout() {
	f.body.Refresh()
	f.scroll.Refresh()
}

// reveal swaps the placeholder for the record.
func (f *detailFrame) reveal() {
	f.empty.Hide()
	f.body.Show()
	f.errText.Hide()
}

// conceal puts the placeholder back and drops any late load.
func (f *detailFrame) conceal() {
	f.gen++
	f.body.Hide()
	f.empty.Show()
}

// showError says what went wrong and what to do, never a stack trace.
func (f *detailFrame) showError(err error) {
	if err == nil {
		f.errText.Hide()
		return
	}
	fyne.LogError("detail action", err)
	f.showProblem(ErrorText(err))
}

// showProblem shows a sentence already written for the user, such as a
// form's validation message.
func (f *detailFrame) showProblem(text string) {
	f.errText.SetText(text)
	f.errText.Show()
	f.relayout()
}

// hasPending reports whether an action of that name is still on its way, so
// its button stays disabled instead of queueing it twice.
func hasPending(actions []domain.Action, name domain.ActionName) bool {
	for _, a := range actions {
		if a.Name == name && !a.State.Final() {
			return true
		}
	}
	return false
}

// loadActionable shows rec at once, keeping the outbox lines already shown
// when it is the same record (a reload must not flicker), then reads the
// freshest copy and its outbox entries off Fyne's goroutine and shows them,
// unless another record was shown meanwhile.
func loadActionable[T domain.Record](f *detailFrame, s *localstore.Store, rec T,
	shownID string, shown []domain.Action, show func(T, []domain.Action)) {
	f.gen++
	gen := f.gen
	id := rec.RecordMeta().ID
	var kept []domain.Action
	if shownID == id {
		kept = shown
	}
	show(rec, kept)
	f.jobs.run(func() func() {
		if s == nil {
			return nil
		}
		fresh, ok, err := localstore.Get[T](s, id)
		if err != nil || !ok {
			fresh = rec
		}
		acts := loadActions(s, rec.Resource(), id)
		return func() {
			if gen == f.gen {
				show(fresh, acts)
			}
		}
	})
}

// loadActions reads a record's outbox entries; errors leave the list empty
// because the record itself is still worth showing.
func loadActions(s *localstore.Store, res domain.Resource, id string) []domain.Action {
	if s == nil {
		return nil
	}
	acts, err := s.ActionsFor(res, id)
	if err != nil {
		fyne.LogError("read outbox for "+id, err)
		return nil
	}
	return acts
}

// actionButton makes a button that queues an action; it is disabled when
// the action does not apply now or is already on its way.
func actionButton(name domain.ActionName, enabled bool, tapped func()) *widget.Button {
	b := widget.NewButton(actionName(name), tapped)
	if !enabled {
		b.Disable()
	}
	return b
}

func sectionTitle(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// wrapLabel is a label that wraps at word boundaries (and inside words
// longer than the line) so no text can widen the pane.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(safeText(text))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// maxShownRunes bounds one text block: a pasted log of megabytes would
// otherwise stall layout on every resize.
const maxShownRunes = 8000

// safeText drops control and format characters that could hide or reorder
// text (bidi overrides, zero-width joiners misused), keeps newlines and
// tabs, and bounds the length.
func safeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxShownRunes {
			b.WriteString("…")
			break
		}
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)) {
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// kv is a two-column list of labelled values.
func kv(pairs ...string) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		k := widget.NewLabel(pairs[i])
		k.TextStyle = fyne.TextStyle{Bold: true}
		objs = append(objs, k, wrapLabel(pairs[i+1]))
	}
	return container.New(layout.NewFormLayout(), objs...)
}
