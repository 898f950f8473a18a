package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
)

// alertDetail shows one failed production-interface call: what failed, how
// often, what the seller's server answered, and the live countdown to the
// automatic unsubscription, with the restart button.
type alertDetail struct {
	b         *ScreenBackend
	f         *detailFrame
	alert     domain.InterfaceAlert
	actions   []domain.Action
	countdown *Countdown
	facts     *fyne.Container
	root      fyne.CanvasObject
}

func newAlertDetail(b *ScreenBackend) *alertDetail {
	d := &alertDetail{b: b, f: newDetailFrame(), countdown: NewCountdown(b.now), facts: container.NewVBox()}
	d.root = d.f.layout(sectionTitle(lang.L("Time left before automatic unsubscription")), d.countdown, d.facts)
	return d
}

// load shows a at once and refreshes it and its outbox from the store.
func (d *alertDetail) load(a domain.InterfaceAlert) {
	loadActionable(d.f, d.b.store(), a, d.alert.ID, d.actions, d.show)
}

func (d *alertDetail) show(a domain.InterfaceAlert, actions []domain.Action) {
	d.alert, d.actions = a, actions
	d.f.reveal()
	d.f.title.SetText(safeText(a.ProductName) + " · " + labelInterface(a.Kind))
	d.f.status.SetText(labelAlertState(a.State))
	if _, ok := a.Countdown(d.b.now()); ok {
		d.countdown.SetDeadline(a.UnsubscribeAt)
		d.countdown.Start()
	} else {
		d.countdown.Stop()
		d.countdown.SetDeadline(time.Time{})
	}
	d.facts.Objects = []fyne.CanvasObject{alertFacts(a)}
	d.facts.Refresh()
	can := a.State.Open() && a.State != domain.AlertRestarting && !hasPending(actions, domain.ActRestart)
	d.f.buttons.Objects = []fyne.CanvasObject{actionButton(domain.ActRestart, can, d.restart)}
	d.f.buttons.Refresh()
	d.f.outbox.set(actions, "")
	d.f.relayout()
}

// alertFacts lists the call's details with the result code explained.
func alertFacts(a domain.InterfaceAlert) fyne.CanvasObject {
	return kv(
		lang.L("Order"), a.OrderID+" "+a.OrderLineID,
		lang.L("Customer"), a.CustomerName,
		lang.L("Attempts"), strconv.Itoa(a.Attempts),
		lang.L("Last result code"), a.LastCode+" "+codeMeaning(a.LastCode),
		lang.L("Last message"), a.LastMessage,
		lang.L("First failure"), FormatDateTime(a.FirstFailureAt),
		lang.L("Last attempt"), FormatDateTime(a.LastAttemptAt),
		lang.L("Next automatic retry"), FormatDateTime(a.NextRetryAt),
		lang.L("Automatic unsubscription"), FormatDateTime(a.UnsubscribeAt),
	)
}

// codeMeaning explains a seller-server result code in the user's language:
// the shared table holds "中文 / English".
func codeMeaning(code string) string {
	m, ok := domain.SellerResultCodes[code]
	if !ok {
		return lang.L("(unknown code: check your server's logs)")
	}
	return "(" + pickLanguage(m) + ")"
}

func (d *alertDetail) restart() {
	id := d.alert.ID
	queueAction(d.f, d.b, domain.ResAlerts, id, domain.ActRestart, domain.ActionParams{}, func(acts []domain.Action) {
		if d.alert.ID == id {
			d.show(d.alert, acts)
		}
	})
}

// close stops the countdown's ticking when the pane goes away.
func (d *alertDetail) close() {
	d.countdown.Stop()
	d.f.jobs.wait()
}

func (d *alertDetail) current() (domain.InterfaceAlert, bool) { return d.alert, d.alert.ID != "" }
func (d *alertDetail) object() fyne.CanvasObject              { return d.root }

func (d *alertDetail) reset() {
	d.countdown.Stop()
	d.alert, d.actions = domain.InterfaceAlert{}, nil
	d.f.conceal()
}
