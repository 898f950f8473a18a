package screens

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/kit"
)

// errNoStore is shown when an action is tried before any account is open.
var errNoStore = errors.New("no account is open")

// newAction builds an outbox entry. It runs on Fyne's goroutine, where the
// backend's callbacks (store, agent name, clock) are read; only storing it
// happens on a worker.
func (b *Backend) newAction(res domain.Resource, id string, name domain.ActionName, p domain.ActionParams) (domain.Action, *localstore.Store, error) {
	s := b.CurrentStore()
	if s == nil {
		return domain.Action{}, nil, errNoStore
	}
	key, err := domain.NewActionKey()
	if err != nil {
		return domain.Action{}, nil, err
	}
	if p.Agent == "" {
		p.Agent = b.AgentName()
	}
	a := domain.Action{Key: key, Account: s.Account(), Resource: res, RecordID: id, Name: name,
		Params: p, State: domain.ActionPending, CreatedAt: b.Time()}
	return a, s, nil
}

// submit puts the action in the outbox through the backend's Enqueue (which
// also wakes the sender) or, without one, straight into the store.
func (b *Backend) submit(s *localstore.Store, a domain.Action) error {
	var err error
	if b.Enqueue != nil {
		err = b.Enqueue(a)
	} else {
		_, err = s.Enqueue(a)
	}
	if err != nil {
		return fmt.Errorf("queue %s on %s: %w", a.Name, a.RecordID, err)
	}
	return nil
}

// QueueAction queues an action from a detail pane: built here, stored on a
// worker, then show gets the record's outbox entries (the new one included)
// and any error is explained under the title.
func QueueAction(f *DetailFrame, b *Backend, res domain.Resource, id string, name domain.ActionName,
	p domain.ActionParams, show func([]domain.Action),
) {
	queueAction(f, b, res, id, name, p, nil, func(acts []domain.Action, _ error) { show(acts) })
}

// queueAction builds the action, records what the agent saw (seen, for the
// traffic cop; nil when nothing is checked) and stores it on a worker.
func queueAction(f *DetailFrame, b *Backend, res domain.Resource, id string, name domain.ActionName,
	p domain.ActionParams, seen *domain.Seen, done func([]domain.Action, error),
) {
	a, s, err := b.newAction(res, id, name, p)
	if err != nil {
		f.ShowError(err)
		done(nil, err)
		return
	}
	a.Seen = seen
	f.Jobs.Run(func() func() {
		err := b.submit(s, a)
		acts := loadActions(s, res, id)
		return func() {
			done(acts, err)
			f.ShowError(err)
		}
	})
}

// ActionName is the action as the user knows it: the domain's label.
func ActionName(n domain.ActionName) string { return kit.LabelAction(n) }

// ActionStateText is an outbox state in plain words.
func ActionStateText(s domain.ActionState) string {
	switch s {
	case domain.ActionPending:
		return lang.L("Waiting to send")
	case domain.ActionSending:
		return lang.L("Sending")
	case domain.ActionDone:
		return lang.L("Sent")
	case domain.ActionRejected:
		return lang.L("Rejected")
	case domain.ActionStopped:
		return lang.L("Held: the ticket changed")
	case domain.ActionDiscarded:
		return lang.L("Discarded")
	}
	return string(s)
}

// rejectionText says why the marketplace refused an action, in the words a
// person wants; who is the agent now holding the record when known.
func rejectionText(a domain.Action, who string) string {
	var msg string
	switch a.ReasonCode {
	case marketapi.ReasonAlreadyAccepted:
		if who == "" {
			who = lang.L("someone else")
		}
		msg = lang.L("Another agent ({{.Who}}) accepted this ticket first.", map[string]any{"Who": who})
	case marketapi.ReasonFlowFrozen:
		msg = lang.L("The flow is frozen by an appeal; wait for the operations manager's decision.")
	case marketapi.ReasonInvalidState:
		msg = lang.L("The record had already moved on; check its current state and try again if still needed.")
	case marketapi.ReasonNotDelegated:
		msg = lang.L("This product is not delegated to your account; ask the main account.")
	case marketapi.ReasonDeadlinePassed:
		msg = lang.L("Too late: the deadline has passed.")
	case syncer.ReasonHeldBehindRefusal:
		return lang.L("Not sent: an earlier action on this record was refused. Check the record, then retry, edit or discard.")
	default:
		msg = lang.L("The marketplace refused this action.")
	}
	if a.Reason != "" && a.ReasonCode != marketapi.ReasonAlreadyAccepted {
		msg += " (" + a.Reason + ")"
	}
	return msg
}

// outboxLine is one queued action as a line of text, with the rejection
// explained when there is one.
func outboxLine(a domain.Action, who string) (string, widget.Importance) {
	text := fmt.Sprintf("%s · %s · %s", kit.FormatDateTime(a.CreatedAt), ActionName(a.Name), ActionStateText(a.State))
	switch a.State {
	case domain.ActionRejected:
		return text + " — " + rejectionText(a, who), widget.DangerImportance
	case domain.ActionDone:
		return text, widget.SuccessImportance
	case domain.ActionDiscarded:
		return text, widget.LowImportance
	}
	return text, widget.WarningImportance
}

// OutboxView lists a record's queued actions, newest last, so the user sees
// at a glance whether what they did has reached the marketplace.
type OutboxView struct {
	title *widget.Label
	box   *fyne.Container
	// section is the title and the lines; it hides while there is nothing
	// queued, so records without actions show no empty heading.
	section *fyne.Container
	// amend, when bound (BindOutbox), retries, edits or discards an entry.
	amend func(domain.Action, Amend)
	// OnStop, when set, offers its choices under each action the traffic
	// cop held (outbox_stop.go).
	OnStop *StopChoices
}

// NewOutboxView makes an empty, hidden outbox section.
func NewOutboxView() *OutboxView {
	v := &OutboxView{title: SectionTitle(lang.L("Sent to the marketplace")), box: container.NewVBox()}
	v.section = container.NewVBox(widget.NewSeparator(), v.title, v.box)
	v.section.Hide()
	return v
}

// Set shows the actions; who names the current assignee for conflict texts.
func (v *OutboxView) Set(actions []domain.Action, who string) {
	objs := make([]fyne.CanvasObject, 0, len(actions))
	for _, a := range actions {
		text, imp := outboxLine(a, who)
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		objs = append(objs, l)
		if a.State == domain.ActionStopped {
			var ch StopChoices
			if v.OnStop != nil {
				ch = *v.OnStop
			}
			objs = append(objs, stopPrompt(a, ch))
		}
		if btns := v.amendButtons(a); btns != nil {
			objs = append(objs, btns)
		}
	}
	v.box.Objects = objs // set once: Add would lay the box out per line
	v.section.Hidden = len(objs) == 0
	v.box.Refresh()
}
