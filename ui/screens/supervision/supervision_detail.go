package supervision

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
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// supervisionDetail shows a supervised order's flow as steps (done, current,
// next), who acts next, the appeal state and the merchant's actions.
type supervisionDetail struct {
	b       *screens.Backend
	f       *screens.DetailFrame
	task    domain.SupervisionTask
	actions []domain.Action
	banner  *widget.Label
	steps   *fyne.Container
	facts   *fyne.Container
	rules   *rulesSection
	appeal  domain.MerchantAppealRule
	root    fyne.CanvasObject
}

func newSupervisionDetail(b *screens.Backend) *supervisionDetail {
	d := &supervisionDetail{b: b, f: screens.NewDetailFrame(), steps: container.NewVBox(), facts: container.NewVBox(), rules: newRulesSection(b.Time)}
	d.banner = widget.NewLabel("")
	d.banner.Wrapping = fyne.TextWrapWord
	d.banner.Importance = widget.DangerImportance
	d.banner.TextStyle = fyne.TextStyle{Bold: true}
	d.root = d.f.Layout(d.banner, d.rules.root, screens.SectionTitle(lang.L("Flow")), d.steps, d.facts)
	return d
}

func (d *supervisionDetail) Load(t domain.SupervisionTask) {
	screens.LoadActionable(d.f, d.b.CurrentStore(), t, d.task.ID, d.actions, d.show)
}

func (d *supervisionDetail) show(t domain.SupervisionTask, actions []domain.Action) {
	d.task, d.actions = t, actions
	d.f.Reveal()
	d.f.Title.SetText(screens.SafeText(t.ProductName) + " · " + t.OrderID)
	d.f.Status.SetText(nextActorLine(t))
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
	d.appeal = d.rules.show(t, d.b.Time())
	d.showButtons()
	d.f.Outbox.Set(actions, "")
	d.f.Relayout()
}

// nextActorLine says who must act now, the first thing a merchant asks.
func nextActorLine(t domain.SupervisionTask) string {
	if t.Current == domain.NodeDone {
		return lang.L("Finished")
	}
	who := kit.LabelParty(t.NextActor())
	if t.WaitingOnMerchant() {
		who = lang.L("You (the merchant)")
	}
	return lang.L("Now: {{.Node}} · next to act: {{.Who}}", map[string]any{"Node": kit.LabelNode(t.Current), "Who": who})
}

// appealText describes the appeal; an open one freezes the flow.
func appealText(a *domain.Appeal) string {
	if a == nil {
		return ""
	}
	data := map[string]any{"By": kit.LabelParty(a.By), "At": kit.FormatDateTime(a.OpenedAt), "Reason": screens.SafeText(a.Reason), "Decision": screens.SafeText(a.Decision)}
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
		text := kit.LabelNode(n) + " — " + kit.LabelParty(domain.NodeActor(n))
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
	return screens.KV(
		lang.L("Customer"), t.CustomerName,
		lang.L("Product kind"), kit.LabelProductKind(t.Kind),
		lang.L("Rejections"), strconv.Itoa(t.Rejections),
		lang.L("In this step since"), kit.FormatDateTime(t.NodeEnteredAt),
		lang.L("Customer may appeal for a stall from"), kit.FormatDateTime(t.StallAppealAt()),
		lang.L("Automatic acceptance"), kit.FormatDateTime(t.AutoAcceptAt()),
		lang.L("Unaccepted warning"), kit.FormatDateTime(t.WarningAt()),
		lang.L("Report"), kit.Dash(t.ReportName),
	)
}

// merchantActions are the actions the task's node offers the merchant now,
// appeal aside (it has its own button): the domain's table, which the
// marketplace applies too.
func merchantActions(t domain.SupervisionTask) []domain.ActionName {
	return slices.DeleteFunc(domain.Actions(t), func(a domain.ActionName) bool { return a == domain.ActAppeal })
}

// showButtons offers the current node's actions and an appeal; all are off
// while an appeal freezes the flow, and the appeal only when the
// marketplace's rule allows it (the rules section says why).
func (d *supervisionDetail) showButtons() {
	t, frozen := d.task, d.task.Frozen()
	var objs []fyne.CanvasObject
	if t.WaitingOnMerchant() {
		for _, n := range merchantActions(t) {
			objs = append(objs, screens.ActionButton(n, !frozen && !screens.HasPending(d.actions, n), d.handler(n)))
		}
	}
	canAppeal := domain.Allows(t, domain.ActAppeal) && d.appeal.Allowed && !screens.HasPending(d.actions, domain.ActAppeal)
	objs = append(objs, screens.ActionButton(domain.ActAppeal, canAppeal, d.handler(domain.ActAppeal)))
	d.f.Buttons.Objects = objs
	d.f.Buttons.Refresh()
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
	e.Validator = kit.RequiredText
	dialog.ShowForm(screens.ActionName(n), screens.ActionName(n), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(prompt, e)}, func(ok bool) {
			if ok {
				done(strings.TrimSpace(e.Text))
			}
		}, d.b.ParentWindow())
}

// pickReport lets the merchant choose the acceptance report; the outbox
// carries its name and the sender uploads it.
func (d *supervisionDetail) pickReport() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			d.f.ShowError(err)
			return
		}
		name := filepath.Base(r.URI().Path())
		if cerr := r.Close(); cerr != nil {
			fyne.LogError("close picked report", cerr)
		}
		d.queue(domain.ActUploadReport, domain.ActionParams{FileName: name})
	}, d.b.ParentWindow())
}

func (d *supervisionDetail) queue(n domain.ActionName, p domain.ActionParams) {
	id := d.task.ID
	screens.QueueAction(d.f, d.b, domain.ResSupervision, id, n, p, func(acts []domain.Action) {
		if d.task.ID == id {
			d.show(d.task, acts)
		}
	})
}

func (d *supervisionDetail) Current() (domain.SupervisionTask, bool) { return d.task, d.task.ID != "" }
func (d *supervisionDetail) Object() fyne.CanvasObject               { return d.root }

// Close stops the countdowns and joins the loads.
func (d *supervisionDetail) Close() {
	d.rules.stop()
	d.f.Jobs.Wait()
}

func (d *supervisionDetail) Reset() {
	d.rules.stop()
	d.task, d.actions = domain.SupervisionTask{}, nil
	d.f.Conceal()
}
