package shell

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/assets"
	"github.com/koogallery/merchant-console/ui/backend"
)

// navList is the left-hand navigation with a to-do badge per screen.
type navList struct {
	s     *Shell
	list  *widget.List
	root  fyne.CanvasObject
	quiet bool
}

func newNavList(s *Shell) *navList {
	n := &navList{s: s}
	n.list = widget.NewList(
		func() int { return len(AllScreens) },
		newNavItem,
		n.update,
	)
	n.list.OnSelected = func(i widget.ListItemID) {
		if !n.quiet {
			s.Show(AllScreens[i])
		}
	}
	n.root = withMinWidth(n.list, 210)
	return n
}

func newNavItem() fyne.CanvasObject {
	badge := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	badge.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.HomeIcon()), badge, widget.NewLabel(""))
}

func (n *navList) update(i widget.ListItemID, o fyne.CanvasObject) {
	id := AllScreens[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(id.Title())
	c.Objects[1].(*widget.Icon).SetResource(id.Icon())
	badge := c.Objects[2].(*widget.Label)
	if k := n.s.badge(id); k > 0 {
		badge.SetText(strconv.Itoa(k))
	} else {
		badge.SetText("")
	}
}

func (n *navList) selectQuietly(id ScreenID) {
	n.quiet = true
	n.list.Select(int(id))
	n.quiet = false
}

func (n *navList) refresh() { n.list.Refresh() }

// accountBar is the header: the product, the account switcher with to-do
// counts, the combined to-do count and "sync now".
type accountBar struct {
	s        *Shell
	switcher *widget.Select
	ids      []string
	total    *widget.Label
	root     fyne.CanvasObject
}

// accountSwitcherWidth leaves the header narrow enough for a 1024-px
// window in English; long account names are cut with an ellipsis.
const accountSwitcherWidth = 240

func newAccountBar(s *Shell) *accountBar {
	a := &accountBar{s: s, total: widget.NewLabel("")}
	a.switcher = widget.NewSelect(nil, a.chosen)
	a.switcher.PlaceHolder = lang.L("No account")
	logo := canvas.NewImageFromResource(assets.Icon)
	logo.SetMinSize(fyne.NewSize(28, 28))
	logo.FillMode = canvas.ImageFillContain
	title := widget.NewLabelWithStyle(lang.L("KooGallery Merchant Console"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sync := widget.NewButtonWithIcon(lang.L("Sync now"), theme.ViewRefreshIcon(), s.SyncNow)
	account := container.NewHBox(widget.NewLabel(lang.L("Account")), container.NewGridWrap(fyne.NewSize(accountSwitcherWidth, a.switcher.MinSize().Height), a.switcher))
	a.root = container.NewHBox(logo, title, layout.NewSpacer(), account, a.total, sync, s.centre.bell)
	return a
}

func (a *accountBar) chosen(string) {
	i := a.switcher.SelectedIndex()
	if i >= 0 && i < len(a.ids) {
		a.s.SwitchAccount(a.ids[i])
	}
}

// refresh rebuilds the switcher's entries with each account's to-do count.
func (a *accountBar) refresh() {
	accts := a.s.b.AccountList()
	a.ids = a.ids[:0]
	opts := make([]string, 0, len(accts))
	sel, total := -1, 0
	for i, acc := range accts {
		a.ids = append(a.ids, acc.ID)
		todo := a.s.todo[acc.ID].total()
		total += todo
		opts = append(opts, switcherTitle(acc, a.s.todo[acc.ID]))
		if acc.ID == a.s.account {
			sel = i
		}
	}
	a.switcher.OnChanged = nil // rebuilding the list is not a choice
	a.switcher.SetOptions(opts)
	if sel >= 0 {
		a.switcher.SetSelectedIndex(sel)
	}
	a.switcher.OnChanged = a.chosen
	a.total.SetText(lang.L("To do in all accounts: {{.N}}", map[string]any{"N": total}))
}

// withMinWidth keeps o at least w wide in a border layout's side slot.
func withMinWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	strut := canvas.NewRectangle(nil)
	strut.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(strut, o)
}

// switcherTitle is an account's entry in the switcher: its name and to-do
// count, then its own urgent count when something is about to run out, so
// a second shop's breaking SLA shows without switching to it.
func switcherTitle(acc backend.AccountInfo, todo localTodo) string {
	title := acc.Title(todo.total())
	if todo.Urgent > 0 {
		title += " · " + lang.L("{{.N}} urgent", map[string]any{"N": todo.Urgent})
	}
	return title
}
