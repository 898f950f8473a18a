package world

import (
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

// Step moves the world from the last step to now: the other parties act and
// timers run out. Effects carry the time they were due, so one big Advance
// gives the same end state as many small ones (random outcomes aside).
func (w *World) Step(now time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !now.After(w.lastStep) {
		return
	}
	from := w.lastStep
	w.lastStep = now
	for _, id := range w.order {
		b := w.books[id]
		w.stepAlerts(b, now)
		b.stepTickets(now)
		w.stepTasks(b, now)
		b.stepBills(now)
		if w.arrivals {
			w.arrive(b, from, now)
		}
	}
}

func (w *World) stepAlerts(b *book, now time.Time) {
	b.tables[domain.ResAlerts].eachLive(func(_ string, rec domain.Record) {
		a := rec.(domain.InterfaceAlert)
		changed, _ := rules.RetryDue(&a, w.rng, w.rates.RetrySuccess, now)
		if !changed {
			return
		}
		b.touch(&a.Meta, now)
		b.put(a)
		b.alertSettled(a, now)
	})
}

func (b *book) stepTickets(now time.Time) {
	b.tables[domain.ResTickets].eachLive(func(id string, rec domain.Record) {
		tk := rec.(domain.Ticket)
		switch {
		case tk.Status == domain.TicketAwaitingCustomer && !tk.SLAPausedAt.IsZero() && !tk.SLAPausedAt.Add(CustomerReplyAfter).After(now):
			at := tk.SLAPausedAt.Add(CustomerReplyAfter)
			b.gen.customerReply(&tk, at)
			rules.ResumeSLA(&tk, at)
			tk.Status = domain.TicketProcessing
		case tk.Status == domain.TicketAwaitingConfirm && !tk.ResolvedAt.Add(CustomerConfirmAfter).After(now):
			tk.Status, tk.ClosedAt = domain.TicketCompleted, tk.ResolvedAt.Add(CustomerConfirmAfter)
		case tk.Status == domain.TicketRevoked && !tk.ClosedAt.Add(RevokedPurgeAfter).After(now):
			b.removeRecord(domain.ResTickets, id) // purged: clients get a tombstone
			return
		default:
			return
		}
		b.touch(&tk.Meta, now)
		b.put(tk)
	})
}

// customerReply is the simulated customer answering a ticket.
func (g *generator) customerReply(t *domain.Ticket, at time.Time) {
	t.Messages = append(t.Messages[:len(t.Messages):len(t.Messages)], domain.TicketMessage{
		ID: t.ID + "-M" + strconv.Itoa(len(t.Messages)+1), From: domain.PartyUser, Author: t.CustomerName,
		Body: g.text(cnCustomerReplies, enCustomerReplies), At: at,
	})
}

func (w *World) stepTasks(b *book, now time.Time) {
	b.tables[domain.ResSupervision].eachLive(func(id string, rec domain.Record) {
		t := rec.(domain.SupervisionTask)
		changed := false
		for range 8 { // a long Advance may cross several nodes
			if !w.advanceTask(&t, now) {
				break
			}
			changed = true
		}
		if changed {
			b.touch(&t.Meta, now)
			b.put(t)
			b.taskSettled(t, now)
		}
		if at := t.WarningAt(); !at.IsZero() && !at.After(now) && !b.warned[id] {
			b.warned[id] = true
			b.notify(b.gen.notification(domain.MsgProductOpen, b.gen.text([]string{"服务监管订单超过180天未验收"}, []string{"Supervised order not accepted after 180 days"}),
				t.OrderID+" "+t.ProductName, domain.ResSupervision, t.ID, now), now)
		}
	})
}

// advanceTask takes one step another party owes, if it is due.
func (w *World) advanceTask(t *domain.SupervisionTask, now time.Time) bool {
	if t.Frozen() {
		due := t.Appeal.OpenedAt.Add(AppealDecideAfter)
		if due.After(now) {
			return false
		}
		ap := *t.Appeal
		ap.Status, ap.Decision = domain.AppealRejected, "运营经理裁定：流程继续 / operations decided: the flow continues"
		t.Appeal = &ap
		return true
	}
	due := t.NodeEnteredAt
	switch t.Current {
	case domain.NodeSubmitRequirement:
		if due = due.Add(UserActAfter); !due.After(now) {
			rules.MoveTo(t, domain.NodeConfirmRequirement, domain.PartyUser, "submit-requirement", "", due)
			return true
		}
	case domain.NodeAcceptance:
		if due = due.Add(UserActAfter); !due.After(now) {
			w.userAcceptance(t, due)
			return true
		}
	case domain.NodeActivateCode:
		if due = due.Add(ActivateAfter); !due.After(now) {
			rules.MoveTo(t, rules.NextNode(*t), domain.PartySystem, "code-activated", "", due)
			return true
		}
	case domain.NodeInTransit:
		return transit(t, now)
	}
	return false
}

// userAcceptance is the user accepting the delivery, or rejecting it back
// to the merchant.
func (w *World) userAcceptance(t *domain.SupervisionTask, at time.Time) {
	if w.rng.Float64() < w.rates.UserAccept {
		rules.MoveTo(t, domain.NodeDone, domain.PartyUser, "accept", "", at)
		return
	}
	t.Rejections++
	back := domain.NodeDeliver
	if t.Kind == domain.KindHardware {
		back = domain.NodeShip
	}
	rules.MoveTo(t, back, domain.PartyUser, domain.EventUserReject, "验收不通过 / delivery rejected", at)
}

// transit signs the parcel for and, 10 days later, accepts it automatically
// unless the recipient's phone did not match (then the user must accept).
func transit(t *domain.SupervisionTask, now time.Time) bool {
	if t.SignedForAt.IsZero() {
		signed := t.NodeEnteredAt.Add(SignedForAfter)
		if signed.After(now) {
			return false
		}
		t.SignedForAt = signed
		if t.PhoneMismatch {
			rules.MoveTo(t, domain.NodeAcceptance, domain.PartySystem, "signed-for", "收件人手机号不一致 / recipient phone mismatch", signed)
		}
		return true
	}
	if at := t.AutoAcceptAt(); !at.IsZero() && !at.After(now) {
		rules.MoveTo(t, domain.NodeDone, domain.PartySystem, "auto-accept", "签收10天自动验收 / accepted 10 days after sign-off", at)
		return true
	}
	return false
}
