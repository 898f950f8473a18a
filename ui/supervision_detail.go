package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
)

// supervisionDetail shows a supervised order's flow as steps (done, current,
// next), who acts next, the appeal state and the merchant's actions.
type supervisionDetail struct {
	b       *ScreenBackend
	f       *detailFrame
	task    domain.SupervisionTask
	actions []domain.Action
	banner  *widget.Label
	steps   *fyne.Container
	facts   *fyne.Container
	root    fyne.CanvasObject
}

func newSupervisionDetail(b *ScreenBackend) *supervisionDetail {
	d := &supervisionDetail{b: b, f: newDetailFrame(), steps: container.NewVBox(), facts: container.NewVBox()}
	d.banner = widget.NewLabel("")
	d.banner.Wrapping = fyne.TextWrapWord
	d.banner.Importance = widget.DangerImportance
	d.banner.TextStyle = fyne.TextStyle{Bold: true}
	d.root = d.f.layout(d.banner, sectionTitle(lang.L("Flow")), d.steps, d.facts)
	return d
}

func (d *supervisionDetail) load(t domain.SupervisionTask) {
	loadActionable(d.f, d.b.store(), t, d.task.ID, d.actions, d.show)
}

func (d *supervisionDetail) show(t domain.SupervisionTask, actions []domain.Action) {
	d.task, d.actions = t, actions
	d.f.reveal()
	d.f.title.SetText(safeText(t.ProductName) + " · " + t.OrderID)
	d.f.status.SetText(nextActorLine(t))
	d.banner.SetText(appealText(t.Appeal))
	d.banner.Hidden = t.Appeal == nil
	if t.Appeal != nil && !t.Frozen() {
		d.banner.Importance = widget.MediumImportance
	} else {
		d.banner.Importance = widget.DangerImportance
	}
	d.banner.Refresh()
	d.steps.Objects = flowSteps(t)
	d.steps.Refresh()
	d.facts.Objects = []fyne.CanvasObject{supervisionFacts(t)}
	d.facts.Refresh()
	d.showButtons()
	d.f.outbox.set(actions, "")
	d.f.relayout()
}

// nextActorLine says who must act now, the first thing a merchant asks.
func nextActorLine(t domain.SupervisionTask) string {
	if t.Current == domain.NodeDone {
		return lang.L("Finished")
	}
	who := labelParty(t.NextActor())
	if t.WaitingOnMerchant() {
		who = lang.L("You (the merchant)")
	}
	return lang.L("Now: {{.Node}} · next to act: {{.Who}}", map[string]any{"Node": labelNode(t.Current), "Who": who})
}

// appealText describes the appeal; an open one freezes the flow.
func appealText(a *domain.Appeal) string {
	if a == nil {
		return ""
	}
	data := map[string]any{"By": labelParty(a.By), "At": FormatDateTime(a.OpenedAt), "Reason": safeText(a.Reason), "Decision": safeText(a.Decision)}
	switch a.Status {
	case domain.AppealOpen:
		return lang.L("Frozen: {{.By}} appealed on {{.At}} ({{.Reason}}). Nothing can move until the operations manager decides.", data)
	case domain.AppealUpheld:
		return lang.L("Appeal by {{.By}} upheld: {{.Decision}}", data)
	}
	return lang.L("Appeal by {{.By}} rejected: {{.Decision}}", data)
}

// stepState says where a node stands relative to the current one.
type stepState int

const (
	stepDone stepState = iota
	stepCurrent
	stepNext
)

// flowStepStates places each node of the flow; a finished flow has every
// node done.
func flowStepStates(t domain.SupervisionTask) []stepState {
	flow := t.Flow()
	cur := len(flow)
	for i, n := range flow {
		if n == t.Current {
			cur = i
		}
	}
	out := make([]stepState, len(flow))
	for i := range flow {
		switch {
		case i < cur || t.Current == domain.NodeDone:
			out[i] = stepDone
		case i == cur:
			out[i] = stepCurrent
		default:
			out[i] = stepNext
		}
	}
	return out
}

// flowSteps draws the flow as a column of steps: a tick for done, a play
// mark for the current node, an empty circle for what comes next, each with
// the party who acts there.
func flowSteps(t domain.SupervisionTask) []fyne.CanvasObject {
	flow, states := t.Flow(), flowStepStates(t)
	out := make([]fyne.CanvasObject, len(flow))
	for i, n := range flow {
		icon := theme.RadioButtonIcon()
		text := labelNode(n) + " — " + labelParty(domain.NodeActor(n))
		l := widget.NewLabel(text)
		switch states[i] {
		case stepDone:
			icon = theme.ConfirmIcon()
			l.Importance = widget.SuccessImportance
		case stepCurrent:
			icon = theme.MediaPlayIcon()
			l.TextStyle = fyne.TextStyle{Bold: true}
			l.Importance = widget.HighImportance
			if t.Frozen() {
				icon = theme.MediaPauseIcon()
				l.Importance = widget.DangerImportance
			}
		default:
			l.Importance = widget.LowImportance
		}
		out[i] = container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
	}
	return out
}

func supervisionFacts(t domain.SupervisionTask) fyne.CanvasObject {
	return kv(
		lang.L("Customer"), t.CustomerName,
		lang.L("Product kind"), labelProductKind(t.Kind),
		lang.L("Rejections"), strconv.Itoa(t.Rejections),
		lang.L("In this step since"), FormatDateTime(t.NodeEnteredAt),
		lang.L("Customer may appeal for a stall from"), FormatDateTime(t.StallAppealAt()),
		lang.L("Automatic acceptance"), FormatDateTime(t.AutoAcceptAt()),
		lang.L("Unaccepted warning"), FormatDateTime(t.WarningAt()),
		lang.L("Report"), dash(t.ReportName),
	)
}

// merchantActions are the actions the task's node offers the merchant now,
// appeal aside (it has its own button): the domain's table, which the
// marketplace applies too.
func merchantActions(t domain.SupervisionTask) []domain.ActionName {
	return slices.DeleteFunc(domain.Actions(t), func(a domain.ActionName) bool { return a == domain.ActAppeal })
}

// showButtons offers the current node's actions and an appeal; all are off
// while an appeal freezes the flow.
func (d *supervisionDetail) showButtons() {
	t, frozen := d.task, d.task.Frozen()
	var objs []fyne.CanvasObject
	if t.WaitingOnMerchant() {
		for _, n := range merchantActions(t) {
			objs = append(objs, actionButton(n, !frozen && !hasPending(d.actions, n), d.handler(n)))
		}
	}
	canAppeal := domain.Allows(t, domain.ActAppeal) && !hasPending(d.actions, domain.ActAppeal)
	objs = append(objs, actionButton(domain.ActAppeal, canAppeal, d.handler(domain.ActAppeal)))
	d.f.buttons.Objects = objs
	d.f.buttons.Refresh()
}

// handler asks for what an action needs (a note, a file, a tracking
// number), then queues it.
func (d *supervisionDetail) handler(n domain.ActionName) func() {
	switch n {
	case domain.ActRejectRequirement:
		return func() {
			d.askText(n, lang.L("Why is the requirement rejected?"), func(s string) { d.queue(n, domain.ActionParams{Message: s}) })
		}
	case domain.ActAppeal:
		return func() {
			d.askText(n, lang.L("Reason for the appeal"), func(s string) { d.queue(n, domain.ActionParams{Message: s}) })
		}
	case domain.ActShip:
		return func() {
			d.askText(n, lang.L("Logistics tracking number"), func(s string) { d.queue(n, domain.ActionParams{Tracking: s}) })
		}
	case domain.ActUploadReport:
		return d.pickReport
	}
	return func() { d.queue(n, domain.ActionParams{}) }
}

func (d *supervisionDetail) askText(n domain.ActionName, prompt string, done func(string)) {
	e := widget.NewMultiLineEntry()
	e.Validator = requiredText
	dialog.ShowForm(actionName(n), actionName(n), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(prompt, e)}, func(ok bool) {
			if ok {
				done(strings.TrimSpace(e.Text))
			}
		}, d.b.window())
}

// pickReport lets the merchant choose the acceptance report; the outbox
// carries its name and the sender uploads it.
func (d *supervisionDetail) pickReport() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			d.f.showError(err)
			return
		}
		name := filepath.Base(r.URI().Path())
		if cerr := r.Close(); cerr != nil {
			fyne.LogError("close picked report", cerr)
		}
		d.queue(domain.ActUploadReport, domain.ActionParams{FileName: name})
	}, d.b.window())
}

func (d *supervisionDetail) queue(n domain.ActionName, p domain.ActionParams) {
	id := d.task.ID
	queueAction(d.f, d.b, domain.ResSupervision, id, n, p, func(acts []domain.Action) {
		if d.task.ID == id {
			d.show(d.task, acts)
		}
	})
}

func (d *supervisionDetail) current() (domain.SupervisionTask, bool) { return d.task, d.task.ID != "" }
func (d *supervisionDetail) object() fyne.CanvasObject               { return d.root }
func (d *supervisionDetail) close()                                  { d.f.jobs.wait() }

func (d *supervisionDetail) reset() {
	d.task, d.actions = domain.SupervisionTask{}, nil
	d.f.conceal()
}
