package shell

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
)

// showHealth shows what is wrong with the cache and when the next sync may
// go: records set aside and damaged actions (a click opens Settings →
// Data, which lists them), the server's wait, the offline backoff. A
// repair done at start-up is told once, in a dialog.
func (b *statusBar) showHealth(st backend.SyncState) {
	if text := healthText(st); text != "" {
		b.health.SetText(text)
		b.health.Show()
	} else {
		b.health.Hide()
	}
	if text := waitText(st); text != "" {
		b.wait.SetText(text)
		b.wait.Show()
	} else {
		b.wait.Hide()
	}
	if !b.toldAll {
		b.toldAll = true
		b.tellOtherRepairs()
	}
	if st.Repaired != nil {
		b.tellRepair(b.s.account, *st.Repaired)
	}
}

// tellOtherRepairs tells, once at start, the repairs of the accounts not
// shown: the poll reads only the shown one's state.
func (b *statusBar) tellOtherRepairs() {
	if b.s.b.State == nil {
		return
	}
	for _, a := range b.s.b.AccountList() {
		if a.ID == b.s.account {
			continue
		}
		if st := b.s.b.State(a.ID); st.Repaired != nil {
			b.tellRepair(a.ID, *st.Repaired)
		}
	}
}

func healthText(st backend.SyncState) string {
	switch {
	case st.SetAside > 0 && st.Damaged > 0:
		return lang.L("{{.N}} records set aside, {{.Damaged}} damaged actions", map[string]any{"N": st.SetAside, "Damaged": st.Damaged})
	case st.SetAside > 0:
		return lang.L("{{.N}} records set aside", map[string]any{"N": st.SetAside})
	case st.Damaged > 0:
		return lang.L("{{.N}} damaged actions not sent", map[string]any{"N": st.Damaged})
	}
	return ""
}

// waitText is the server's Retry-After first: it holds even when the
// network is back.
func waitText(st backend.SyncState) string {
	switch {
	case !st.Held.IsZero():
		return lang.L("Rate limited until {{.Time}}", map[string]any{"Time": clock(st.Held)})
	case !st.Offline.IsZero() && !st.Syncing:
		return lang.L("Next try at {{.Time}}", map[string]any{"Time": clock(st.Offline)})
	}
	return ""
}

// clock is a time of day in the zone the window shows dates in.
func clock(t time.Time) string { return t.In(kit.DisplayLocation()).Format("15:04") }

// tellRepair shows, once per repair and account, what a repair at
// start-up did.
func (b *statusBar) tellRepair(acct string, r backend.Repair) {
	if b.told == nil {
		b.told = map[string]backend.Repair{}
	}
	if told, ok := b.told[acct]; ok && told == r {
		return
	}
	b.told[acct] = r
	name := acct
	for _, a := range b.s.b.AccountList() {
		if a.ID == acct && a.Label != "" {
			name = a.Label
		}
	}
	showRepair(b.s.win, name, r)
}

// showDataSettings opens Settings at its Data section, which lists the
// records set aside and the damaged actions.
func (s *Shell) showDataSettings() {
	s.Show(ScreenSettings)
	if scr, ok := s.ScreenFor(ScreenSettings); ok {
		if d, ok := scr.(interface{ ShowData() }); ok {
			d.ShowData()
		}
	}
}

// showRepair is the dialog that says what a repair did and saved.
func showRepair(win fyne.Window, account string, r backend.Repair) {
	lines := kit.Paragraphs(append(kit.RepairLines(r), kit.RepairCause(r)))
	d := dialog.NewCustom(lang.L("The local data of {{.Account}} was repaired", map[string]any{"Account": account}), lang.L("OK"), lines, win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
