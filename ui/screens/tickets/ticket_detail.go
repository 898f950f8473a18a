package tickets

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// ticketDetail shows one ticket: its conversation as bubbles, attachments, a
// reply box and the agent's actions.
type ticketDetail struct {
	b       *screens.Backend
	f       *screens.DetailFrame
	ticket  domain.Ticket // as the cache holds it: the server's last word
	actions []domain.Action
	// view is ticket with the actions still in the outbox applied: what
	// the pane shows and what decides the buttons (domain.WithQueued).
	view         domain.Ticket
	conversation *fyne.Container
	attachments  *fyne.Container
	resolution   *fyne.Container   // cause and solution, once given
	allMessages  bool              // the user asked for the earlier turns too
	reply        *widgets.Entry    // passes window shortcuts on; Ctrl+K opens the quick replies
	picker       *quickPicker      // the open quick-reply dialog, nil when closed
	quick        *widget.Button    // opens the picker; nil without a library
	drafts       map[string]string // ticket ID → reply typed but not sent, kept while switching tickets
	book         draftBook         // saves drafts in the account's cache for the next start (drafts.go)
	send         *widget.Button
	root         fyne.CanvasObject
}

func newTicketDetail(b *screens.Backend) *ticketDetail {
	d := &ticketDetail{b: b, f: screens.NewDetailFrame(), conversation: container.NewVBox(), attachments: container.NewVBox(),
		drafts: map[string]string{}}
	d.reply = widgets.NewMultiLineEntry()
	d.reply.SetPlaceHolder(lang.L("Write a reply to the customer…"))
	d.send = widget.NewButton(lang.L("Send reply"), d.sendReply)
	var sendButtons fyne.CanvasObject = d.send
	if d.quick = d.bindQuickReplies(); d.quick != nil { // quick_replies.go
		sendButtons = container.NewVBox(d.send, d.quick)
	}
	d.f.Outbox.OnStop = d.stopChoices() // the traffic cop's prompt (trafficcop.go)
	replyBox := container.NewBorder(nil, nil, nil, sendButtons, d.reply)
	d.resolution = container.NewVBox()
	d.root = d.f.Layout(d.resolution, screens.SectionTitle(lang.L("Conversation")), d.conversation, replyBox,
		screens.SectionTitle(lang.L("Attachments")), d.attachments)
	screens.BindOutbox(d.f, b, func() { d.Load(d.ticket) })
	d.book.store = b.CurrentStore()
	return d
}

// Load shows t at once, then fetches the freshest copy and its outbox
// entries off Fyne's goroutine.
func (d *ticketDetail) Load(t domain.Ticket) {
	screens.LoadActionable(d.f, d.b.CurrentStore(), t, d.ticket.ID, d.actions, d.show, d.draftsLoader()...)
}

func (d *ticketDetail) show(t domain.Ticket, actions []domain.Action) {
	if t.ID != d.ticket.ID {
		d.allMessages = false
		d.swapDraft(d.ticket.ID, t.ID)
	}
	d.ticket, d.actions = t, actions
	d.view, _ = domain.WithQueued(t, actions)
	d.f.Reveal()
	d.f.Title.SetText(screens.SafeText(t.Subject) + " · " + t.ID)
	d.f.Status.SetText(ticketStatusLine(d.view, d.view.Status != t.Status, d.b.Time()))
	d.showConversation(d.view)
	d.showResolution(t, actions)
	d.showAttachments(t)
	d.showButtons()
	d.f.Outbox.Set(actions, t.Assignee)
	d.flagStopped(actions) // the traffic cop's stop, said at the top too (trafficcop.go)
	d.f.Relayout()
}

// ticketStatusLine sums up where the ticket stands and its SLA clock; a
// status that only the outbox has reached so far says so (处理中 · 待发送).
func ticketStatusLine(t domain.Ticket, statusQueued bool, now time.Time) string {
	status := kit.LabelTicketStatus(t.Status)
	if statusQueued {
		status += " · " + lang.L("Waiting to send")
	}
	parts := []string{status, screens.SafeText(t.CustomerName), screens.SafeText(t.ProductName)}
	if t.Assignee != "" {
		parts = append(parts, lang.L("Assignee: {{.Who}}", map[string]any{"Who": screens.SafeText(t.Assignee)}))
	}
	if left, ok := t.SLALeft(now); ok {
		text, _ := widgets.CountdownText(now.Add(left), now)
		if t.SLAPaused() {
			text = lang.L("SLA paused") + " · " + text
		}
		parts = append(parts, "SLA "+text)
	}
	return strings.Join(parts, " · ")
}

// maxShownMessages bounds the bubbles drawn at once: wrapped text is
// measured on every layout, and the newest turns are the ones that matter.
const maxShownMessages = 40

// showConversation draws the newest turns; a button reveals the earlier
// ones. The slice is built first and set once, since Container.Add lays out
// the whole box on every call.
func (d *ticketDetail) showConversation(t domain.Ticket) {
	msgs := t.Messages
	var objs []fyne.CanvasObject
	if hidden := len(msgs) - d.shownMessages(); hidden > 0 {
		objs = append(objs, widget.NewButton(lang.L("Show {{.N}} earlier messages", map[string]any{"N": hidden}), d.showAllMessages))
		msgs = msgs[hidden:]
	}
	states := make(map[string]domain.ActionState, len(d.actions))
	for _, a := range d.actions {
		states[a.Key] = a.State
	}
	for _, m := range msgs {
		objs = append(objs, messageBubble(m, states))
	}
	if len(t.Messages) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("No messages yet.")))
	}
	d.conversation.Objects = objs
	d.conversation.Refresh()
}

func (d *ticketDetail) shownMessages() int {
	if d.allMessages {
		return len(d.view.Messages)
	}
	return maxShownMessages
}

func (d *ticketDetail) showAllMessages() {
	d.allMessages = true
	d.showConversation(d.view)
	d.f.Relayout()
}

// bubbleIndent is how far a bubble stays from the opposite edge, so the
// customer's turns read on the left and the agent's on the right.
const bubbleIndent = 48

// pendingTurnText is what a turn still in the outbox says beside its time.
func pendingTurnText(s domain.ActionState) string {
	if s == domain.ActionStopped {
		return screens.ActionStateText(s) // "Held: the ticket changed"
	}
	return lang.L("Waiting to send")
}

// messageBubble draws one turn: customer on the left, agent on the right,
// system notes centred and plain. states holds the outbox's actions by key,
// so a turn still on its way says whether it waits or the traffic cop held it.
func messageBubble(m domain.TicketMessage, states map[string]domain.ActionState) fyne.CanvasObject {
	who := screens.SafeText(m.Author)
	if who == "" {
		who = kit.LabelParty(m.From)
	}
	headText := who + " · " + kit.FormatDateTime(m.At)
	if key, ok := domain.PendingActionKey(m); ok {
		headText += " · " + pendingTurnText(states[key])
	}
	if m.Internal { // said first: the customer never sees it
		headText = kit.InWindowLanguage(domain.NoteLabel) + " · " + headText
	}
	head := widget.NewLabel(headText)
	head.TextStyle = fyne.TextStyle{Italic: true}
	body := screens.WrapLabel(m.Body)
	bg := canvas.NewRectangle(bubbleColor(m))
	bg.CornerRadius = theme.InputRadiusSize()
	bubble := container.NewStack(bg, container.NewVBox(head, body))
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(bubbleIndent, 0))
	switch m.From {
	case domain.PartyMerchant:
		return container.NewBorder(nil, nil, gap, nil, bubble)
	case domain.PartyUser:
		return container.NewBorder(nil, nil, nil, gap, bubble)
	}
	return container.NewBorder(nil, nil, nil, nil, body)
}

// bubbleColor tells the customer's turns, the agents' replies and the
// internal notes apart; a note is tinted like a warning so nobody takes it
// for something the customer read.
func bubbleColor(m domain.TicketMessage) color.Color {
	switch {
	case m.Internal:
		r, g, b, _ := theme.Color(theme.ColorNameWarning).RGBA()
		return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
	case m.From == domain.PartyMerchant:
		return theme.Color(theme.ColorNameSelection)
	}
	return theme.Color(theme.ColorNameInputBackground)
}

func (d *ticketDetail) showAttachments(t domain.Ticket) {
	objs := make([]fyne.CanvasObject, 0, len(t.Attachments)+1)
	for _, a := range t.Attachments {
		objs = append(objs, d.attachmentRow(t.ID, a).row)
	}
	if len(t.Attachments) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("No attachments.")))
	}
	d.attachments.Objects = objs
	d.attachments.Refresh()
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// showButtons enables what the ticket's state allows (domain.Allows, the
// rule the marketplace applies); an action already on its way stays
// disabled so a double click never queues it twice.
func (d *ticketDetail) showButtons() {
	t, acts := d.view, d.actions
	can := func(n domain.ActionName) bool { return domain.Allows(t, n) && !screens.HasPending(acts, n) }
	d.f.Buttons.Objects = []fyne.CanvasObject{
		screens.ActionButton(domain.ActTicketAccept, can(domain.ActTicketAccept), d.accept),
		screens.ActionButton(domain.ActTicketAwaitCustomer, can(domain.ActTicketAwaitCustomer), d.awaitCustomer),
		screens.ActionButton(domain.ActTicketResolve, can(domain.ActTicketResolve), d.askResolve),
		screens.ActionButton(domain.ActTicketNote, domain.Allows(t, domain.ActTicketNote), d.askNote),
	}
	d.f.Buttons.Refresh()
	if domain.Allows(t, domain.ActTicketReply) {
		d.reply.Enable()
		d.send.Enable()
	} else {
		d.reply.Disable()
		d.send.Disable()
	}
	d.enableQuickReplies(!d.reply.Disabled())
}

func (d *ticketDetail) accept() { d.queue(domain.ActTicketAccept, domain.ActionParams{}) }

func (d *ticketDetail) awaitCustomer() {
	d.queue(domain.ActTicketAwaitCustomer, domain.ActionParams{})
}

// queue sends the action to the outbox, then shows it with its state so
// the agent sees it is on its way.
func (d *ticketDetail) queue(name domain.ActionName, p domain.ActionParams) {
	d.queueChecked(name, p, d.showActions(d.ticket.ID))
}

func (d *ticketDetail) Current() (domain.Ticket, bool) { return d.ticket, d.ticket.ID != "" }
func (d *ticketDetail) Object() fyne.CanvasObject      { return d.root }
func (d *ticketDetail) Close()                         { d.flushDrafts() }

// Reset hides the pane; what was typed is kept as the ticket's draft first,
// since the next ticket shown replaces the box's text.
func (d *ticketDetail) Reset() {
	if d.keepDraft(d.ticket.ID) {
		d.saveDrafts()
	}
	d.ticket, d.actions, d.view = domain.Ticket{}, nil, domain.Ticket{}
	d.f.Conceal()
}
