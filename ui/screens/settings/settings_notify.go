package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// kindLabel is a notification rule in the user's words.
func kindLabel(k notify.Kind) string {
	switch k {
	case notify.KindAlertCountdown:
		return lang.L("A failed order is about to be unsubscribed")
	case notify.KindNewAlert:
		return lang.L("A production interface call failed")
	case notify.KindNewTicket:
		return lang.L("A customer opened a ticket")
	case notify.KindCustomerReplied:
		return lang.L("A customer replied on a ticket")
	case notify.KindTicketSLA:
		return lang.L("A ticket's SLA is about to run out")
	case notify.KindSupervisionWaiting:
		return lang.L("Service supervision waits on me")
	case notify.KindHardwareAccept:
		return lang.L("A hardware delivery is about to be accepted automatically")
	case notify.KindSupervision180:
		return lang.L("Supervision not accepted for 180 days")
	case notify.KindBillInvoice:
		return lang.L("A bill waits for my invoice")
	case notify.KindPaymentRejected:
		return lang.L("A payment application was rejected")
	case notify.KindNewOrder:
		return lang.L("A new order arrived")
	case notify.KindSyncFailing:
		return lang.L("Syncing keeps failing")
	case notify.KindMessageImportant:
		return lang.L("A message on an order failing to open, an unsubscription or overdue supervision")
	case notify.KindMessage:
		return lang.L("Any other message in the marketplace's message centre")
	}
	return string(k)
}

// notifySection edits notify.Settings: each rule's mode (off, badge only,
// popup, persistent until dismissed) and quiet hours. Every change is validated and saved at once.
type notifySection struct {
	s     Host
	set   notify.Settings
	msg   *widget.Label
	modes map[notify.Kind]*widget.Select // one per rule, for tests
	root  fyne.CanvasObject
}

func newNotifySection(s Host) *notifySection {
	n := &notifySection{s: s, set: s.Prefs().Notify(), msg: widget.NewLabel(""), modes: map[notify.Kind]*widget.Select{}}
	n.set.Lang = notify.LangEN
	if kit.Chinese() {
		n.set.Lang = notify.LangZH
	}
	n.msg.Importance = widget.DangerImportance
	n.msg.Hide()
	grid := container.NewGridWithColumns(2,
		widget.NewLabelWithStyle(lang.L("Event"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("How to tell me"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, k := range notify.AllKinds {
		n.addRule(grid, k)
	}
	n.root = container.NewVBox(grid, widget.NewSeparator(), n.quietRow(), n.msg)
	return n
}

// modeLabel is a notification mode in the user's words.
func modeLabel(m notify.Mode) string {
	switch m {
	case notify.ModeOff:
		return lang.L("Off")
	case notify.ModeBadge:
		return lang.L("Badge only")
	case notify.ModePopup:
		return lang.L("Popup")
	case notify.ModePersistent:
		return lang.L("Popup until dismissed")
	}
	return string(m)
}

func (n *notifySection) addRule(grid *fyne.Container, k notify.Kind) {
	labels := make([]string, len(notify.Modes))
	for i, m := range notify.Modes {
		labels[i] = modeLabel(m)
	}
	mode := widget.NewSelect(labels, nil)
	mode.SetSelected(modeLabel(n.set.Rule(k).Mode()))
	mode.OnChanged = func(string) {
		m := notify.Modes[mode.SelectedIndex()]
		n.update(k, func(r *notify.RuleSetting) { *r = r.WithMode(m) })
	}
	n.modes[k] = mode
	label := widget.NewLabel(kindLabel(k))
	label.Truncation = fyne.TextTruncateEllipsis
	grid.Add(label)
	grid.Add(mode)
}

func (n *notifySection) update(k notify.Kind, change func(*notify.RuleSetting)) {
	r := n.set.Rule(k)
	change(&r)
	if n.set.Rules == nil {
		n.set.Rules = map[notify.Kind]notify.RuleSetting{}
	}
	n.set.Rules[k] = r
	n.save()
}

func (n *notifySection) quietRow() fyne.CanvasObject {
	on := widget.NewCheck(lang.L("Quiet hours: only urgent popups between"), nil)
	on.SetChecked(n.set.Quiet.On)
	start, end := widgets.NewEntry(), widgets.NewEntry()
	start.SetText(n.set.Quiet.Start)
	end.SetText(n.set.Quiet.End)
	on.OnChanged = func(v bool) { n.set.Quiet.On = v; n.save() }
	start.OnChanged = func(v string) { n.set.Quiet.Start = v; n.save() }
	end.OnChanged = func(v string) { n.set.Quiet.End = v; n.save() }
	size := fyne.NewSize(80, start.MinSize().Height)
	return container.NewHBox(on, container.NewGridWrap(size, start), widget.NewLabel(lang.L("and")), container.NewGridWrap(size, end))
}

// save keeps a valid setting and says what is wrong with an invalid one
// (a half-typed "22:" while typing); nothing is lost either way.
func (n *notifySection) save() {
	if err := n.s.Prefs().SetNotify(n.set); err != nil {
		n.msg.SetText(lang.L("Not saved yet: times are written as HH:MM, e.g. 22:00."))
		n.msg.Show()
		return
	}
	n.msg.Hide()
	n.s.ApplyPrefs()
}
