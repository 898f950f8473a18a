package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
)

// batchBar acts on the records picked in a list (Ctrl/Shift-click): it
// exports exactly them and, on the tickets list, accepts those that can
// still be accepted. It shows from two picks on; one pick is the detail
// pane's business.
type batchBar struct {
	b      *Backend
	res    domain.Resource
	picked []domain.Record
	count  *widget.Label
	result *widget.Label
	accept *widget.Button
	export *widget.Button
	root   *fyne.Container
	jobs   *Background
}

func newBatchBar(b *Backend, res domain.Resource, jobs *Background) *batchBar {
	bar := &batchBar{b: b, res: res, count: widget.NewLabel(""), result: widget.NewLabel(""), jobs: jobs}
	bar.result.Wrapping = fyne.TextWrapWord
	bar.accept = widget.NewButton(lang.L("Accept selected"), bar.acceptAll)
	bar.export = widget.NewButton(lang.L("Export selection"), bar.exportAll)
	if res != domain.ResTickets {
		bar.accept.Hide()
	}
	if b.Export == nil {
		bar.export.Hide()
	}
	bar.root = container.NewVBox(container.NewHBox(bar.count, bar.accept, bar.export), bar.result)
	bar.root.Hide()
	return bar
}

// set shows the picks; called by the list whenever they change.
func (bar *batchBar) set(picked []domain.Record) {
	bar.picked = picked
	bar.count.SetText(lang.L("{{.N}} selected", map[string]any{"N": len(picked)}))
	bar.accept.Disable()
	if len(bar.acceptable()) > 0 {
		bar.accept.Enable()
	}
	bar.result.Hide()
	bar.root.Hidden = len(picked) < 2
	bar.root.Refresh()
}

// acceptable are the picked tickets the domain lets the merchant accept now.
func (bar *batchBar) acceptable() []domain.Record {
	var out []domain.Record
	for _, r := range bar.picked {
		if domain.Allows(r, domain.ActTicketAccept) {
			out = append(out, r)
		}
	}
	return out
}

// acceptAll queues one accept per acceptable picked ticket, off Fyne's
// goroutine, and says how many went to the outbox.
func (bar *batchBar) acceptAll() {
	recs := bar.acceptable()
	var acts []domain.Action
	for _, r := range recs {
		a, _, err := bar.b.newAction(bar.res, r.RecordMeta().ID, domain.ActTicketAccept, domain.ActionParams{})
		if err != nil {
			bar.say(err, 0)
			return
		}
		acts = append(acts, a)
	}
	s := bar.b.CurrentStore()
	bar.accept.Disable()
	bar.jobs.Run(func() func() {
		var errs []error
		for _, a := range acts {
			errs = append(errs, bar.b.submit(s, a))
		}
		err := errors.Join(errs...)
		return func() { bar.say(err, len(acts)) }
	})
}

func (bar *batchBar) say(err error, n int) {
	if err != nil {
		bar.result.SetText(kit.ErrorText(err))
		bar.result.Importance = widget.DangerImportance
	} else {
		bar.result.SetText(lang.L("{{.N}} accepts are in the outbox.", map[string]any{"N": n}))
		bar.result.Importance = widget.SuccessImportance
	}
	bar.result.Show()
	bar.result.Refresh()
}

// exportAll writes exactly the picked records to a report.
func (bar *batchBar) exportAll() {
	req := backend.ExportRequest{Kind: bar.res, Format: "xlsx", Language: string(i18n.Current()), IDs: make([]string, len(bar.picked))}
	for i, r := range bar.picked {
		req.IDs[i] = r.RecordMeta().ID
	}
	bar.export.Disable()
	bar.jobs.Run(func() func() {
		path, err := bar.b.Export(context.Background(), req, nil)
		return func() {
			bar.export.Enable()
			if err != nil {
				bar.say(err, 0)
				return
			}
			bar.result.SetText(lang.L("Exported to {{.Path}}", map[string]any{"Path": path}))
			bar.result.Importance = widget.SuccessImportance
			bar.result.Show()
			bar.result.Refresh()
		}
	})
}

// records widens a list's picks to records.
func records[T domain.Record](picked []T) []domain.Record {
	out := make([]domain.Record, len(picked))
	for i, r := range picked {
		out[i] = r
	}
	return out
}
