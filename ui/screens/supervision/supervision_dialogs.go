package supervision

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
)

// handler asks for what an action needs (a note, a file, a tracking
// number), then queues it.
func (d *supervisionDetail) handler(n domain.ActionName) func() {
	switch n {
	case domain.ActRejectRequirement:
		return func() {
			d.askText(n, lang.L("Why is the requirement rejected?"), true, func(s string) { d.queue(n, domain.ActionParams{Message: s}) })
		}
	case domain.ActAppeal:
		return func() {
			d.askText(n, lang.L("Reason for the appeal"), true, func(s string) { d.queue(n, domain.ActionParams{Message: s}) })
		}
	case domain.ActShip:
		return func() {
			d.askText(n, lang.L("Logistics tracking number"), false, func(s string) { d.queue(n, domain.ActionParams{Tracking: s}) })
		}
	case domain.ActUploadReport:
		return d.pickReport
	}
	return func() { d.queue(n, domain.ActionParams{}) }
}

// askText asks for one required text, then hands it to done.
func (d *supervisionDetail) askText(n domain.ActionName, prompt string, multiLine bool, done func(string)) {
	screens.AskTexts(d.b.ParentWindow(), screens.ActionName(n), screens.ActionName(n),
		[]screens.TextField{{Prompt: prompt, MultiLine: multiLine}}, func(s []string) { done(s[0]) })
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

// enteredFacts are what the merchant typed into the Ship and Appeal dialogs,
// as label and value: the tracking number and the appeal reason, from the
// queued action while it is on its way and from the task's history once the
// marketplace has it.
func enteredFacts(t domain.SupervisionTask, actions []domain.Action) [][2]fyne.CanvasObject {
	var out [][2]fyne.CanvasObject
	if tracking := trackingNumber(t, actions); tracking != "" {
		out = append(out, factRow(lang.L("Tracking number"), tracking))
	}
	if reason := pendingAppealReason(actions); reason != "" {
		out = append(out, factRow(lang.L("Appeal reason"), reason))
	}
	return out
}

func factRow(label, value string) [2]fyne.CanvasObject {
	k := widget.NewLabel(label)
	k.TextStyle = fyne.TextStyle{Bold: true}
	return [2]fyne.CanvasObject{k, screens.WrapLabel(value)}
}

// trackingNumber is the newest logistics number: a ship still in the outbox,
// else the note of the flow's last ship step.
func trackingNumber(t domain.SupervisionTask, actions []domain.Action) string {
	for i := len(actions) - 1; i >= 0; i-- {
		if a := actions[i]; a.Name == domain.ActShip && !a.State.Final() && a.Params.Tracking != "" {
			return a.Params.Tracking
		}
	}
	for i := len(t.History) - 1; i >= 0; i-- {
		if ev := t.History[i]; ev.Action == string(domain.ActShip) && ev.Note != "" {
			return ev.Note
		}
	}
	return ""
}

// pendingAppealReason is the reason of an appeal still in the outbox; once
// the marketplace has it the banner above the flow shows it.
func pendingAppealReason(actions []domain.Action) string {
	for i := len(actions) - 1; i >= 0; i-- {
		if a := actions[i]; a.Name == domain.ActAppeal && !a.State.Final() {
			return a.Params.Message
		}
	}
	return ""
}
