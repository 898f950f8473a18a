package gateway

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

const testKey = "k3y-DEMO-0001"

// seen is one request as the upstream received it.
type seen struct {
	Method, Query string
	Body          []byte
}

// upstream is a seller's production endpoint on loopback whose behaviour a
// test switches: it records every request and answers with reply.
type upstream struct {
	srv   *httptest.Server
	mu    sync.Mutex
	got   []seen
	reply func(w http.ResponseWriter, body []byte)
}

func newUpstream(t testing.TB) *upstream {
	u := &upstream{}
	u.answer(http.StatusOK, `{"resultCode":"000000","resultMsg":"success","instanceId":"INST-1"}`)
	u.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		u.mu.Lock()
		u.got = append(u.got, seen{r.Method, r.URL.RawQuery, body})
		reply := u.reply
		u.mu.Unlock()
		reply(w, body)
	}))
	t.Cleanup(u.srv.Close)
	return u
}

// answer makes the upstream answer status and body from now on.
func (u *upstream) answer(status int, body string) {
	u.set(func(w http.ResponseWriter, _ []byte) {
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	})
}

func (u *upstream) set(f func(w http.ResponseWriter, body []byte)) {
	u.mu.Lock()
	u.reply = f
	u.mu.Unlock()
}

func (u *upstream) requests() []seen {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]seen(nil), u.got...)
}

// clock is a settable test clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// rig is a gateway on a real loopback server in front of an upstream.
type rig struct {
	gw    *Gateway
	store *Store
	url   string
	up    *upstream
	clock *clock
	dir   string
}

func newRig(t testing.TB, cfg Config) *rig {
	t.Helper()
	up := newUpstream(t)
	dir := t.TempDir()
	st, j := openStoreAndJournal(t, dir)
	clk := &clock{now: time.Now().Truncate(time.Millisecond)}
	target, _ := url.Parse(up.srv.URL + "/produce-api")
	cfg.Key = testKey
	cfg.Store, cfg.Journal = st, j
	cfg.Account = "seller-1"
	cfg.Now = clk.Now
	if cfg.Forwarder == nil {
		cfg.Forwarder = &Forwarder{Upstream: target, Client: &http.Client{}, Timeout: 2 * time.Second}
	}
	if cfg.Keys == nil {
		cfg.Keys = OpenKeys(dir)
	}
	gw, err := New(cfg)
	require.NoError(t, err)
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	return &rig{gw: gw, store: st, url: srv.URL, up: up, clock: clk, dir: dir}
}

// signedQuery signs body as KooGallery does, at the given time.
func signedQuery(key string, body []byte, at time.Time, nonce string) url.Values {
	q := url.Values{}
	produce.Sign(q, key, body, at, nonce)
	return q
}

var nonceSeq struct {
	sync.Mutex
	n int
}

func nextNonce() string {
	nonceSeq.Lock()
	defer nonceSeq.Unlock()
	nonceSeq.n++
	return "N" + strconv.Itoa(nonceSeq.n) + "-" + randomHex(6)
}

// callResult is the gateway's answer as KooGallery sees it.
type callResult struct {
	Status      int
	ContentType string
	Body        []byte
	Code        string
}

// post sends a production call with the given query to the gateway.
func (r *rig) post(t testing.TB, q url.Values, body []byte) callResult {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, r.url+ProducePath+"?"+q.Encode(), strings.NewReader(string(body)))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json;charset=UTF-8")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	r.gw.cfg.Journal.Flush(5 * time.Second) // the store is written just after the answer
	var env struct {
		ResultCode string `json:"resultCode"`
	}
	_ = json.Unmarshal(data, &env)
	return callResult{resp.StatusCode, resp.Header.Get("Content-Type"), data, env.ResultCode}
}

// call signs body with the rig's clock and a fresh nonce and sends it.
func (r *rig) call(t testing.TB, body string) callResult {
	t.Helper()
	return r.post(t, signedQuery(testKey, []byte(body), r.clock.Now(), nextNonce()), []byte(body))
}

func (r *rig) alert(t testing.TB, id string) domain.InterfaceAlert {
	t.Helper()
	var a domain.InterfaceAlert
	ok, err := r.store.Get(domain.ResAlerts, id, &a)
	require.NoError(t, err)
	require.True(t, ok, "alert %s not stored", id)
	return a
}

func newInstanceBody(order string) string {
	return `{"activity":"newInstance","orderId":"` + order + `","orderLineId":"` + order + `-000001","businessId":"B-` + order + `","testFlag":"0"}`
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// openStoreAndJournal opens a data directory as the gateway does: the
// store, then the journal replaying into it. Both close at cleanup.
func openStoreAndJournal(t testing.TB, dir string) (*Store, *Journal) {
	t.Helper()
	st, err := OpenStore(dir, "seller-1")
	require.NoError(t, err)
	j, err := OpenJournal(dir, st, JournalOptions{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = j.Close(); _ = st.Close() })
	return st, j
}
