package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// replyManager edits the agent's personal quick replies and moves them in
// and out as JSON files; shared and example sets are read-only here.
type replyManager struct {
	lib     *quickreply.Library
	win     fyne.Window
	replies []quickreply.Reply
	list    *widget.List
	empty   *widget.Label // said instead of an empty list
	picked  int
	changed func() // the picker reloads
}

// OpenQuickReplyManager shows the personal quick replies of lib over win:
// add, edit, delete, import and export. The reply box's picker and Settings
// open this same dialog; changed (may be nil) runs after each saved change,
// so an open picker lists it at once.
func OpenQuickReplyManager(lib *quickreply.Library, win fyne.Window, changed func()) {
	if changed == nil {
		changed = func() {}
	}
	m := &replyManager{lib: lib, win: win, picked: -1, changed: changed}
	m.list = widget.NewList(func() int { return len(m.replies) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(QuickReplyLine(quickreply.Entry{Reply: m.replies[i], Scope: quickreply.ScopePersonal}))
		})
	m.list.OnSelected = func(i widget.ListItemID) { m.picked = i }
	m.empty = widget.NewLabel(lang.L("No personal replies yet: add one, or import a JSON file. Shared sets and the examples are offered in the reply box as they are."))
	m.empty.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(
		widget.NewButton(lang.L("Add"), func() { m.edit(quickreply.Reply{}) }),
		widget.NewButton(lang.L("Edit"), func() { m.withPicked(m.edit) }),
		widget.NewButton(lang.L("Delete"), func() { m.withPicked(m.remove) }),
		widget.NewButton(lang.L("Import JSON…"), m.importFile),
		widget.NewButton(lang.L("Export JSON…"), m.exportFile))
	dlg := dialog.NewCustom(lang.L("Personal quick replies"), lang.L("Close"),
		container.NewBorder(nil, buttons, nil, nil, container.NewStack(m.list, container.NewVBox(m.empty))), m.win)
	dlg.Resize(fyne.NewSize(640, 440))
	m.load()
	dlg.Show()
}

// QuickReplyLine is one reply as a list row: title, category and its set.
func QuickReplyLine(e quickreply.Entry) string {
	parts := []string{e.Title}
	if e.Category != "" {
		parts = append(parts, e.Category)
	}
	return strings.Join(append(parts, quickReplyScope(e)), " · ")
}

func quickReplyScope(e quickreply.Entry) string {
	switch e.Scope {
	case quickreply.ScopePersonal:
		return lang.L("Personal")
	case quickreply.ScopeShared:
		return lang.L("Shared: {{.Set}}", map[string]any{"Set": e.Source})
	}
	return lang.L("Example")
}

func (m *replyManager) load() {
	rs, err := m.lib.Personal()
	if err != nil {
		kit.ShowError(err, m.win)
	}
	m.replies, m.picked = rs, -1
	if len(rs) > 0 {
		m.empty.Hide()
	} else {
		m.empty.Show()
	}
	m.list.UnselectAll()
	m.list.Refresh()
}

func (m *replyManager) withPicked(do func(quickreply.Reply)) {
	if m.picked >= 0 && m.picked < len(m.replies) {
		do(m.replies[m.picked])
	}
}

// done reloads after a change, or says why it was refused (nothing lost:
// the library writes nothing it refuses).
func (m *replyManager) done(err error) {
	if err != nil {
		kit.ShowError(err, m.win)
		return
	}
	m.load()
	m.changed()
}

// edit asks for a reply's title, category and text; an empty ID adds one.
func (m *replyManager) edit(r quickreply.Reply) {
	title, cat, text := widgets.NewEntry(), widgets.NewEntry(), widgets.NewMultiLineEntry()
	title.SetText(r.Title)
	cat.SetText(r.Category)
	text.SetText(r.Text)
	title.Validator, text.Validator = kit.RequiredText, kit.RequiredText
	text.SetPlaceHolder("{customer} {order} {product} {agent}")
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Category"), cat),
		widget.NewFormItem(lang.L("Text"), text)}
	dlg := dialog.NewForm(lang.L("Quick reply"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		r.Title, r.Category, r.Text = title.Text, cat.Text, text.Text
		if r.ID == "" {
			_, err := m.lib.Add(r)
			m.done(err)
			return
		}
		m.done(m.lib.Update(r))
	}, m.win)
	dlg.Resize(fyne.NewSize(560, 360))
	dlg.Show()
}

func (m *replyManager) remove(r quickreply.Reply) {
	dialog.ShowConfirm(lang.L("Delete quick reply"), lang.L("Delete “{{.Title}}”?", map[string]any{"Title": r.Title}),
		func(ok bool) {
			if ok {
				m.done(m.lib.Delete(r.ID))
			}
		}, m.win)
}

// importFile merges a JSON file into the personal set, keeping the agent's
// own text where a reply of the same title differs.
func (m *replyManager) importFile() {
	dialog.ShowFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			m.failed(err)
			return
		}
		path := rc.URI().Path()
		_ = rc.Close()
		_, err = m.lib.ImportPersonal(path, quickreply.KeepMine)
		m.done(err)
	}, m.win)
}

func (m *replyManager) exportFile() {
	dialog.ShowFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			m.failed(err)
			return
		}
		path := wc.URI().Path()
		_ = wc.Close()
		_, err = m.lib.ExportPersonal(path, lang.L("Personal quick replies"))
		if err != nil {
			kit.ShowError(err, m.win)
		}
	}, m.win)
}

func (m *replyManager) failed(err error) {
	if err != nil {
		kit.ShowError(err, m.win)
	}
}
