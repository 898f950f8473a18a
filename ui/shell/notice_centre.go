package shell

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
)

// bellIcon is a plain bell drawn for the header (Fyne's theme has none).
var bellIcon = theme.NewThemedResource(fyne.NewStaticResource("bell.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" `+
		`d="M12 3a6 6 0 0 0-6 6v5l-2 3h16l-2-3V9a6 6 0 0 0-6-6zM9.5 18.5a2.5 2.5 0 0 0 5 0z"/></svg>`)))

// centrePanelSize is the pop-up's size: wide enough for a notification's
// title in Chinese or English, short enough to leave the list visible.
var centrePanelSize = fyne.NewSize(460, 520)

// noticeCentre is the in-app notification centre: a bell with the unread
// count in the header and a pop-up list of every notification, popup or
// silent, unread urgent ones pinned on top, then newest first. Clicking one
// opens its record and marks it read. While the panel is open, arrivals
// wait behind an "N new" button so no row moves under the pointer.
type noticeCentre struct {
	s       *Shell
	bell    *widget.Button
	list    *widget.List
	empty   *widget.Label
	problem *widget.Label
	popup   *widget.PopUp
	entries []centreEntry
	held    []centreEntry  // a newer list waiting behind arrived
	arrived *widget.Button // "N new: show"
	session sessionNotices
	jobs    screens.Background
	gen     uint64 // bumps on every load; a late, older load is dropped
}

func newNoticeCentre(s *Shell) *noticeCentre {
	c := &noticeCentre{s: s, empty: widget.NewLabel(lang.L("No notifications yet.")), problem: widget.NewLabel("")}
	c.bell = widget.NewButtonWithIcon("", bellIcon, c.toggle)
	c.problem.Importance = widget.DangerImportance
	c.problem.Wrapping = fyne.TextWrapWord
	c.problem.Hide()
	c.arrived = widget.NewButtonWithIcon("", theme.MoveUpIcon(), c.showArrivals)
	c.arrived.Importance = widget.HighImportance
	c.arrived.Hide()
	c.list = widget.NewList(func() int { return len(c.entries) }, newCentreRow, c.updateRow)
	c.list.OnSelected = func(i widget.ListItemID) {
		c.list.UnselectAll()
		if i >= 0 && i < len(c.entries) {
			c.open(c.entries[i])
		}
	}
	return c
}

// setUnread shows the unread count of every account on the bell, the same
// sum the tray shows.
func (c *noticeCentre) setUnread(n int) {
	text, imp := "", widget.MediumImportance
	if n > 0 {
		text, imp = strconv.Itoa(n), widget.HighImportance
	}
	if c.bell.Text != text || c.bell.Importance != imp {
		c.bell.Text, c.bell.Importance = text, imp
		c.bell.Refresh()
	}
}

// toggle opens the panel (loading the log afresh) or closes it.
func (c *noticeCentre) toggle() {
	if c.popup != nil && c.popup.Visible() {
		c.popup.Hide()
		return
	}
	c.show()
}

func (c *noticeCentre) show() {
	if c.popup == nil {
		c.popup = widget.NewPopUp(c.panel(), c.s.win.Canvas())
	}
	c.popup.Resize(centrePanelSize)
	c.popup.ShowAtPosition(c.panelPosition())
	c.load(false)
}

// visible reports whether the panel is open.
func (c *noticeCentre) visible() bool { return c.popup != nil && c.popup.Visible() }

// panelPosition puts the panel under the bell, its right edge on the bell's.
func (c *noticeCentre) panelPosition() fyne.Position {
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(c.bell)
	x := max(pos.X+c.bell.Size().Width-centrePanelSize.Width, 0)
	return fyne.NewPos(x, pos.Y+c.bell.Size().Height)
}

func (c *noticeCentre) panel() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Notifications"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	all := widget.NewButtonWithIcon(lang.L("Mark all read"), theme.ConfirmIcon(), c.markAll)
	all.Importance = widget.LowImportance
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { c.popup.Hide() })
	closeBtn.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, title, container.NewHBox(all, closeBtn))
	top := container.NewVBox(head, c.problem, c.arrived, widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewStack(c.list, container.NewCenter(c.empty)))
}

func newCentreRow() fyne.CanvasObject {
	dot := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	body := widget.NewLabel("")
	body.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.SizeName = theme.SizeNameCaptionText
	mark := container.NewCenter(container.NewGridWrap(fyne.NewSize(10, 10), dot))
	// Labels pad themselves; the box adds none so a row reads as one item.
	texts := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), title, body, meta)
	return container.NewBorder(nil, nil, mark, nil, texts)
}

func (c *noticeCentre) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(c.entries) {
		return
	}
	e := c.entries[i]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	title := texts.Objects[0].(*widget.Label)
	title.Importance = widget.MediumImportance
	if e.pinned() {
		title.Importance = widget.DangerImportance
	}
	title.SetText(e.Title)
	texts.Objects[1].(*widget.Label).SetText(e.Body)
	texts.Objects[2].(*widget.Label).SetText(c.meta(e))
	dot := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
	if e.Unread {
		dot.Show()
	} else {
		dot.Hide()
	}
}

// meta is the row's small line: when, and which account when several are
// open (unless the engine already put the account in the title).
func (c *noticeCentre) meta(e centreEntry) string {
	text := kit.FormatAgo(e.At, c.s.b.Time())
	if len(c.s.b.AccountList()) > 1 && e.Label != "" && !strings.Contains(e.Title, e.Label) {
		text += " · " + e.Label
	}
	if e.Unread {
		text += " · " + lang.L("unread")
	}
	return text
}

// reload reads the log again after new notices arrived; while the panel
// is open they wait behind the "N new" button.
func (c *noticeCentre) reload() { c.load(true) }

// load reads the log of every account off Fyne's goroutine; hold keeps
// arrivals off the open list (see holdArrivals).
func (c *noticeCentre) load(hold bool) {
	c.gen++
	gen := c.gen
	accts, storeOf := c.s.b.AccountList(), c.s.b.StoreOf
	c.jobs.Run(func() func() {
		entries, err := readCentre(accts, storeOf, &c.session)
		return func() { c.apply(gen, entries, err, hold) }
	})
}

func (c *noticeCentre) apply(gen uint64, entries []centreEntry, err error, hold bool) {
	if gen != c.gen {
		return
	}
	c.showProblem(err)
	if hold && c.holdArrivals(entries) {
		return
	}
	c.replace(entries)
}

// replace shows entries, dropping any held list (entries is newer).
func (c *noticeCentre) replace(entries []centreEntry) {
	c.entries, c.held = entries, nil
	c.arrived.Hide()
	c.empty.Hidden = len(entries) > 0
	c.empty.Refresh()
	c.list.Refresh()
}

func (c *noticeCentre) showProblem(err error) {
	if err == nil {
		c.problem.Hide()
		return
	}
	c.problem.SetText(kit.ErrorText(err))
	c.problem.Show()
}

// open goes to the entry's record (switching account if need be), then
// marks its notices read and reads the counts again.
func (c *noticeCentre) open(e centreEntry) {
	if c.popup != nil {
		c.popup.Hide()
	}
	if e.Account != c.s.account {
		c.s.SwitchAccount(e.Account)
	}
	switch e.Resource {
	case "":
	case domain.ResMessages:
		c.showMessage(e)
	default:
		c.s.Navigate(e.target())
	}
	st := c.s.b.StoreOf(e.Account)
	if st == nil || !e.Unread {
		return
	}
	c.afterMarking(func() error { return markRead(st, e.Keys) })
}

func (c *noticeCentre) markAll() {
	accts, storeOf := c.s.b.AccountList(), c.s.b.StoreOf
	c.afterMarking(func() error { return markAllRead(accts, storeOf) })
}

// afterMarking runs mark off Fyne's goroutine, then shows the new counts
// (bell, tray, switcher) and, if open, the list, in one hand-over.
func (c *noticeCentre) afterMarking(mark func() error) {
	c.gen++
	gen := c.gen
	accts, storeOf := c.s.b.AccountList(), c.s.b.StoreOf
	c.jobs.Run(func() func() {
		err := mark()
		todo := c.s.readTodo()
		entries, lerr := readCentre(accts, storeOf, &c.session)
		return func() {
			c.s.applyTodo(todo)
			c.apply(gen, entries, errors.Join(err, lerr), false)
		}
	})
}

// notified remembers a delivered notification; safe from any goroutine.
func (c *noticeCentre) notified(n notify.Notification) { c.session.add(n) }

func (c *noticeCentre) close() { c.jobs.Wait() }

// ShowNotifications opens the notification centre, as the bell does.
func (s *Shell) ShowNotifications() {
	if !s.centre.visible() {
		s.centre.show()
	}
}
