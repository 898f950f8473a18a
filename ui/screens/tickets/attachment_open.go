package tickets

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// prefLastAttachmentFolder remembers the folder chosen for "Save…".
const prefLastAttachmentFolder = "attachments.lastFolder"

// chooseFolder asks the user for a folder and hands it to done ("" is
// cancelled). A variable so a widget test can answer for the dialog.
var chooseFolder = func(w fyne.Window, start string, done func(dir string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			done("")
			return
		}
		done(u.Path())
	}, w)
	if start != "" {
		if l, err := storageListable(start); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

// attachmentRow is one attachment: its name, readable type and size, with
// Save… and Open when the backend can download, and a bar while it does.
type attachmentRow struct {
	d        *ticketDetail
	ticketID string
	a        domain.Attachment
	save     *widget.Button
	open     *widget.Button
	busy     *widget.ProgressBarInfinite
	status   *widget.Label
	row      fyne.CanvasObject
}

func (d *ticketDetail) attachmentRow(ticketID string, a domain.Attachment) *attachmentRow {
	r := &attachmentRow{d: d, ticketID: ticketID, a: a, busy: widget.NewProgressBarInfinite(), status: widget.NewLabel("")}
	label := screens.WrapLabel(fmt.Sprintf("📎 %s (%s, %s)", a.Name, fileKind(a.MIME, a.Name), humanSize(a.Size)))
	r.busy.Stop()
	r.busy.Hide()
	r.status.Wrapping = fyne.TextWrapWord
	r.status.Hide()
	if d.b.SaveAttachment == nil {
		r.row = label
		return r
	}
	r.save = widget.NewButton(lang.L("Save…"), r.pickAndSave)
	r.open = widget.NewButton(lang.L("Open"), r.saveAndOpen)
	r.row = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(r.save, r.open), label), r.busy, r.status)
	return r
}

func (r *attachmentRow) pickAndSave() {
	prefs := fyne.CurrentApp().Preferences()
	chooseFolder(r.d.b.ParentWindow(), prefs.String(prefLastAttachmentFolder), func(dir string) {
		if dir == "" {
			return
		}
		prefs.SetString(prefLastAttachmentFolder, dir)
		r.download(dir, func(path string) {
			r.say(lang.L("Saved to {{.Path}}", map[string]any{"Path": path}))
		})
	})
}

// saveAndOpen keeps the file in the account's attachments folder and hands
// it to the desktop, which reports in the window when nothing opens its type.
func (r *attachmentRow) saveAndOpen() {
	r.download("", func(path string) {
		r.say(lang.L("Saved to {{.Path}}", map[string]any{"Path": path}))
		r.d.b.Open(path, func(err error) { r.say(err.Error()) })
	})
}

// download runs off Fyne's goroutine with the buttons disabled and a bar
// running; done gets the file's path on Fyne's goroutine.
func (r *attachmentRow) download(dir string, done func(path string)) {
	r.save.Disable()
	r.open.Disable()
	r.status.Hide()
	r.busy.Show()
	r.busy.Start()
	r.d.f.Jobs.Run(func() func() {
		path, err := r.d.b.SaveAttachment(context.Background(), r.ticketID, r.a.ID, dir)
		return func() {
			r.busy.Stop()
			r.busy.Hide()
			r.save.Enable()
			r.open.Enable()
			if err != nil {
				r.fail(err)
				return
			}
			done(path)
		}
	})
}

func (r *attachmentRow) say(msg string) {
	r.status.SetText(msg)
	r.status.Show()
}

func (r *attachmentRow) fail(err error) {
	if errors.Is(err, syncer.ErrAttachmentTooLarge) {
		r.say(lang.L("{{.Name}} is larger than 50 MB, more than the console downloads: open it in the seller center.", map[string]any{"Name": r.a.Name}))
		return
	}
	r.say(lang.L("{{.Name}} could not be downloaded: {{.Err}}", map[string]any{"Name": r.a.Name, "Err": kit.ErrorText(err)}))
}

func storageListable(dir string) (fyne.ListableURI, error) {
	return storage.ListerForURI(storage.NewFileURI(dir))
}
