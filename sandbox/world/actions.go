package world

import (
	"net/http"
	"slices"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

// Act applies one action of an account to a record under the world's
// lock and returns the answer's HTTP status and body (an ActionResult or
// an error envelope). A key the account used before gets its stored answer
// again with replayed=true, and nothing is applied.
func (w *World) Act(acct string, res domain.Resource, id string, name domain.ActionName, key string, p domain.ActionParams, now time.Time) (status int, body any, replayed bool) {
	r, replayed := w.act(acct, res, id, name, key, p, now)
	return r.status, r.body, replayed
}

// act applies one action under the world lock. A key seen before returns
// the stored answer with replayed=true and applies nothing.
func (w *World) act(acct string, res domain.Resource, id string, name domain.ActionName, key string, p domain.ActionParams, now time.Time) (storedReply, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.books[acct]
	k := idemKey(acct, key)
	if r, ok := b.idem[k]; ok {
		return r, true
	}
	rec, rf := w.apply(b, res, id, name, p, now)
	var reply storedReply
	if rf != nil {
		reply = storedReply{status: rf.Status(), body: rf.Envelope()}
	} else {
		reply = storedReply{status: http.StatusOK, body: marketapi.ActionResult[domain.Record]{
			Envelope: marketapi.Envelope{ResultCode: marketapi.CodeOK, ResultMsg: "success"}, Data: rec}}
	}
	b.idem[k] = reply
	return reply, false
}

// apply finds the record and runs the resource's rules on a copy; only a
// successful change is stored, with a new version. An action the resource
// never takes (domain.ActionsFor) is a bad value whatever the record's state.
func (w *World) apply(b *book, res domain.Resource, id string, name domain.ActionName, p domain.ActionParams, now time.Time) (domain.Record, *rules.Refusal) {
	if !slices.Contains(domain.ActionsFor(res), name) {
		if len(domain.ActionsFor(res)) == 0 {
			return nil, rules.BadValue("%s 不支持操作 / %s has no actions", res, res)
		}
		return nil, rules.BadValue("%s 不支持操作 %s / unknown %s action %s", res, name, res, name)
	}
	rec, ok := b.tables[res].live[id]
	if !ok {
		return nil, w.missing(b, res, id)
	}
	var (
		changed bool
		rf      *rules.Refusal
	)
	switch r := rec.(type) {
	case domain.Ticket:
		r, changed, rf = rules.TicketAction(r, name, p, now)
		if changed {
			b.touch(&r.Meta, now)
			rec = r
		}
	case domain.SupervisionTask:
		r, changed, rf = rules.SupervisionAction(r, name, p, now)
		if changed {
			b.touch(&r.Meta, now)
			rec = r
			b.taskSettled(r, now)
		}
	case domain.InterfaceAlert:
		r, changed, rf = rules.RestartAlert(r, w.rng, w.rates.RestartSuccess, now)
		if changed {
			b.touch(&r.Meta, now)
			rec = r
			b.alertSettled(r, now)
		}
	default:
		return nil, rules.BadValue("%s 不支持操作 / %s has no actions", res, res)
	}
	if rf != nil {
		return nil, rf
	}
	if changed {
		b.put(rec)
		b.applied++
	}
	return rec, nil
}

// missing explains why a record is not there: a sub-account asking for a
// record of its main account's other products is told NOT_DELEGATED.
func (w *World) missing(b *book, res domain.Resource, id string) *rules.Refusal {
	if b.acct.SubAccount {
		if parent := w.books[b.acct.Parent]; parent != nil {
			if _, ok := parent.tables[res].live[id]; ok {
				return rules.Refuse(marketapi.ReasonNotDelegated, "该商品未授权给子账号 / the product is not delegated to this sub-account")
			}
		}
	}
	return rules.NotFound(string(res), id)
}

// taskSettled completes the order once its supervision is done.
func (b *book) taskSettled(t domain.SupervisionTask, now time.Time) {
	if t.Current == domain.NodeDone {
		b.setOrderStatus(t.OrderID, domain.OrderCompleted, now)
	}
}

// alertSettled completes or unsubscribes the alert's order.
func (b *book) alertSettled(a domain.InterfaceAlert, now time.Time) {
	switch a.State {
	case domain.AlertResolved:
		b.setOrderStatus(a.OrderID, domain.OrderCompleted, now)
	case domain.AlertUnsubscribed:
		o, ok := get[domain.Order](b, domain.ResOrders, a.OrderID)
		if !ok {
			return
		}
		unsubscribeOrder(&o)
		b.touch(&o.Meta, now)
		b.put(o)
		b.refund(o, now)
		b.notify(b.gen.notification(domain.MsgProductOpen, b.gen.text([]string{"订单开通失败，已自动退订"}, []string{"Order failed to open and was unsubscribed"}),
			o.ID+" "+string(a.Kind)+" "+a.LastCode, domain.ResOrders, o.ID, now), now)
	}
}

func (b *book) setOrderStatus(id string, st domain.OrderStatus, now time.Time) {
	o, ok := get[domain.Order](b, domain.ResOrders, id)
	if !ok || o.Status != domain.OrderProcessing {
		return
	}
	o.Status = st
	b.touch(&o.Meta, now)
	b.put(o)
}

func (b *book) notify(n domain.Message, now time.Time) {
	b.touch(&n.Meta, now)
	b.put(n)
}

// refund adds the pay-back rows of an order unsubscribed after payment.
func (b *book) refund(o domain.Order, now time.Time) {
	var paid []domain.TransactionDetail
	for _, l := range o.Lines {
		if tx, ok := get[domain.TransactionDetail](b, domain.ResTransactions, "TX"+l.ID); ok {
			paid = append(paid, tx)
		}
	}
	for _, r := range refunds(paid, now) {
		b.touch(&r.Meta, now)
		b.put(r)
	}
}

// storedReply is the answer given to an action with an idempotency key; a
// repeated key gets it back (marked Replayed) and nothing is applied again.
type storedReply struct {
	status int
	body   any // a marketapi.ActionResult or an error envelope
}

// idemKey scopes a key to its account: two accounts may pick the same key.
func idemKey(account, key string) string { return account + "\x00" + key }
