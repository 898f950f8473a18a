package sandbox

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/gateway/produce"
	"github.com/koogallery/merchant-console/marketapi"
)

// ProduceOptions make the sandbox play KooGallery's caller: the production
// calls of its new orders go to a seller's registered URL.
type ProduceOptions struct {
	URL     string        // the registered production URL, e.g. a gateway's /produce
	Key     string        // the production key (KOOGALLERY_PRODUCE_KEY)
	Account string        // whose new orders are produced; the main account when empty
	Client  *http.Client  // 5 s timeout (the marketplace's) when nil
	Every   time.Duration // real time between looks for new orders and due retries; 200ms when zero
}

// Producer sends production calls and retries failed ones on the
// marketplace's schedule (domain.RetryPolicyFor, on the sandbox's clock);
// signatures carry real time, as the receiver checks them against its own.
type Producer struct {
	s     *Server
	o     ProduceOptions
	since int64     // orders up to this version were looked at
	start time.Time // only orders placed from then on (sandbox clock) are produced
	seen  map[string]bool
	step  sync.Mutex // one Step at a time: since and seen are its own
	mu    sync.Mutex // due and stats, read by Stats and Waiting
	due   []*pendingCall
	stats ProduceStats
}

// ProduceStats count what a producer did.
type ProduceStats struct {
	Orders                          int // orders whose calls were made
	Sent, Succeeded, Failed, GaveUp int
}

// pendingCall is a failed call waiting for its next automatic retry.
type pendingCall struct {
	body  []byte
	kind  domain.InterfaceKind
	first time.Time // first failure, on the sandbox clock
	next  time.Time
}

// Produce starts sending the production calls of orders that arrive from
// now on, until ctx ends or the server closes.
func (s *Server) Produce(ctx context.Context, o ProduceOptions) (*Producer, error) {
	if err := checkProduceURL(o.URL); err != nil {
		return nil, err
	}
	if strings.TrimSpace(o.Key) == "" {
		return nil, fmt.Errorf("sandbox: --produce-to needs the production key in %s", produce.EnvKey)
	}
	if o.Account == "" {
		o.Account = AccountMain
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 5 * time.Second}
	}
	if o.Every <= 0 {
		o.Every = 200 * time.Millisecond
	}
	p := &Producer{s: s, o: o, since: s.Seq(o.Account), start: s.clock.Now(), seen: map[string]bool{}}
	s.wg.Add(1)
	go p.run(ctx)
	return p, nil
}

func checkProduceURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("sandbox: --produce-to %q is not a URL", raw)
	}
	if u.Scheme != "https" && !(u.Scheme == "http" && config.IsLoopback(u.Hostname())) {
		return errors.New("sandbox: --produce-to: plain http only to a loopback host")
	}
	return nil
}

// Stats returns what the producer did so far.
func (p *Producer) Stats() ProduceStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// Waiting is how many failed calls wait for an automatic retry.
func (p *Producer) Waiting() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.due)
}

func (p *Producer) run(ctx context.Context) {
	defer p.s.wg.Done()
	t := time.NewTicker(p.o.Every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-p.s.stop:
			return
		case <-t.C:
			p.Step(ctx)
		}
	}
}

// Step sends the calls of new orders and the retries that fell due; the
// loop calls it, and tests may too, to step without waiting.
func (p *Producer) Step(ctx context.Context) {
	p.step.Lock()
	defer p.step.Unlock()
	calls := p.newCalls()
	p.mu.Lock()
	p.stats.Orders += len(calls)
	p.mu.Unlock()
	for _, body := range calls {
		p.send(ctx, body, nil)
	}
	now := p.s.clock.Now()
	p.mu.Lock()
	var due []*pendingCall
	keep := p.due[:0]
	for _, c := range p.due {
		if c.next.After(now) {
			keep = append(keep, c)
		} else {
			due = append(due, c)
		}
	}
	p.due = keep
	p.mu.Unlock()
	for _, c := range due {
		p.send(ctx, c.body, c)
	}
}

// newCalls builds the calls of orders that arrived since the last look.
func (p *Producer) newCalls() [][]byte {
	seq := p.s.Seq(p.o.Account)
	if seq <= p.since {
		return nil
	}
	var out [][]byte
	for _, r := range p.s.Records(p.o.Account, domain.ResOrders) {
		o, ok := r.(domain.Order)
		if !ok || o.Version <= p.since || p.seen[o.ID] || o.CreatedAt.Before(p.start) ||
			o.Status == domain.OrderCancelled || len(o.Lines) == 0 {
			continue // old orders changing (supervision done ...) bring no new call
		}
		p.seen[o.ID] = true
		if body, err := json.Marshal(callFor(o)); err == nil {
			out = append(out, body)
		}
	}
	p.since = seq
	return out
}

// callFor is the production call KooGallery makes for an order of its type.
func callFor(o domain.Order) map[string]string {
	line := o.Lines[0]
	c := map[string]string{"orderId": o.ID, "orderLineId": line.ID, "testFlag": "0"}
	product := ""
	if len(line.Products) > 0 {
		product = line.Products[0].ProductID
	}
	switch o.Type {
	case domain.OrderRenew, domain.OrderTrialToFormal:
		c["activity"], c["scene"], c["productId"] = produce.ActRefreshInstance, "RENEWAL", product
		if o.Type == domain.OrderTrialToFormal {
			c["scene"] = "TRIAL_TO_FORMAL"
		}
		if !line.ExpireTime.IsZero() {
			c["expireTime"] = line.ExpireTime.UTC().Format(marketapi.OpenTimeLayout)
		}
	case domain.OrderChange:
		c["activity"], c["productId"] = produce.ActUpgradeInstance, product
	case domain.OrderUnsubscribe:
		c["activity"] = produce.ActReleaseInstance
	default: // NEW, TRIAL
		c["activity"], c["businessId"] = produce.ActNewInstance, "B"+randomNonce()[:16]
	}
	return c
}

var produceKinds = map[string]domain.InterfaceKind{
	produce.ActNewInstance: domain.IfaceCreateInstance, produce.ActRefreshInstance: domain.IfaceRenew,
	produce.ActUpgradeInstance: domain.IfaceUpgrade, produce.ActReleaseInstance: domain.IfaceRelease,
}

// send makes one call; a failure is scheduled for retry inside the
// marketplace's window for the activity, and given up after it.
func (p *Producer) send(ctx context.Context, body []byte, retry *pendingCall) {
	ok := p.post(ctx, body)
	now := p.s.clock.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stats.Sent++
	if ok {
		p.stats.Succeeded++
		return
	}
	p.stats.Failed++
	c := retry
	if c == nil {
		var head struct{ Activity string }
		_ = json.Unmarshal(body, &head)
		c = &pendingCall{body: body, kind: produceKinds[head.Activity], first: now}
	}
	pol := domain.RetryPolicyFor(c.kind, false)
	c.next = now.Add(pol.Interval)
	if c.next.After(c.first.Add(pol.Window)) {
		p.stats.GaveUp++
		return
	}
	p.due = append(p.due, c)
}

// post signs and sends one call; true when the seller's server succeeded.
func (p *Producer) post(ctx context.Context, body []byte) bool {
	q := url.Values{}
	produce.Sign(q, p.o.Key, body, time.Now(), randomNonce())
	sep := "?"
	if strings.Contains(p.o.URL, "?") {
		sep = "&"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.o.URL+sep+q.Encode(), bytes.NewReader(body))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json;charset=UTF-8")
	resp, err := p.o.Client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var env struct {
		ResultCode string `json:"resultCode"`
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK || json.Unmarshal(data, &env) != nil {
		return false
	}
	var head struct{ Activity string }
	_ = json.Unmarshal(body, &head)
	return env.ResultCode == produce.CodeOK || (env.ResultCode == produce.CodeInProgress && head.Activity == produce.ActNewInstance)
}

func randomNonce() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return strings.ToUpper(hex.EncodeToString(b))
}
