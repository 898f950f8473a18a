package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// Amend is what a person does with an action that did not go through.
type Amend int

// The three ways out of a refused, held or unsent action.
const (
	AmendRetry   Amend = iota // send it again as it was
	AmendEdit                 // send it again with changed inputs
	AmendDiscard              // drop it
)

// BindOutbox gives the frame's outbox lines their retry, edit and discard
// buttons; reload shows the record again afterwards.
func BindOutbox(f *DetailFrame, b *Backend, reload func()) {
	f.Outbox.amend = func(a domain.Action, op Amend) {
		if op == AmendEdit {
			askEdit(b, a, func(p domain.ActionParams) { runAmend(f, b, a, op, &p, reload) })
			return
		}
		runAmend(f, b, a, op, nil, reload)
	}
}

func runAmend(f *DetailFrame, b *Backend, a domain.Action, op Amend, p *domain.ActionParams, reload func()) {
	s := b.CurrentStore()
	f.Jobs.Run(func() func() {
		err := b.amendAction(s, a, op, p)
		return func() {
			reload()
			f.ShowError(err)
		}
	})
}

// amendAction goes through the backend (which also wakes the sender) or,
// without one, straight to the store.
func (b *Backend) amendAction(s *localstore.Store, a domain.Action, op Amend, p *domain.ActionParams) error {
	if b.Amend != nil {
		return b.Amend(a, op, p)
	}
	if s == nil {
		return errNoStore
	}
	var err error
	switch op {
	case AmendDiscard:
		_, err = s.DiscardAction(a.Key)
	default:
		_, err = s.ResendAction(a.Key, p, b.Time())
	}
	return err
}

// amendButtons are the ways out offered on one outbox line: retry only for a
// refusal (an unsent one goes by itself), edit where the action has inputs.
func (v *OutboxView) amendButtons(a domain.Action) fyne.CanvasObject {
	if v.amend == nil || !localstore.Amendable(a) {
		return nil
	}
	var objs []fyne.CanvasObject
	if a.State == domain.ActionRejected {
		objs = append(objs, widget.NewButton(lang.L("Retry"), func() { v.amend(a, AmendRetry) }))
	}
	if len(editableFields(a)) > 0 {
		objs = append(objs, widget.NewButton(lang.L("Edit…"), func() { v.amend(a, AmendEdit) }))
	}
	objs = append(objs, widget.NewButton(lang.L("Discard"), func() { v.amend(a, AmendDiscard) }))
	return container.NewHBox(objs...)
}

// editField is one input of an action the person may change.
type editField struct {
	label string
	get   func(domain.ActionParams) string
	set   func(*domain.ActionParams, string)
}

// editableFields are the inputs an action was queued with.
func editableFields(a domain.Action) []editField {
	all := []editField{
		{lang.L("Message"), func(p domain.ActionParams) string { return p.Message }, func(p *domain.ActionParams, s string) { p.Message = s }},
		{lang.L("Cause"), func(p domain.ActionParams) string { return p.Cause }, func(p *domain.ActionParams, s string) { p.Cause = s }},
		{lang.L("Solution"), func(p domain.ActionParams) string { return p.Solution }, func(p *domain.ActionParams, s string) { p.Solution = s }},
		{lang.L("Tracking number"), func(p domain.ActionParams) string { return p.Tracking }, func(p *domain.ActionParams, s string) { p.Tracking = s }},
	}
	var out []editField
	for _, f := range all {
		if f.get(a.Params) != "" {
			out = append(out, f)
		}
	}
	return out
}

// askEdit shows the action's inputs, filled in; each must stay non-empty.
func askEdit(b *Backend, a domain.Action, done func(domain.ActionParams)) {
	fields := editableFields(a)
	entries := make([]*widget.Entry, len(fields))
	items := make([]*widget.FormItem, len(fields))
	for i, f := range fields {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetText(f.get(a.Params))
		e.Validator = kit.RequiredText
		entries[i], items[i] = e, widget.NewFormItem(f.label, e)
	}
	title := lang.L("Edit and send again: {{.Action}}", map[string]any{"Action": ActionName(a.Name)})
	dlg := dialog.NewForm(title, lang.L("Send"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p := a.Params
		for i, f := range fields {
			f.set(&p, strings.TrimSpace(entries[i].Text))
		}
		done(p)
	}, b.ParentWindow())
	dlg.Resize(fyne.NewSize(480, 320))
	dlg.Show()
}
