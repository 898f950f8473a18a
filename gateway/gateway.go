package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/koogallery/merchant-console/domain"
)

// ProducePath is where KooGallery's production calls arrive: the URL the
// seller registers (behind a reverse proxy it may be any path; the proxy
// maps it here).
const ProducePath = "/produce"

// maxCallBody bounds a production call's body.
const maxCallBody = 1 << 20

// OrderQuerier looks orders up on the real open API; *syncer.Client is one.
type OrderQuerier interface {
	QueryOrder(ctx context.Context, orderID, lineID string) (domain.Order, error)
}

// Config wires a Gateway.
type Config struct {
	Key       string // KOOGALLERY_PRODUCE_KEY
	Forwarder *Forwarder
	Store     *Store       // what consoles read
	Journal   *Journal     // where answered calls are written first
	Keys      *Keys        // agents' AK/SK for the console API
	Orders    OrderQuerier // nil: orders are not completed with order/query
	Account   string       // the account ID whoami reports
	Now       func() time.Time
	Log       *slog.Logger
}

// Gateway is the HTTP handler: /produce for KooGallery, the seller-gateway
// API for consoles.
type Gateway struct {
	cfg    Config
	nonces *Nonces
	wake   chan struct{} // a new order waits for order/query
	// restarts serialises 重新启动: one re-sent call at a time keeps the
	// idempotency check and the stored reply together.
	restarts sync.Mutex
}

// New checks cfg and returns the gateway.
func New(cfg Config) (*Gateway, error) {
	switch {
	case cfg.Key == "":
		return nil, errors.New("gateway: no production key: set " + produce.EnvKey)
	case cfg.Forwarder == nil || cfg.Forwarder.Upstream == nil:
		return nil, errors.New("gateway: no upstream")
	case cfg.Store == nil || cfg.Journal == nil:
		return nil, errors.New("gateway: no store or journal")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	g := &Gateway{cfg: cfg, nonces: NewNonces(), wake: make(chan struct{}, 1)}
	// Nonces of the last window survive a restart: the journal replayed
	// them into the store before New runs.
	now := cfg.Now()
	recent, err := cfg.Store.RecentNonces(now.Add(-2 * MaxClockSkew))
	if err != nil {
		return nil, fmt.Errorf("gateway: reading recent nonces: %w", err)
	}
	for _, n := range recent {
		g.nonces.claim(n, now)
	}
	cfg.Journal.afterApply(g.wakeUp)
	return g, nil
}

// ServeHTTP routes a request.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ProducePath {
		g.produce(w, r)
		return
	}
	g.console(w, r)
}

// produce handles one production call: verify, forward, record, answer.
func (g *Gateway) produce(w http.ResponseWriter, r *http.Request) {
	received := g.cfg.Now()
	if r.Method != http.MethodPost {
		refuseCall(w, "only POST is accepted")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxCallBody+1))
	if err != nil || len(body) > maxCallBody {
		refuseCall(w, "body unreadable or over 1 MiB")
		return
	}
	q := r.URL.Query()
	if err := g.nonces.Verify(g.cfg.Key, body, q.Get("signature"), q.Get("timestamp"), q.Get("nonce"), received); err != nil {
		g.cfg.Log.Warn("production call refused", "reason", err.Error(), "remote", r.RemoteAddr)
		refuseCall(w, "鉴权失败 / authentication failed: "+err.Error())
		return
	}
	call, err := ParseCall(body)
	if err != nil {
		g.cfg.Log.Warn("production call refused", "reason", err.Error())
		refuseCall(w, err.Error())
		return
	}
	ans, out := g.cfg.Forwarder.Forward(r.Context(), r.Method, r.URL.RawQuery, r.Header, body)
	g.record(CallRecord{ReceivedAt: received.UTC(), Call: call, Query: r.URL.RawQuery, Body: body, Outcome: out})
	relay(w, ans, out)
}

// record journals a call before it is answered; a failure is logged, never
// passed on: the gateway must not be the reason a production call fails.
func (g *Gateway) record(rec CallRecord) (uint64, error) {
	n, err := g.cfg.Journal.Append(rec)
	if err != nil {
		g.cfg.Log.Error("call forwarded but not recorded", "activity", rec.Call.Activity, "order", rec.Call.OrderID, "err", err)
	}
	return n, err
}

// wakeUp asks the background work to complete new orders now.
func (g *Gateway) wakeUp() {
	select {
	case g.wake <- struct{}{}:
	default:
	}
}

// relay writes the upstream's answer unchanged, or 000005 when none came.
func relay(w http.ResponseWriter, ans *Answer, out Outcome) {
	if ans == nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"resultCode": produce.CodeInternal,
			"resultMsg": "seller server did not answer: " + describe(out)})
		return
	}
	if ct := ans.Header.Get("Content-Type"); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(ans.Status)
	_, _ = w.Write(ans.Body)
}

// refuseCall answers a call that failed verification; it is neither
// forwarded nor recorded.
func refuseCall(w http.ResponseWriter, msg string) {
	writeJSON(w, http.StatusOK, map[string]string{"resultCode": produce.CodeAuthFailed, "resultMsg": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status, data = http.StatusInternalServerError, []byte(`{"resultCode":"MKT.0999","resultMsg":"encoding failed"}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
