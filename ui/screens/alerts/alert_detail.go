package alerts

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// alertDetail shows one failed production-interface call: what failed, how
// often, what the seller's server answered, and the live countdown to the
// automatic unsubscription, with the restart button.
type alertDetail struct {
	b         *screens.Backend
	f         *screens.DetailFrame
	alert     domain.InterfaceAlert
	actions   []domain.Action
	countdown *widgets.Countdown
	facts     *fyne.Container
	delisting *widget.Label
	seller    *sellerLink
	root      fyne.CanvasObject
}

func newAlertDetail(b *screens.Backend) *alertDetail {
	d := &alertDetail{b: b, f: screens.NewDetailFrame(), countdown: widgets.NewCountdown(b.Time), facts: container.NewVBox(), delisting: newDelistingLine(), seller: newSellerLink()}
	d.root = d.f.Layout(d.seller.root, screens.SectionTitle(lang.L("Time left before automatic unsubscription")), d.countdown,
		screens.SectionTitle(lang.L("Delisting counter")), d.delisting, d.facts)
	screens.BindOutbox(d.f, b, func() { d.Load(d.alert) })
	return d
}

// Load shows a at once and refreshes it and its outbox from the store.
func (d *alertDetail) Load(a domain.InterfaceAlert) {
	if a.ID != d.alert.ID {
		d.delisting.Hide() // another alert's count must not show under this one
	}
	screens.LoadActionable(d.f, d.b.CurrentStore(), a, d.alert.ID, d.actions, d.show, d.delistingWork(a), d.sellerWork())
}

func (d *alertDetail) show(a domain.InterfaceAlert, actions []domain.Action) {
	d.alert, d.actions = a, actions
	d.f.Reveal()
	d.f.Title.SetText(screens.SafeText(a.ProductName) + " · " + kit.LabelInterface(a.Kind))
	d.f.Status.SetText(kit.LabelAlertState(a.State))
	if _, ok := a.Countdown(d.b.Time()); ok {
		d.countdown.SetDeadline(a.UnsubscribeAt)
		d.countdown.Start()
	} else {
		d.countdown.Stop()
		d.countdown.SetDeadline(time.Time{})
	}
	d.facts.Objects = []fyne.CanvasObject{alertFacts(a)}
	d.facts.Refresh()
	can := a.State.Open() && a.State != domain.AlertRestarting && !screens.HasPending(actions, domain.ActRestart)
	d.f.Buttons.Objects = []fyne.CanvasObject{screens.ActionButton(domain.ActRestart, can, d.restart)}
	d.f.Buttons.Refresh()
	d.f.Outbox.Set(actions, "")
	d.f.Relayout()
}

// alertFacts lists the call's details with the result code explained.
func alertFacts(a domain.InterfaceAlert) fyne.CanvasObject {
	return screens.KV(
		lang.L("Order"), a.OrderID+" "+a.OrderLineID,
		lang.L("Customer"), a.CustomerName,
		lang.L("Attempts"), strconv.Itoa(a.Attempts),
		lang.L("Last result code"), a.LastCode+" "+codeMeaning(a.LastCode),
		lang.L("Last message"), a.LastMessage,
		lang.L("First failure"), kit.FormatDateTime(a.FirstFailureAt),
		lang.L("Last attempt"), kit.FormatDateTime(a.LastAttemptAt),
		lang.L("Next automatic retry"), kit.FormatDateTime(a.NextRetryAt),
		lang.L("Automatic unsubscription"), kit.FormatDateTime(a.UnsubscribeAt),
	)
}

// codeMeaning explains a seller-server result code in the user's language.
func codeMeaning(code string) string {
	m, ok := domain.SellerResultCodes[code]
	if !ok {
		return lang.L("(unknown code: check your server's logs)")
	}
	return "(" + kit.LabelText(m) + ")"
}

func (d *alertDetail) restart() {
	id := d.alert.ID
	screens.QueueAction(d.f, d.b, domain.ResAlerts, id, domain.ActRestart, domain.ActionParams{}, func(acts []domain.Action) {
		if d.alert.ID == id {
			d.show(d.alert, acts)
		}
	})
}

// Close stops the countdown's ticking when the pane goes away.
func (d *alertDetail) Close() {
	d.countdown.Stop()
	d.f.Jobs.Wait()
}

func (d *alertDetail) Current() (domain.InterfaceAlert, bool) { return d.alert, d.alert.ID != "" }
func (d *alertDetail) Object() fyne.CanvasObject              { return d.root }

func (d *alertDetail) Reset() {
	d.countdown.Stop()
	d.alert, d.actions = domain.InterfaceAlert{}, nil
	d.f.Conceal()
}
