package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// messageDialogSize fits a message-centre message of a few paragraphs.
var messageDialogSize = fyne.NewSize(520, 320)

// showMessage opens a notification about a message-centre message that is
// about no record the window shows. The console has no message screen (the
// marketplace's centre is where messages are kept), so the message is read
// whole here: its title, category, time and text from the cache, or the
// notification's own words for a coalesced entry or a message since gone.
func (c *noticeCentre) showMessage(e centreEntry) {
	st := c.s.b.StoreOf(e.Account)
	c.jobs.Run(func() func() {
		var m domain.Message
		var ok bool
		if st != nil && e.RecordID != "" {
			m, ok, _ = localstore.Get[domain.Message](st, e.RecordID) // unreadable: the entry's words below
		}
		return func() {
			title, meta, body := e.Title, kit.FormatDateTime(e.At), e.Body
			if ok {
				cat := kit.InWindowLanguage(domain.KindOf(domain.ResMessages).Status(string(m.Category)).Label)
				title, meta, body = m.Title, cat+" · "+kit.FormatDateTime(m.CreatedAt), m.Body
			}
			c.messageDialog(title, meta, body)
		}
	})
}

// openMessage shows one message of the account, or the centre when the
// notification stood for several.
func (c *noticeCentre) openMessage(account, id string) {
	if id == "" {
		c.s.ShowNotifications()
		return
	}
	c.showMessage(centreEntry{Account: account, Resource: domain.ResMessages, RecordID: id,
		Title: lang.L("Message-centre message")})
}

func (c *noticeCentre) messageDialog(title, meta, body string) {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(body)
	text.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(head, widget.NewLabel(meta), widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(text))
	d := dialog.NewCustom(lang.L("Message-centre message"), lang.L("Close"), content, c.s.win)
	d.Resize(messageDialogSize)
	d.Show()
}
