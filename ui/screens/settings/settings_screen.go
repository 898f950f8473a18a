package settings

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/ui/theme"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// Screen is Settings: accounts, sync intervals, notification rules,
// language, theme, agent name, quick replies and the data folder.
type Screen struct {
	s        Host
	accounts *accountsSection
	data     *dataSection
	scroll   *container.Scroll
	root     fyne.CanvasObject
}

func newSettingsScreen(s Host) *Screen {
	st := &Screen{s: s, accounts: newAccountsSection(s), data: newDataSection(s)}
	// Cards in one scroll rather than an accordion: every setting can be
	// found by scrolling, and nothing stretches to fill the window.
	cards := []fyne.CanvasObject{
		widget.NewCard(lang.L("Accounts"), "", st.accounts.root),
		widget.NewCard(lang.L("Sync"), "", st.syncSection()),
		widget.NewCard(lang.L("Notifications"), "", newNotifySection(s).root),
		widget.NewCard(lang.L("Appearance and language"), "", st.lookSection()),
	}
	if qr := quickRepliesSection(s); qr != nil { // settings_quickreplies.go
		cards = append(cards, widget.NewCard(lang.L("Quick replies"), "", qr))
	}
	cards = append(cards, widget.NewCard(lang.L("Data"), "", st.data.root)) // last: ShowData scrolls to the bottom
	st.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(cards...)))
	st.root = st.scroll
	return st
}

// Object implements screens.Screen.
func (st *Screen) Object() fyne.CanvasObject { return st.root }

// Reload implements screens.Screen: the account list and keyring state may change.
func (st *Screen) Reload() {
	st.accounts.reload()
	st.data.reload()
}

// Close implements screens.Screen.
func (st *Screen) Close() {}

// durationChoice is a select over fixed durations, labelled for people.
func durationChoice(choices []time.Duration, current time.Duration, changed func(time.Duration)) *widget.Select {
	labels := make([]string, len(choices))
	sel := 0
	for i, d := range choices {
		labels[i] = durationLabel(d)
		if d == current {
			sel = i
		}
	}
	w := widget.NewSelect(labels, nil)
	w.SetSelectedIndex(sel)
	w.OnChanged = func(string) { changed(choices[w.SelectedIndex()]) }
	return w
}

func durationLabel(d time.Duration) string {
	switch {
	case d < time.Minute:
		return lang.L("{{.N}} seconds", map[string]any{"N": int(d / time.Second)})
	case d < time.Hour:
		return lang.L("{{.N}} minutes", map[string]any{"N": int(d / time.Minute)})
	}
	return lang.L("{{.N}} hours", map[string]any{"N": int(d / time.Hour)})
}

func (st *Screen) syncSection() fyne.CanvasObject {
	p := st.s.Prefs()
	fast, slow, money := p.SyncFast(), p.SyncSlow(), p.SyncMoney()
	save := func() {
		p.SetSyncIntervals(fast, slow, money)
		st.s.ApplyPrefs()
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Tickets and interface alerts"), durationChoice(
			[]time.Duration{15 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute},
			fast, func(d time.Duration) { fast = d; save() })),
		widget.NewFormItem(lang.L("Orders, supervision, messages"), durationChoice(
			[]time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute},
			slow, func(d time.Duration) { slow = d; save() })),
		widget.NewFormItem(lang.L("Bills and transactions"), durationChoice(
			[]time.Duration{15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour},
			money, func(d time.Duration) { money = d; save() })),
	)
	hint := widget.NewLabel(lang.L("Ctrl+R syncs everything at once, whatever the interval."))
	hint.Importance = widget.LowImportance
	return container.NewVBox(form, hint)
}

func (st *Screen) lookSection() fyne.CanvasObject {
	p := st.s.Prefs()
	langs := []i18n.Language{i18n.System, i18n.Chinese, i18n.English}
	langLabels := []string{lang.L("Same as the system"), "中文", "English"}
	restart := widget.NewLabel(lang.L("The new language shows after a restart."))
	restart.Importance = widget.WarningImportance
	restart.Hide()
	langRadio := widget.NewRadioGroup(langLabels, nil)
	langRadio.Horizontal = true
	langRadio.SetSelected(langLabels[indexOf(langs, p.Language())])
	langRadio.OnChanged = func(v string) {
		p.SetLanguage(langs[indexOf(langLabels, v)])
		restart.Show()
	}
	modes := []theme.Mode{theme.System, theme.Light, theme.Dark}
	modeLabels := []string{lang.L("Same as the system"), lang.L("Light"), lang.L("Dark")}
	themeRadio := widget.NewRadioGroup(modeLabels, nil)
	themeRadio.Horizontal = true
	themeRadio.SetSelected(modeLabels[indexOf(modes, p.Theme())])
	themeRadio.OnChanged = func(v string) {
		m := modes[indexOf(modeLabels, v)]
		p.SetTheme(m)
		st.s.App().Settings().SetTheme(theme.New(m))
	}
	agent := widgets.NewEntry()
	agent.SetText(p.AgentName())
	agent.SetPlaceHolder(st.s.AgentName())
	agent.OnChanged = func(v string) { p.SetAgentName(v) }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Language"), container.NewVBox(langRadio, restart)),
		widget.NewFormItem(lang.L("Theme"), themeRadio),
		widget.NewFormItem(lang.L("My name on tickets"), agent),
	)
	return form
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return 0
}
