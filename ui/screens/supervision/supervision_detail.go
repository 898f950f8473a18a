package supervision

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	screens.BindOutbox(d.f, b, func() { d.Load(d.task) })
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
	d.facts.Objects = []fyne.CanvasObject{supervisionFacts(t, actions, d.b.Time())}
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

// supervisionFacts lists the flow's facts and what the merchant entered
// (tracking number, appeal reason); a deadline already passed (the user may
// appeal the stall, the warning is raised) is red.
func supervisionFacts(t domain.SupervisionTask, actions []domain.Action, now time.Time) fyne.CanvasObject {
	kv := screens.KV(
		lang.L("Customer"), t.CustomerName,
		lang.L("Product kind"), kit.LabelProductKind(t.Kind),
		lang.L("Rejections"), strconv.Itoa(t.Rejections),
		lang.L("In this step since"), kit.FormatDateTime(t.NodeEnteredAt),
		lang.L("Customer may appeal for a stall from"), kit.FormatDateTime(t.StallAppealAt()),
		lang.L("Automatic acceptance"), kit.FormatDateTime(t.AutoAcceptAt()),
		lang.L("Unaccepted warning"), kit.FormatDateTime(t.WarningAt()),
		lang.L("Report"), kit.Dash(t.ReportName),
	)
	for i, at := range []time.Time{t.StallAppealAt(), t.AutoAcceptAt(), t.WarningAt()} {
		if !at.IsZero() && !now.Before(at) {
			markPassed(kv, firstDeadlineRow+i)
		}
	}
	for _, row := range enteredFacts(t, actions) {
		kv.Add(row[0])
		kv.Add(row[1])
	}
	return kv
}

// firstDeadlineRow is the row of the stall-appeal time in supervisionFacts.
const firstDeadlineRow = 4

// markPassed turns row's value red and bold in a KV container, and says
// so in words for whoever does not see the colour.
func markPassed(kv *fyne.Container, row int) {
	if l, ok := kv.Objects[2*row+1].(*widget.Label); ok {
		l.Text += " · " + lang.L("passed")
		l.Importance = widget.DangerImportance
		l.TextStyle = fyne.TextStyle{Bold: true}
	}
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
