package supervision

import (
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

// rulesSection is the marketplace's rules as they stand for the shown flow:
// why the merchant may or may not appeal (and from when), and the live
// countdowns to the 180-day unaccepted warning and to a hardware delivery's
// automatic acceptance. A countdown that does not apply is hidden.
type rulesSection struct {
	appeal     *widget.Label
	warning    *widgets.Countdown
	autoAccept *widgets.Countdown
	warnRow    *fyne.Container
	acceptRow  *fyne.Container
	root       *fyne.Container
}

func newRulesSection(now func() time.Time) *rulesSection {
	r := &rulesSection{appeal: widget.NewLabel(""), warning: widgets.NewCountdown(now), autoAccept: widgets.NewCountdown(now)}
	r.appeal.Wrapping = fyne.TextWrapWord
	r.warnRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Unaccepted warning in")), nil, r.warning)
	r.acceptRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Automatic acceptance in")), nil, r.autoAccept)
	r.root = container.NewVBox(screens.SectionTitle(lang.L("Marketplace rules")), r.appeal, r.warnRow, r.acceptRow)
	return r
}

// show applies the rules to t at now and returns the appeal rule, which
// the appeal button follows.
func (r *rulesSection) show(t domain.SupervisionTask, now time.Time) domain.MerchantAppealRule {
	rule := domain.MerchantAppeal(t, now)
	r.appeal.SetText(appealRuleText(rule))
	r.appeal.Importance = widget.MediumImportance
	if rule.Allowed {
		r.appeal.Importance = widget.SuccessImportance
	}
	r.appeal.Refresh()
	showCountdown(r.warnRow, r.warning, domain.UnacceptedWarningCountdown(t, now))
	showCountdown(r.acceptRow, r.autoAccept, domain.AutoAcceptCountdown(t, now))
	return rule
}

// appealRuleText is the rule's reason and, when the appeal is or will be
// allowed at a known time, that time.
func appealRuleText(rule domain.MerchantAppealRule) string {
	text := kit.InWindowLanguage(rule.Reason)
	switch {
	case rule.At.IsZero():
	case rule.Allowed:
		text += " · " + lang.L("Appeal allowed since {{.At}}", map[string]any{"At": kit.FormatDateTime(rule.At)})
	default:
		text += " · " + lang.L("Appeal allowed from {{.At}}", map[string]any{"At": kit.FormatDateTime(rule.At)})
	}
	return text
}

func showCountdown(row *fyne.Container, cd *widgets.Countdown, c domain.Countdown) {
	if !c.Running {
		cd.Stop()
		cd.SetDeadline(time.Time{})
		row.Hide()
		return
	}
	cd.SetDeadline(c.Deadline)
	cd.Start()
	row.Show()
}

// stop ends the countdowns' ticking.
func (r *rulesSection) stop() {
	r.warning.Stop()
	r.autoAccept.Stop()
}
