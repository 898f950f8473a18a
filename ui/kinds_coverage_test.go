package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/syncer"
)

func TestEveryStatusHasAWindowLabelInBothLanguages(t *testing.T) {
	for _, l := range []Language{LangChinese, LangEnglish} {
		// given the window in one language
		require.NoError(t, ApplyLanguage(l))
		for _, k := range domain.Kinds() {
			// then every kind and status reads in the domain's words for it
			assert.Equal(t, k.Label.Pick(l == LangEnglish), resourceLabel(k.Resource))
			for _, st := range k.Statuses {
				got := statusLabel(k.Resource, st.Code)
				assert.Equal(t, st.Label.Pick(l == LangEnglish), got, "%s %s in %s", k.Resource, st.Code, l)
				assert.NotEqual(t, st.Code, got, "%s %s shows its code", k.Resource, st.Code)
			}
		}
	}
	require.NoError(t, ApplyLanguage(LangEnglish))
}

func TestOrderTypesReadAsInTheExports(t *testing.T) {
	// given the window in English
	require.NoError(t, ApplyLanguage(LangEnglish))

	// then every order type (a changed order once read "Change" here and
	// "Change/upgrade" in the exports) and charging mode says what the
	// exports say
	for _, ot := range domain.OrderTypes {
		assert.Equal(t, reports.OrderTypeLabels.Get(reports.LangEN, string(ot)), labelOrderType(ot), ot)
	}
	for _, m := range domain.ChargingModes {
		assert.Equal(t, reports.ChargingModeLabels.Get(reports.LangEN, string(m)), labelChargingMode(m), m)
	}
}

func TestPrefsDefaultIntervalsAreTheSchedulers(t *testing.T) {
	// given preferences nobody has touched
	p := NewPrefs(test.NewTempApp(t).Preferences())

	// then the window hands the scheduler exactly the scheduler's defaults
	assert.Equal(t, syncer.DefaultIntervals, p.SyncIntervals())
}

// enabledActions lists the enabled action buttons of a detail pane.
func enabledActions(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && !b.Disabled() {
			out = append(out, b.Text)
		}
	}
	return out
}

func actionNames(acts []domain.ActionName) []string {
	out := []string{}
	for _, a := range acts {
		out = append(out, actionName(a))
	}
	return out
}

func TestSupervisionDetail_OffersWhatTheDomainAllowsAtEveryNode(t *testing.T) {
	s := newFixtureStore(t)
	d := newSupervisionDetail(newFixtureBackend(t, s))
	newTestWindow(t, d.root)
	for _, pk := range domain.ProductKinds {
		for _, n := range domain.FlowFor(pk) {
			// given a task of each product kind at each node of its flow
			task := fixtureTask("S1", pk, n)

			// when shown
			d.show(task, nil)

			// then the enabled buttons are exactly the domain's actions (so a
			// License requirement offers no rejection, which the marketplace refuses)
			assert.ElementsMatch(t, actionNames(domain.Actions(task)), enabledActions(d.f.buttons.Objects), "%s at %s", pk, n)
		}
	}
}

func TestTicketDetail_EnablesWhatTheDomainAllowsInEveryStatus(t *testing.T) {
	s := newFixtureStore(t)
	d := newTicketDetail(newFixtureBackend(t, s))
	newTestWindow(t, d.root)
	for _, st := range domain.TicketStatuses {
		// given a ticket in each status
		tk := fixtureTicket("T1", "无法登录", st)

		// when shown
		d.show(tk, nil)

		// then the buttons and the reply box follow the domain (no reply
		// while the customer confirms the result, as the marketplace refuses it)
		want := slices.DeleteFunc(domain.Actions(tk), func(a domain.ActionName) bool { return a == domain.ActTicketReply })
		assert.ElementsMatch(t, actionNames(want), enabledActions(d.f.buttons.Objects), st)
		assert.Equal(t, domain.Allows(tk, domain.ActTicketReply), !d.reply.Disabled(), "reply box in %s", st)
		assert.Equal(t, domain.Allows(tk, domain.ActTicketReply), !d.send.Disabled(), "send button in %s", st)
	}
}

func TestAlertDetail_OffersRestartWhereTheDomainAllowsIt(t *testing.T) {
	s := newFixtureStore(t)
	d := newAlertDetail(newFixtureBackend(t, s))
	newTestWindow(t, d.root)
	for _, st := range domain.AlertStates {
		// given an alert in each state
		a := fixtureAlert("A1", st, time.Hour)

		// when shown
		d.show(a, nil)

		// then restart is on exactly where the marketplace takes it
		assert.ElementsMatch(t, actionNames(domain.Actions(a)), enabledActions(d.f.buttons.Objects), st)
	}
}
