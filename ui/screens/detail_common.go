package screens

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
	"github.com/koogallery/merchant-console/ui/kit"
)

// Background runs store work off Fyne's goroutine and applies the result on
// it with fyne.Do. Wait lets tests (and shutdown) join the workers.
type Background struct{ wg sync.WaitGroup }

// Run calls work on a new goroutine; the func it returns, if any, runs on
// Fyne's goroutine.
func (g *Background) Run(work func() func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if apply := work(); apply != nil {
			kit.Do(apply)
		}
	}()
}

// Wait joins the workers started so far.
func (g *Background) Wait() { g.wg.Wait() }

// DetailFrame is what every detail pane shares: a title, a status line, an
// error line, the record's outbox entries and a row of action buttons.
type DetailFrame struct {
	Title   *widget.Label
	Status  *widget.Label
	ErrText *widget.Label
	Outbox  *OutboxView
	Buttons *fyne.Container
	empty   *widget.Label
	body    *fyne.Container
	scroll  *container.Scroll
	Jobs    Background
	Gen     uint64 // bumps on every show, so a late load for another record is dropped
}

// NewDetailFrame makes a frame showing its placeholder until a record is
// revealed.
func NewDetailFrame() *DetailFrame {
	f := &DetailFrame{
		Title: widget.NewLabel(""), Status: widget.NewLabel(""), ErrText: widget.NewLabel(""),
		Outbox: NewOutboxView(), Buttons: container.NewHBox(),
		empty: widget.NewLabel(lang.L("Select a record in the list to see it here.")),
	}
	f.Title.TextStyle = fyne.TextStyle{Bold: true}
	f.Title.Wrapping = fyne.TextWrapWord
	f.Status.Wrapping = fyne.TextWrapWord
	f.ErrText.Wrapping = fyne.TextWrapWord
	f.ErrText.Importance = widget.DangerImportance
	f.ErrText.Hide()
	return f
}

// Layout wraps the pane's own sections between the frame's header and the
// outbox, scrolling as one.
func (f *DetailFrame) Layout(sections ...fyne.CanvasObject) fyne.CanvasObject {
	items := []fyne.CanvasObject{f.Title, f.Status, f.ErrText, f.Buttons}
	items = append(items, sections...)
	items = append(items, f.Outbox.section)
	f.body = container.NewVBox(items...)
	f.body.Hide()
	f.scroll = container.NewVScroll(f.body)
	return container.NewStack(f.empty, f.scroll)
}

// Relayout places the sections again after a show changed their sizes: a
// box only lays itself out, so the pane and its scroller are told too.
func (f *DetailFrame) Relayout() {
	f.body.Refresh()
	f.scroll.Refresh()
}

// Reveal swaps the placeholder for the record.
func (f *DetailFrame) Reveal() {
	f.empty.Hide()
	f.body.Show()
	f.ErrText.Hide()
}

// Revealed reports whether a record is shown rather than the placeholder.
func (f *DetailFrame) Revealed() bool { return f.body != nil && f.body.Visible() }

// Conceal puts the placeholder back and drops any late load.
func (f *DetailFrame) Conceal() {
	f.Gen++
	f.body.Hide()
	f.empty.Show()
}

// ShowError says what went wrong and what to do, never a stack trace.
func (f *DetailFrame) ShowError(err error) {
	if err == nil {
		f.ErrText.Hide()
		return
	}
	fyne.LogError("detail action", err)
	f.ShowProblem(kit.ErrorText(err))
}

// ShowProblem shows a sentence already written for the user, such as a
// form's validation message.
func (f *DetailFrame) ShowProblem(text string) {
	f.ErrText.SetText(text)
	f.ErrText.Show()
	f.Relayout()
}

// HasPending reports whether an action of that name is still on its way, so
// its button stays disabled instead of queueing it twice.
func HasPending(actions []domain.Action, name domain.ActionName) bool {
	for _, a := range actions {
		if a.Name == name && !a.State.Final() {
			return true
		}
	}
	return false
}

// LoadActionable shows rec at once, keeping the outbox lines already shown
// when it is the same record (a reload must not flicker), then reads the
// freshest copy and its outbox entries off Fyne's goroutine and shows them,
// unless another record was shown meanwhile. Each of also is more reading
// for the pane done in the same job, its result applied right after show,
// so the pane's widgets change in one go.
func LoadActionable[T domain.Record](f *DetailFrame, s *localstore.Store, rec T,
	shownID string, shown []domain.Action, show func(T, []domain.Action), also ...func() func()) {
	f.Gen++
	gen := f.Gen
	id := rec.RecordMeta().ID
	var kept []domain.Action
	if shownID == id {
		kept = shown
	}
	show(rec, kept)
	f.Jobs.Run(func() func() {
		if s == nil {
			return nil
		}
		fresh, ok, err := localstore.Get[T](s, id)
		if err != nil || !ok {
			fresh = rec
		}
		acts := loadActions(s, rec.Resource(), id)
		var more []func()
		for _, work := range also {
			if apply := work(); apply != nil {
				more = append(more, apply)
			}
		}
		return func() {
			if gen == f.Gen {
				show(fresh, acts)
				for _, apply := range more {
					apply()
				}
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

// ActionButton makes a button that queues an action; it is disabled when
// the action does not apply now or is already on its way.
func ActionButton(name domain.ActionName, enabled bool, tapped func()) *widget.Button {
	b := widget.NewButton(ActionName(name), tapped)
	if !enabled {
		b.Disable()
	}
	return b
}

// SectionTitle is a bold heading inside a detail pane.
func SectionTitle(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// WrapLabel is a label that wraps at word boundaries (and inside words
// longer than the line) so no text can widen the pane.
func WrapLabel(text string) *widget.Label {
	l := widget.NewLabel(SafeText(text))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// MaxShownRunes bounds one text block: a pasted log of megabytes would
// otherwise stall layout on every resize.
const MaxShownRunes = 8000

// SafeText drops control and format characters that could hide or reorder
// text (bidi overrides, zero-width joiners misused), keeps newlines and
// tabs, and bounds the length.
func SafeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == MaxShownRunes {
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

// KV is a two-column list of labelled values.
func KV(pairs ...string) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		k := widget.NewLabel(pairs[i])
		k.TextStyle = fyne.TextStyle{Bold: true}
		objs = append(objs, k, WrapLabel(pairs[i+1]))
	}
	return container.New(layout.NewFormLayout(), objs...)
}
