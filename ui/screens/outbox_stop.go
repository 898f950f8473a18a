package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
)

// StopChoices are what the agent may do with an action the traffic cop
// held (domain.ActionStopped). A nil Edit hides that choice.
type StopChoices struct {
	SendAnyway func(domain.Action)
	Edit       func(domain.Action)
	Discard    func(domain.Action)
}

// StoppedText says, in the user's language, why the action was held and
// what changed on the ticket meanwhile, one line per change.
func StoppedText(a domain.Action) string {
	lines := []string{lang.L("Not sent: the ticket changed since you opened it.")}
	for _, c := range a.Changes {
		lines = append(lines, "• "+SafeText(kit.InWindowLanguage(c.Label())))
	}
	return strings.Join(lines, "\n")
}

// stopPrompt is the held action's card: what changed and the three choices.
// Each button acts once: the card is rebuilt when the outbox is read again.
func stopPrompt(a domain.Action, ch StopChoices) fyne.CanvasObject {
	text := widget.NewLabel(StoppedText(a))
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	var buttons []fyne.CanvasObject
	once := func(label string, do func(domain.Action)) {
		if do == nil {
			return
		}
		buttons = append(buttons, widget.NewButton(label, func() {
			for _, o := range buttons {
				o.(*widget.Button).Disable()
			}
			do(a)
		}))
	}
	once(lang.L("Send anyway"), ch.SendAnyway)
	once(lang.L("Edit"), ch.Edit)
	once(lang.L("Discard"), ch.Discard)
	if len(buttons) > 0 {
		buttons[0].(*widget.Button).Importance = widget.HighImportance
	}
	return container.NewVBox(text, container.NewHBox(buttons...))
}

// SettleStop stores the agent's choice on a held action off Fyne's
// goroutine (send anyway or discard), wakes the sender for a send, then
// shows the record's outbox again.
func SettleStop(f *DetailFrame, b *Backend, a domain.Action, send bool, show func([]domain.Action)) {
	s := b.CurrentStore()
	if s == nil {
		f.ShowError(errNoStore)
		return
	}
	next := a.Discard()
	if send {
		next = a.SendAnyway()
	}
	f.Jobs.Run(func() func() {
		err := s.UpdateAction(next)
		if err == nil && send && b.SendOutbox != nil {
			b.SendOutbox()
		}
		acts := loadActions(s, a.Resource, a.RecordID)
		return func() {
			show(acts)
			f.ShowError(err)
		}
	})
}

// QueueSeenAction is QueueAction for an action the traffic cop checks:
// seen is what the agent had in front of them (domain.SeenOf), and done
// also hears whether the action was queued, so a pane can give back what
// was typed when not.
func QueueSeenAction(f *DetailFrame, b *Backend, res domain.Resource, id string, name domain.ActionName,
	p domain.ActionParams, seen *domain.Seen, done func([]domain.Action, error),
) {
	queueAction(f, b, res, id, name, p, seen, done)
}
