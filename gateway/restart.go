package gateway

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// act handles POST {resource}/{id}/actions/{action}: only 重新启动 on alerts.
func (g *Gateway) act(w http.ResponseWriter, r *http.Request, res domain.Resource, id string, action domain.ActionName) {
	key := strings.TrimSpace(r.Header.Get(marketapi.HeaderIdempotencyKey))
	switch {
	case key == "":
		envelope(w, marketapi.CodeBadParam, "", "缺少 "+marketapi.HeaderIdempotencyKey+" / missing "+marketapi.HeaderIdempotencyKey)
		return
	case res != domain.ResAlerts || action != domain.ActRestart:
		envelope(w, marketapi.CodeNotAllowed, marketapi.ReasonInvalidState, "本网关只支持告警的重新启动 / this gateway only restarts alerts")
		return
	}
	g.restarts.Lock()
	defer g.restarts.Unlock()
	if status, body, ok, err := g.cfg.Store.Reply(key); err != nil {
		envelope(w, marketapi.CodeInternal, "", err.Error())
		return
	} else if ok {
		var ar marketapi.ActionResult[json.RawMessage]
		if json.Unmarshal(body, &ar) == nil && ar.OK() {
			ar.Replayed = true
			writeJSON(w, status, ar)
			return
		}
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		w.WriteHeader(status)
		_, _ = w.Write(body)
		return
	}
	status, reply := g.restart(r.Context(), id)
	body, _ := json.Marshal(reply)
	if err := g.cfg.Store.SaveReply(key, status, body); err != nil {
		g.cfg.Log.Error("restart reply not stored", "alert", id, "err", err)
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// restart re-sends an alert's latest recorded call to the upstream, signed
// afresh with the production key (the seller's server checks it as it
// checks KooGallery's), records the outcome and returns the alert.
func (g *Gateway) restart(ctx context.Context, id string) (int, any) {
	var a domain.InterfaceAlert
	ok, err := g.cfg.Store.Get(domain.ResAlerts, id, &a)
	switch {
	case err != nil:
		return http.StatusInternalServerError, errEnvelope(marketapi.CodeInternal, "", err.Error())
	case !ok:
		return http.StatusNotFound, errEnvelope(marketapi.CodeNotFound, "", "告警不存在 / no such alert "+id)
	case a.State == domain.AlertUnsubscribed:
		return http.StatusConflict, errEnvelope(marketapi.CodeNotAllowed, marketapi.ReasonDeadlinePassed,
			"订单已自动退订，无法重新启动 / the order was unsubscribed automatically; restart is no longer possible")
	case !a.State.Open():
		return http.StatusConflict, errEnvelope(marketapi.CodeNotAllowed, marketapi.ReasonInvalidState,
			"告警已解决 / the alert is already resolved")
	}
	last, err := g.cfg.Store.LastCall(id)
	if err != nil {
		return http.StatusInternalServerError, errEnvelope(marketapi.CodeInternal, "", err.Error())
	}
	now := g.cfg.Now()
	query := resign(last.Query, g.cfg.Key, last.Body, now.UnixMilli())
	_, out := g.cfg.Forwarder.Forward(ctx, http.MethodPost, query, http.Header{"Content-Type": {"application/json;charset=UTF-8"}}, last.Body)
	n, err := g.record(CallRecord{ReceivedAt: now.UTC(), Call: last.Call, Query: query, Body: last.Body, Outcome: out, Restart: true})
	if err != nil || !g.cfg.Journal.Wait(n, 5*time.Second) {
		return http.StatusInternalServerError, errEnvelope(marketapi.CodeInternal, "", "重新启动已发送，结果未能记录 / the call was re-sent but its outcome is not recorded yet")
	}
	if _, err := g.cfg.Store.Get(domain.ResAlerts, id, &a); err != nil {
		return http.StatusInternalServerError, errEnvelope(marketapi.CodeInternal, "", err.Error())
	}
	return http.StatusOK, marketapi.ActionResult[domain.InterfaceAlert]{Envelope: okEnvelope(), Data: a}
}

// resign replaces a recorded query's signature, timestamp and nonce with
// fresh ones over the same body, keeping every other parameter.
func resign(rawQuery, key string, body []byte, nowMS int64) string {
	q, _ := url.ParseQuery(rawQuery)
	produce.Sign(q, key, body, time.UnixMilli(nowMS), strings.ToUpper(randomHex(16)))
	return q.Encode()
}

func errEnvelope(code, reason, msg string) marketapi.Envelope {
	return marketapi.Envelope{ResultCode: code, ResultMsg: msg, Reason: reason}
}
