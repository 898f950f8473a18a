package exports

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// Kinds are the resources the reports package can export: every list
// the console shows, plus transaction details.
var Kinds = []domain.Resource{domain.ResOrders, domain.ResSupervision, domain.ResTickets,
	domain.ResAlerts, domain.ResBills, domain.ResTransactions}

// Screen asks the backend for report files and keeps their history,
// with open-file and open-folder buttons and a cancellable progress bar.
type Screen struct {
	b        *screens.Backend
	kind     *widget.Select
	from, to *widgets.DateField
	status   *widget.Select
	multi    []string // the statuses of the extra "several" entry, from a list's filter
	format   *widget.RadioGroup
	language *widget.Select
	dest     *destination
	start    *widget.Button
	cancel   *widget.Button
	progress *widget.ProgressBar
	message  *widget.Label
	history  []ExportEntry
	list     *widget.List
	noneYet  *widget.Label
	root     fyne.CanvasObject
	jobs     screens.Background
	stop     context.CancelFunc
}

// New builds the export form and loads the history.
func New(b *screens.Backend) *Screen {
	s := &Screen{b: b}
	s.buildForm()
	s.list = widget.NewList(func() int { return len(s.history) }, s.newHistoryRow, s.updateHistoryRow)
	s.noneYet = widget.NewLabel(lang.L("No exports yet. Files you export are listed here."))
	s.root = container.NewBorder(s.formBox(), nil, nil, nil,
		container.NewBorder(screens.SectionTitle(lang.L("Export history")), nil, nil, nil, container.NewStack(s.list, s.noneYet)))
	s.reloadHistory()
	return s
}

// Object is the screen's content.
func (s *Screen) Object() fyne.CanvasObject { return s.root }

func (s *Screen) buildForm() {
	s.kind = widget.NewSelect(kit.ResourceLabels(Kinds), func(string) { s.fillStatuses() })
	s.kind.SetSelectedIndex(0)
	now := s.b.Time()
	s.from, s.to = widgets.NewDateField(), widgets.NewDateField()
	first := now.AddDate(0, -1, 0)
	s.from.SetDate(&first)
	s.to.SetDate(&now)
	s.status = widget.NewSelect(nil, nil)
	s.fillStatuses()
	s.format = widget.NewRadioGroup([]string{"xlsx", "csv"}, nil)
	s.format.Horizontal = true
	s.format.SetSelected("xlsx")
	s.language = widget.NewSelect([]string{"中文", "English"}, nil)
	s.language.SetSelectedIndex(0)
	if !kit.Chinese() {
		s.language.SetSelectedIndex(1)
	}
	s.dest = newDestination(s.b.ParentWindow)
	s.start = widget.NewButton(lang.L("Export"), s.Start)
	s.start.Importance = widget.HighImportance
	s.cancel = widget.NewButton(lang.L("Cancel"), s.Cancel)
	s.cancel.Disable()
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
}

func (s *Screen) formBox() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("What"), s.kind),
		widget.NewFormItem(lang.L("From"), s.from),
		widget.NewFormItem(lang.L("To"), s.to),
		widget.NewFormItem(lang.L("Status"), s.status),
		widget.NewFormItem(lang.L("Format"), s.format),
		widget.NewFormItem(lang.L("Language"), s.language),
		widget.NewFormItem(lang.L("Save in"), s.dest.row),
	)
	return container.NewVBox(form, container.NewHBox(s.start, s.cancel), s.progress, s.message)
}

// fillStatuses offers the statuses of the chosen kind, plus "all".
func (s *Screen) fillStatuses() {
	if s.status == nil {
		return
	}
	opts := append([]string{lang.L("All")}, kit.StatusLabelsFor(s.selectedKind())...)
	s.multi = nil
	s.status.SetOptions(opts)
	s.status.SetSelectedIndex(0)
}

// Prefill sets the form to a list's kind and status filter (Ctrl+E on a
// list). Several statuses, as an overview card filters, become one extra
// entry naming them all. A kind reports cannot cover says so and leaves
// the form as it was.
func (s *Screen) Prefill(kind domain.Resource, statuses []string) {
	i := slices.Index(Kinds, kind)
	if i < 0 {
		s.message.SetText(lang.L("{{.Kind}} cannot be exported; exports cover orders, supervision, tickets, interface alerts, bills and transactions.",
			map[string]any{"Kind": kit.ResourceLabel(kind)}))
		return
	}
	s.message.SetText("")
	s.kind.SetSelectedIndex(i) // refills the statuses when the kind changes
	s.fillStatuses()
	codes := kit.StatusCodesFor(kind)
	switch {
	case len(statuses) == 1 && slices.Contains(codes, statuses[0]):
		s.status.SetSelectedIndex(slices.Index(codes, statuses[0]) + 1)
	case len(statuses) > 1:
		s.addMulti(kind, statuses)
	}
}

// addMulti appends and selects an entry for several statuses at once.
func (s *Screen) addMulti(kind domain.Resource, statuses []string) {
	labels := make([]string, len(statuses))
	for i, c := range statuses {
		labels[i] = kit.StatusLabel(kind, c)
	}
	opts := append(append([]string(nil), s.status.Options...), strings.Join(labels, " · "))
	s.status.SetOptions(opts)
	s.multi = append([]string(nil), statuses...)
	s.status.SetSelectedIndex(len(opts) - 1)
}

func (s *Screen) selectedKind() domain.Resource {
	if i := s.kind.SelectedIndex(); i >= 0 {
		return Kinds[i]
	}
	return domain.ResOrders
}

// Request reads the form; bad dates give a clear error and change nothing.
func (s *Screen) Request() (backend.ExportRequest, error) {
	from, to := s.from.Date, s.to.Date
	if from == nil || to == nil {
		return backend.ExportRequest{}, errors.New(lang.L("Enter both dates, as YYYY-MM-DD."))
	}
	if to.Before(*from) {
		return backend.ExportRequest{}, errors.New(lang.L("The end date is before the start date: choose a later end date."))
	}
	req := backend.ExportRequest{Kind: s.selectedKind(), Format: s.format.Selected, Language: "zh-Hans",
		From: dayStart(*from), To: dayStart(*to).AddDate(0, 0, 1).Add(-time.Nanosecond)}
	if s.language.SelectedIndex() == 1 {
		req.Language = "en"
	}
	codes := kit.StatusCodesFor(req.Kind)
	switch i := s.status.SelectedIndex(); {
	case i > len(codes) && s.multi != nil:
		req.Statuses = append([]string(nil), s.multi...)
	case i > 0 && i <= len(codes):
		req.Statuses = []string{codes[i-1]}
	}
	return req, nil
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, kit.DisplayLocation())
}

// Start runs the export on a worker; the progress bar follows it.
func (s *Screen) Start() {
	req, err := s.Request()
	if err != nil {
		s.message.SetText(err.Error())
		return
	}
	if s.b.Export == nil {
		s.message.SetText(lang.L("Exports are not available in this build."))
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	s.setRunning(true)
	dir := s.dest.dir
	s.jobs.Run(func() func() {
		defer cancel()
		path, err := s.b.Export(ctx, req, func(f float64) { kit.Do(func() { s.progress.SetValue(f) }) })
		if err == nil {
			path, err = moveInto(path, dir)
		}
		entry := ExportEntry{At: s.b.Time(), Kind: req.Kind, From: req.From, To: req.To, Format: req.Format, Path: path}
		if err != nil {
			entry.Error, entry.Canceled = err.Error(), errors.Is(err, context.Canceled)
		}
		saveErr := s.record(entry)
		return func() { s.finish(entry, saveErr) }
	})
}

// Cancel stops a running export; the backend removes its partial file.
func (s *Screen) Cancel() {
	if s.stop != nil {
		s.stop()
	}
}

func (s *Screen) setRunning(on bool) {
	if on {
		s.progress.SetValue(0)
		s.progress.Show()
		s.start.Disable()
		s.cancel.Enable()
		s.message.SetText(lang.L("Exporting…"))
		return
	}
	s.progress.Hide()
	s.start.Enable()
	s.cancel.Disable()
}

// record adds the entry to the history file; it runs on the worker.
func (s *Screen) record(e ExportEntry) error {
	h, err := loadExportHistory(s.b.DataDir)
	if err != nil {
		h = nil // a damaged history is replaced rather than blocking exports
	}
	return saveExportHistory(s.b.DataDir, append([]ExportEntry{e}, h...))
}

func (s *Screen) finish(e ExportEntry, saveErr error) {
	s.stop = nil
	s.setRunning(false)
	switch {
	case e.Canceled:
		s.message.SetText(lang.L("Export cancelled; no file was kept."))
	case e.Error != "":
		s.message.SetText(lang.L("The export failed: {{.Err}}", map[string]any{"Err": e.Error}))
	default:
		s.message.SetText(lang.L("Saved {{.Path}}", map[string]any{"Path": e.Path}))
	}
	if saveErr != nil {
		s.message.SetText(s.message.Text + "\n" + lang.L("The history could not be saved: {{.Err}}", map[string]any{"Err": saveErr.Error()}))
	}
	s.reloadHistory()
}

// reloadHistory reads the history file off Fyne's goroutine.
func (s *Screen) reloadHistory() {
	dir := s.b.DataDir
	s.jobs.Run(func() func() {
		h, err := loadExportHistory(dir)
		return func() {
			s.history = h
			s.noneYet.Hidden = len(h) > 0
			s.noneYet.Refresh()
			if err != nil {
				s.message.SetText(err.Error())
			}
			s.list.Refresh()
		}
	})
}

func (s *Screen) newHistoryRow() fyne.CanvasObject {
	open := widget.NewButton(lang.L("Open"), nil)
	folder := widget.NewButton(lang.L("Open folder"), nil)
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, container.NewHBox(open, folder), l)
}

func (s *Screen) updateHistoryRow(i widget.ListItemID, o fyne.CanvasObject) {
	e := s.history[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(historyText(e))
	btns := c.Objects[1].(*fyne.Container).Objects
	open, folder := btns[0].(*widget.Button), btns[1].(*widget.Button)
	open.OnTapped = func() { s.openPath(e.Path) }
	folder.OnTapped = func() { s.openPath(filepath.Dir(e.Path)) }
	if e.Path == "" || e.Error != "" {
		open.Disable()
		folder.Disable()
	} else {
		open.Enable()
		folder.Enable()
	}
}

func historyText(e ExportEntry) string {
	text := fmt.Sprintf("%s · %s · %s – %s · %s", kit.FormatDateTime(e.At), kit.ResourceLabel(e.Kind),
		kit.FormatDate(e.From), kit.FormatDate(e.To), e.Format)
	switch {
	case e.Canceled:
		return text + " · " + lang.L("cancelled")
	case e.Error != "":
		return text + " · " + lang.L("failed") + ": " + e.Error
	}
	return text + " · " + filepath.Base(e.Path)
}

// openPath hands a file or folder to the desktop; when nothing opens it
// the line under the form says so and what to do.
func (s *Screen) openPath(p string) {
	s.b.Open(p, func(err error) { s.message.SetText(err.Error()) })
}

// Reload re-reads the export history (another window may have exported).
func (s *Screen) Reload() { s.reloadHistory() }

// Export starts an export with the form as it is (Ctrl+E).
func (s *Screen) Export() { s.Start() }

// Close cancels a running export and waits for the worker to finish.
func (s *Screen) Close() {
	s.Cancel()
	s.jobs.Wait()
}

// Message is the line under the form: what the last export or pre-fill
// did, "" when there is nothing to say.
func (s *Screen) Message() string { return s.message.Text }
