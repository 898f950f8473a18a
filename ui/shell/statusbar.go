package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
)

// statusBar shows the current account's sync state: online or offline, the
// last sync, a progress bar while syncing, the outbox and the last problem.
type statusBar struct {
	s        *Shell
	icon     *widget.Icon
	online   *widget.Label
	last     *widget.Label
	progress *widget.ProgressBar
	busy     *widget.ProgressBarInfinite
	outbox   *widget.Label
	problem  *widget.Label
	health   *widget.Button            // records set aside, damaged actions: opens Settings → Data
	wait     *widget.Label             // rate limited until, next try after offline
	told     map[string]backend.Repair // the start-up repair each account's dialog told
	toldAll  bool                      // the other accounts' repairs were looked for
	state    backend.SyncState
	root     fyne.CanvasObject
}

func newStatusBar(s *Shell) *statusBar {
	b := &statusBar{s: s, icon: widget.NewIcon(theme.MediaRecordIcon()),
		online: widget.NewLabel(""), last: widget.NewLabel(""), outbox: widget.NewLabel(""),
		progress: widget.NewProgressBar(), busy: widget.NewProgressBarInfinite(), problem: widget.NewLabel("")}
	b.health = widget.NewButtonWithIcon("", theme.WarningIcon(), s.showDataSettings)
	b.health.Importance = widget.LowImportance
	b.wait = widget.NewLabel("")
	b.problem.Importance = widget.DangerImportance
	b.problem.Truncation = fyne.TextTruncateEllipsis
	b.progress.Hide()
	b.busy.Hide()
	b.busy.Stop()
	bars := container.NewGridWrap(fyne.NewSize(160, b.progress.MinSize().Height), container.NewStack(b.progress, b.busy))
	left := container.NewHBox(b.icon, b.online, widget.NewSeparator(), b.last, bars, widget.NewSeparator(), b.outbox, b.health, b.wait)
	// the problem takes the width left, cut with an ellipsis: in an HBox it got its
	// minimum only, which an ellipsis label makes a bare "…"
	b.problem.Alignment = fyne.TextAlignTrailing
	b.root = container.NewBorder(nil, nil, left, nil, b.problem)
	b.set(backend.SyncState{Progress: -1})
	return b
}

func (b *statusBar) setAccount(id string) {
	if id == "" {
		b.set(backend.SyncState{Progress: -1})
		b.online.SetText(lang.L("No account"))
	}
}

// set shows a state; it is cheap to call every second with the same state.
func (b *statusBar) set(st backend.SyncState) {
	b.state = st
	switch {
	case st.Syncing:
		b.icon.SetResource(theme.NewPrimaryThemedResource(theme.ViewRefreshIcon()))
		b.online.SetText(lang.L("Syncing…"))
	case st.Online:
		b.icon.SetResource(theme.NewSuccessThemedResource(theme.MediaRecordIcon()))
		b.online.SetText(lang.L("Online"))
	default:
		b.icon.SetResource(theme.NewErrorThemedResource(theme.MediaRecordIcon()))
		b.online.SetText(offlineText(st.Cause))
	}
	b.last.SetText(lang.L("Last sync: {{.When}}", map[string]any{"When": kit.FormatAgo(st.LastSync, b.s.b.Time())}))
	b.showProgress(st)
	b.outbox.SetText(outboxText(st.Outbox))
	b.showHealth(st)
	if st.Problem != nil && (st.Online || st.Cause == syncer.CauseNone) { // offline, the reason is said on the left
		b.problem.SetText(kit.ErrorText(st.Problem))
		b.problem.Show()
	} else {
		b.problem.Hide()
	}
}

func (b *statusBar) showProgress(st backend.SyncState) {
	switch {
	case st.Syncing && st.Progress >= 0:
		b.busy.Stop()
		b.busy.Hide()
		b.progress.SetValue(st.Progress)
		b.progress.Show()
	case st.Syncing:
		b.progress.Hide()
		b.busy.Show()
		b.busy.Start()
	default:
		b.progress.Hide()
		b.busy.Stop()
		b.busy.Hide()
	}
}

func outboxText(n int) string {
	if n == 0 {
		return lang.L("Outbox empty")
	}
	return lang.L("{{.N}} actions waiting to be sent", map[string]any{"N": n})
}
