package syncer

import (
	"context"
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
)

// PushSummary counts one round of the outbox sender.
type PushSummary struct {
	Sent, Done, Rejected, Left int
	// Stopped counts actions the traffic cop holds for the agent
	// (domain.ActionStopped), newly or from an earlier round.
	Stopped int
}

// Push delivers the outbox without pulling.
func (e *Engine) Push(ctx context.Context) (PushSummary, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.push(ctx)
}

type recordRef struct {
	res domain.Resource
	id  string
}

// push sends pending actions in Seq order. Each is marked sending before it
// leaves and keeps its key, so a crash or a lost reply only ever leads to
// the same key being sent again, which the server answers from its record
// of the key instead of applying the action twice. When delivery fails the
// round stops: later actions on the same record must not overtake it, and
// the server is most likely unreachable for the others too.
func (e *Engine) push(ctx context.Context) (PushSummary, error) {
	var sum PushSummary
	acts, err := e.opts.Store.PendingActions()
	if err != nil || len(acts) == 0 {
		return sum, err
	}
	owner, err := e.owner(ctx)
	if err != nil {
		sum.Left = len(acts)
		return sum, err
	}
	refused, stopped := map[recordRef]bool{}, map[recordRef]bool{}
	for i, a := range acts {
		ref := recordRef{a.Resource, a.RecordID}
		if stopped[ref] {
			continue // waits behind the stopped action on its record
		}
		if refused[ref] {
			if err := e.hold(a); errors.Is(err, localstore.ErrActionDiscarded) {
				continue
			} else if err != nil {
				return sum, err
			}
			sum.Rejected++
			continue
		}
		stop := a.State == domain.ActionStopped
		if !stop {
			if stop, err = e.trafficCop(ctx, a, owner); err != nil {
				sum.Left = len(acts) - i
				return sum, fmt.Errorf("outbox: checking ticket %s before %s: %w", a.RecordID, a.Key, err)
			}
		}
		if stop {
			stopped[ref] = true
			sum.Stopped++
			continue
		}
		final, err := e.send(ctx, a, owner)
		if errors.Is(err, localstore.ErrActionDiscarded) {
			continue // dropped by the person after this round read the outbox
		}
		sum.Sent++
		if err != nil {
			sum.Left = len(acts) - i
			return sum, fmt.Errorf("outbox: %s %s on %s %s: %w", a.Key, a.Name, a.Resource, a.RecordID, err)
		}
		if final.State == domain.ActionDone {
			sum.Done++
		} else {
			sum.Rejected++
			refused[ref] = true
		}
	}
	return sum, nil
}

// ReasonHeldBehindRefusal marks an action the console did not send because
// an earlier action on the same record was refused. It was queued on the
// assumption the earlier one would succeed (a reply typed after accepting a
// ticket offline); sending it after the refusal would, for example, post one
// agent's reply on a ticket another agent now owns. The person decides again.
const ReasonHeldBehindRefusal = "HELD_BEHIND_REFUSAL"

// hold rejects a not-yet-sent action locally, without contacting the server.
func (e *Engine) hold(a domain.Action) error {
	a.State, a.ReasonCode = domain.ActionRejected, ReasonHeldBehindRefusal
	a.Reason = RejectionMessage(ReasonHeldBehindRefusal, "")
	return e.opts.Store.UpdateAction(a)
}

// send delivers one action and stores the outcome. It returns an error only
// when the action stays pending.
func (e *Engine) send(ctx context.Context, a domain.Action, owner Owner) (domain.Action, error) {
	a.State = domain.ActionSending
	a.Attempts++
	a.SentAt = e.opts.Now()
	if err := e.opts.Store.UpdateAction(a); err != nil {
		return a, err
	}
	out, err := e.opts.Client.Act(ctx, a)
	switch reason, rejected := rejection(err); {
	case err == nil:
		a.State, a.Reason, a.ReasonCode = domain.ActionDone, "", ""
		if err := e.applyResult(out.Record, owner); err != nil {
			return a, err
		}
	case rejected:
		a.State, a.ReasonCode, a.Reason = domain.ActionRejected, reason.code, reason.text
	default:
		a.State = domain.ActionPending
		if uerr := e.opts.Store.UpdateAction(a); uerr != nil {
			return a, errors.Join(err, uerr)
		}
		return a, err
	}
	return a, e.opts.Store.UpdateAction(a)
}

// applyResult stores the record the server returned, without touching the
// resource's cursor: the next pull brings the same version and finds it
// already there.
func (e *Engine) applyResult(r domain.Record, owner Owner) error {
	return e.applyOne(r, owner, true)
}

// applyOne stores one record outside a pull and passes on its changes;
// ours marks them as the console's own doing (an action's result), which
// notifications do not announce. The traffic cop's fetch is not ours: a
// customer message it brings must still be told.
func (e *Engine) applyOne(r domain.Record, owner Owner, ours bool) error {
	if r == nil {
		return nil
	}
	rec, err := relabel(r, owner)
	if err != nil {
		return err
	}
	ch, err := e.opts.Store.ApplyPage(localstore.Page{Resource: rec.Resource(), Items: []domain.Record{rec}})
	if err != nil {
		return err
	}
	for i := range ch {
		ch[i].Ours = ours
	}
	e.emit(ch)
	return nil
}

// relabel applies owner to a single record (see Owner).
func relabel(r domain.Record, owner Owner) (domain.Record, error) {
	switch v := r.(type) {
	case domain.Ticket:
		err := owner.adopt(&v)
		return v, err
	case domain.SupervisionTask:
		err := owner.adopt(&v)
		return v, err
	case domain.InterfaceAlert:
		err := owner.adopt(&v)
		return v, err
	}
	return r, nil
}

type reasonText struct{ code, text string }

// rejection tells a final refusal (the action will never succeed as sent)
// from a failure to deliver. Refusals about the credentials are not final:
// the user fixes the key and the action goes out then.
func rejection(err error) (reasonText, bool) {
	var me *marketapi.Error
	var he *HTTPError
	switch {
	case err == nil:
		return reasonText{}, false
	case errors.As(err, &me):
		if me.Retryable() || me.Code == marketapi.CodeAuthFailed || me.Code == marketapi.CodeTokenInvalid {
			return reasonText{}, false
		}
		code := me.Reason
		if code == "" {
			code = me.Code
		}
		return reasonText{code: code, text: RejectionMessage(code, me.Message)}, true
	case errors.As(err, &he):
		if he.Status >= 400 && he.Status < 500 && he.Status != 408 && he.Status != 429 && he.Status != 401 {
			return reasonText{code: fmt.Sprintf("HTTP%d", he.Status), text: fmt.Sprintf("服务器拒绝了此操作 / the server refused the action (HTTP %d)", he.Status)}, true
		}
	}
	return reasonText{}, false
}

// reasonMessages are the refusals a person sees, in both languages.
var reasonMessages = map[string]string{
	marketapi.ReasonAlreadyAccepted: "另一位客服已先受理此工单 / another agent accepted this ticket first",
	marketapi.ReasonFlowFrozen:      "申诉处理中，流程已冻结，待运营经理裁决 / an appeal froze this flow until operations decide",
	marketapi.ReasonInvalidState:    "记录当前状态不允许此操作，请刷新后重试 / the record's current state does not allow this: refresh and try again",
	marketapi.ReasonNotDelegated:    "该商品未授权给此子账号 / this product is not delegated to this sub-account",
	marketapi.ReasonDeadlinePassed:  "已超过期限（如订单已自动退订）/ the deadline has passed (e.g. the order was unsubscribed automatically)",
	marketapi.CodeNotFound:          "记录已不存在 / the record no longer exists",
	marketapi.CodeBadParam:          "操作参数不完整或格式错误 / the action's inputs are missing or malformed",
	marketapi.CodeBadValue:          "操作参数取值不被接受 / an input's value is not acceptable",
	ReasonHeldBehindRefusal:         "未发送：此前对同一记录的操作被拒绝，请查看后重新操作 / not sent: an earlier action on this record was refused; review it and act again",
}

// RejectionMessage is the plain-language text for a refused action; the
// server's own words follow in brackets when it gave any.
func RejectionMessage(code, serverMsg string) string {
	msg, ok := reasonMessages[code]
	if !ok {
		msg = "云商店拒绝了此操作 / the marketplace refused the action (" + code + ")"
	}
	if serverMsg != "" {
		msg += " — " + serverMsg
	}
	return msg
}

// trafficCop checks a reply or resolve just before it leaves (domain
// trafficcop.go): it fetches the ticket and, when someone else moved it on
// since the agent looked, stores the action as stopped and reports true.
// The fetched ticket goes into the cache either way, so the detail shows
// what changed, and its changes go to the notifications as a pull's would
// (not as ours). An error means the ticket could not be fetched and the
// action stays pending; a refusal of the fetch itself (the ticket is gone)
// lets the send go ahead and the server's answer decide.
func (e *Engine) trafficCop(ctx context.Context, a domain.Action, owner Owner) (bool, error) {
	if !domain.TrafficChecked(a) {
		return false, nil
	}
	t, err := e.opts.Client.Ticket(ctx, a.RecordID)
	if _, refused := rejection(err); refused {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if err := e.applyOne(t, owner, false); err != nil {
		return false, err
	}
	changes := domain.TicketChanges(*a.Seen, t, a.Params.Agent)
	if len(changes) == 0 {
		return false, nil
	}
	return true, e.opts.Store.UpdateAction(a.Stop(changes, t))
}
