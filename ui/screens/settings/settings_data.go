package settings

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
)

// maxListed bounds the set-aside and damaged entries Settings lists; the
// count says how many there are.
const maxListed = 10

// dataSection is Settings → Data: the data folder, the log file, and the
// current account's cache: what it set aside, its damaged actions, the
// check-and-repair and compact buttons.
type dataSection struct {
	s        Host
	setAside *widget.Label // count and reasons of the records set aside
	damaged  *widget.Label // quarantined outbox entries
	result   *widget.Label // the last check, repair or compact
	check    *widget.Button
	compact  *widget.Button
	root     fyne.CanvasObject
}

func newDataSection(s Host) *dataSection {
	d := &dataSection{s: s, setAside: wrapped(), damaged: wrapped(), result: wrapped()}
	b := s.Backend()
	d.check = widget.NewButton(lang.L("Check and repair"), d.checkAndRepair)
	if b.CheckAndRepair == nil {
		d.check.Disable()
	}
	d.compact = widget.NewButton(lang.L("Compact this account's cache"), d.runCompact)
	if b.Compact == nil {
		d.compact.Disable()
	}
	hint := wrapped()
	hint.Importance = widget.LowImportance
	hint.SetText(lang.L("Check and repair reads the whole cache; a damaged one is set aside and synced again, keeping the queued actions it can read. Compact only reclaims space."))
	dir := wrapped()
	dir.Wrapping = fyne.TextWrapBreak
	dir.SetText(b.DataDir)
	open := widget.NewButton(lang.L("Open folder"), func() {
		if err := s.App().OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(b.DataDir)}); err != nil {
			kit.ShowError(err, s.Window())
		}
	})
	moved := wrapped()
	moved.SetText(lang.L("The new folder is used after a restart; copy the old one's contents there first to keep your data."))
	moved.Importance = widget.WarningImportance
	moved.Hide()
	change := widget.NewButton(lang.L("Change…"), func() { d.chooseDataDir(dir, moved) })
	logFile := wrapped()
	logFile.Wrapping = fyne.TextWrapBreak
	logFile.SetText(b.LogFile)
	d.root = widget.NewForm(
		widget.NewFormItem(lang.L("Data folder"), container.NewVBox(
			container.NewBorder(nil, nil, nil, container.NewHBox(open, change), dir), moved)),
		widget.NewFormItem(lang.L("Log file"), logFile),
		widget.NewFormItem(lang.L("Set aside"), d.setAside),
		widget.NewFormItem(lang.L("Damaged actions"), d.damaged),
		widget.NewFormItem(lang.L("Cache"), container.NewVBox(container.NewHBox(d.check, d.compact), hint, d.result)),
		widget.NewFormItem(lang.L("Sync activity"), container.NewHBox(syncActivityButton(s))),
	)
	d.reload()
	return d
}

func wrapped() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// reload lists what the current account's cache set aside and quarantined.
// Both lists are small (a bucket each), so reading them here is quick.
func (d *dataSection) reload() {
	st := d.s.Backend().StoreOf(d.s.Account())
	if st == nil {
		d.setAside.SetText(lang.L("No cache is open for this account."))
		d.damaged.SetText("—")
		return
	}
	records, err := st.SetAsideRecords()
	d.setAside.SetText(listText(err, len(records), lang.L("No record was set aside: every record the marketplace sent could be stored."),
		func(i int) string { return records[i].String() }, func(n int) string {
			return lang.L("{{.N}} records the marketplace sent could not be stored and were set aside; a later version from the marketplace replaces them:", map[string]any{"N": n})
		}))
	actions, err := st.DamagedActions()
	d.damaged.SetText(listText(err, len(actions), lang.L("None: every queued action could be read."),
		func(i int) string { return actions[i].String() }, func(n int) string {
			return lang.L("{{.N}} queued actions were damaged on disk and were not sent; queue them again if they are still needed:", map[string]any{"N": n})
		}))
}

// listText is a count with up to maxListed lines, or what none means.
func listText(err error, n int, none string, line func(int) string, head func(int) string) string {
	switch {
	case err != nil:
		return kit.ErrorText(err)
	case n == 0:
		return none
	}
	lines := []string{head(n)}
	for i := 0; i < n && i < maxListed; i++ {
		lines = append(lines, "• "+line(i))
	}
	if n > maxListed {
		lines = append(lines, lang.L("… and {{.N}} more", map[string]any{"N": n - maxListed}))
	}
	return strings.Join(lines, "\n")
}

// checkAndRepair runs on a worker behind a progress dialog: reading the
// whole cache takes about a second per 100,000 records.
func (d *dataSection) checkAndRepair() {
	acct := d.s.Account()
	var rep *backend.Repair
	d.check.Disable()
	runWithProgress(d.s.Window(), lang.L("Checking this account's cache…"), func() error {
		var err error
		rep, err = d.s.Backend().CheckAndRepair(acct)
		return err
	}, func(err error) {
		d.check.Enable()
		d.showCheck(rep, err)
		d.reload()
	})
}

func (d *dataSection) showCheck(rep *backend.Repair, err error) {
	var lines []string
	if rep != nil {
		lines = append(kit.RepairLines(*rep), kit.RepairCause(*rep))
	}
	switch {
	case err != nil:
		lines = append(lines, kit.ErrorText(err))
	case rep == nil:
		lines = append(lines, lang.L("The cache reads back whole: nothing needed repair."))
	}
	d.result.SetText(strings.TrimSpace(strings.Join(lines, "\n")))
	// the section's foot may be out of sight: say it where it cannot be missed
	box := dialog.NewCustom(lang.L("Check and repair"), lang.L("OK"), kit.Paragraphs(lines), d.s.Window())
	box.Resize(fyne.NewSize(520, 0))
	box.Show()
}

// chooseDataDir saves another data folder; the caches move at next start
// because open caches cannot change file under a running sync.
func (d *dataSection) chooseDataDir(dir, moved *widget.Label) {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			kit.ShowError(err, d.s.Window())
			return
		}
		if u == nil {
			return // cancelled
		}
		d.s.Prefs().SetDataDir(u.Path())
		dir.SetText(u.Path())
		moved.Show()
	}, d.s.Window())
}

// runCompact runs off Fyne's goroutine: rewriting a large file takes seconds.
func (d *dataSection) runCompact() {
	acct := d.s.Account()
	d.compact.Disable()
	d.result.SetText(lang.L("Compacting…"))
	do := kit.Do
	go func() {
		start := time.Now()
		err := d.s.Backend().Compact(acct)
		took := time.Since(start).Round(time.Millisecond)
		do(func() {
			d.compact.Enable()
			if err != nil {
				d.result.SetText(kit.ErrorText(err))
				return
			}
			d.result.SetText(lang.L("Done in {{.Took}}.", map[string]any{"Took": fmt.Sprint(took)}))
		})
	}()
}

// ShowData scrolls Settings to its Data section (the status bar's
// set-aside count opens it) with fresh lists.
func (st *Screen) ShowData() {
	st.data.reload()
	st.scroll.ScrollToBottom()
}
