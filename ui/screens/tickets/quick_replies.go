package tickets

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// quickReplyKeys open the quick replies while the reply box has focus:
// Ctrl+K as in Zendesk and Superhuman, Ctrl+/ as in Freshdesk.
var quickReplyKeys = []desktop.CustomShortcut{
	{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault},
}

// bindQuickReplies gives the reply box its shortcuts and returns the button
// that opens the picker, nil when the backend has no library.
func (d *ticketDetail) bindQuickReplies() *widget.Button {
	if d.b.QuickReplies == nil {
		return nil
	}
	d.reply.Own = map[desktop.CustomShortcut]func(){}
	for _, k := range quickReplyKeys {
		d.reply.Own[k] = d.openQuickReplies
	}
	return widget.NewButton(lang.L("Quick replies…"), d.openQuickReplies)
}

// enableQuickReplies follows the reply box: no quick reply for a ticket
// that takes no reply.
func (d *ticketDetail) enableQuickReplies(on bool) {
	switch {
	case d.quick == nil:
	case on:
		d.quick.Enable()
	default:
		d.quick.Disable()
	}
}

// quickPicker is the open quick-reply dialog: a search over every reply
// the agent can insert, the hits as a list, the chosen one's text below.
type quickPicker struct {
	d       *ticketDetail
	index   *quickreply.Index
	hits    []quickreply.Entry
	search  *widgets.Entry
	list    *widget.List
	preview *widget.Label
	picked  int // index into hits of the highlighted row, -1 for none
	dlg     dialog.Dialog
}

// openQuickReplies shows the picker; a set that cannot be read is said and
// the others stay usable.
func (d *ticketDetail) openQuickReplies() {
	if d.b.QuickReplies == nil || d.reply.Disabled() {
		return
	}
	p := &quickPicker{d: d, search: widgets.NewEntry(), preview: widget.NewLabel("")}
	errs := p.reload()
	p.preview.Wrapping = fyne.TextWrapWord
	p.search.SetPlaceHolder(lang.L("Search title, category or text"))
	p.search.OnChanged = func(string) { p.filter() }
	p.search.OnSubmitted = func(string) { p.insertTop() }
	p.list = widget.NewList(func() int { return len(p.hits) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(screens.QuickReplyLine(p.hits[i]))
		})
	p.list.OnSelected = func(i widget.ListItemID) { p.picked = i; p.preview.SetText(p.hits[i].Text) }
	manage := widget.NewButton(lang.L("Manage personal replies…"), func() {
		screens.OpenQuickReplyManager(d.b.QuickReplies(), d.b.ParentWindow(), func() { p.reload(); p.filter() })
	})
	insert := widget.NewButton(lang.L("Insert"), p.insertSelected)
	insert.Importance = widget.HighImportance
	body := container.NewBorder(p.search, container.NewVBox(widget.NewSeparator(), p.preview,
		container.NewHBox(manage, insert)), nil, nil, p.list)
	p.dlg = dialog.NewCustom(lang.L("Quick replies"), lang.L("Close"), body, d.b.ParentWindow())
	d.picker = p
	p.dlg.SetOnClosed(func() { d.picker = nil })
	p.dlg.Resize(fyne.NewSize(640, 480))
	p.dlg.Show()
	p.filter()
	d.b.ParentWindow().Canvas().Focus(p.search)
	if len(errs) > 0 {
		kit.ShowError(errors.Join(errs...), d.b.ParentWindow())
	}
}

// reload reads the library afresh (after the manager changed it).
func (p *quickPicker) reload() []error {
	entries, errs := p.d.b.QuickReplies().List(string(i18n.Current()))
	p.index = quickreply.NewIndex(entries)
	return errs
}

func (p *quickPicker) filter() {
	p.hits = p.index.Search(p.search.Text)
	p.picked = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.preview.SetText("")
	if len(p.hits) > 0 {
		p.list.Select(0)
	}
}

// selected is the highlighted hit, if any.
func (p *quickPicker) selected() (quickreply.Entry, bool) {
	if p.picked < 0 || p.picked >= len(p.hits) {
		return quickreply.Entry{}, false
	}
	return p.hits[p.picked], true
}

func (p *quickPicker) insertSelected() {
	if e, ok := p.selected(); ok {
		p.choose(e)
	}
}

// insertTop inserts the best hit when the agent presses Enter in the search.
func (p *quickPicker) insertTop() {
	if e, ok := p.selected(); ok {
		p.choose(e)
	} else if len(p.hits) > 0 {
		p.choose(p.hits[0])
	}
}

// choose expands e for the ticket shown and inserts it; placeholders it
// cannot fill are shown to the agent first, who inserts anyway or goes back.
func (p *quickPicker) choose(e quickreply.Entry) {
	d := p.d
	x := quickreply.Expand(e.Text, quickreply.ValuesFor(d.view, d.b.AgentName()))
	if x.Complete() {
		p.dlg.Hide()
		d.insertAtCursor(x.Text)
		return
	}
	dialog.ShowConfirm(lang.L("Some variables cannot be filled"), unfilledText(x), func(ok bool) {
		if ok {
			p.dlg.Hide()
			d.insertAtCursor(x.Text)
		}
	}, d.b.ParentWindow())
}

// unfilledText says which placeholders will stay as written.
func unfilledText(x quickreply.Expansion) string {
	var lines []string
	if len(x.Unknown) > 0 {
		lines = append(lines, lang.L("Unknown variables: {{.Names}}", map[string]any{"Names": braces(x.Unknown)}))
	}
	if len(x.Missing) > 0 {
		lines = append(lines, lang.L("No value on this ticket: {{.Names}}", map[string]any{"Names": braces(x.Missing)}))
	}
	lines = append(lines, lang.L("They stay in the text as written. Insert anyway?"))
	return strings.Join(lines, "\n")
}

func braces(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, " ")
}

// insertAtCursor puts text where the reply box's cursor is and gives the
// box focus again.
func (d *ticketDetail) insertAtCursor(text string) {
	old := []rune(d.reply.Text)
	at := min(max(d.reply.CursorTextOffset(), 0), len(old))
	d.reply.SetText(string(old[:at]) + text + string(old[at:]))
	if w := d.b.ParentWindow(); w != nil {
		w.Canvas().Focus(d.reply)
	}
}
