package e2e

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/cli"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/gateway"
	"github.com/koogallery/merchant-console/gateway/produce"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/require"
)

// produceKey is the seller's production key (卖家中心 > 应用工具 > 密钥管理),
// shared by KooGallery (the sandbox) and the gateway.
const produceKey = "e2e-produce-key-0001"

// sellerServer is the seller's own production endpoint, the gateway's
// upstream: not our code, so a plain loopback server whose answer the test
// switches, as the seller's database goes down and comes back.
type sellerServer struct {
	srv    *httptest.Server
	answer atomic.Pointer[string]
	calls  atomic.Int32
}

func newSellerServer(t *testing.T) *sellerServer {
	t.Helper()
	s := &sellerServer{}
	s.answers(`{"resultCode":"000000","resultMsg":"success"}`)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		s.calls.Add(1)
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		_, _ = io.WriteString(w, *s.answer.Load())
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// answers makes the server answer body (HTTP 200) from now on.
func (s *sellerServer) answers(body string) { s.answer.Store(&body) }

// url is the endpoint the seller would register with KooGallery.
func (s *sellerServer) url() string { return s.srv.URL + "/koogallery/produce" }

// runningGateway is `merchant-console gateway` running in this process,
// started through the command's own entry point (cli.RunGateway) with the
// flags and environment a seller gives it.
type runningGateway struct {
	url  string // the console API's base URL; url + gateway.ProducePath is what KooGallery calls
	data string // --data
	logs *syncBuffer
}

// listening is the line the command prints once it serves.
var listening = regexp.MustCompile(`gateway listening at (http://\S+)` + regexp.QuoteMeta(gateway.ProducePath) + `,`)

// startGateway runs the gateway in front of upstream on loopback, with the
// world's marketplace for order/query. The seller's open-API keys are the
// ones startWorld put in the environment; the command reads them at start,
// as it would on the seller's server. It stops when the test ends.
func startGateway(t *testing.T, w *world, upstream string) *runningGateway {
	t.Helper()
	t.Setenv(produce.EnvKey, produceKey)
	g := &runningGateway{data: t.TempDir(), logs: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	out, stdout := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- cli.RunGateway(ctx, []string{"--listen", "127.0.0.1:0", "--upstream", upstream,
			"--data", g.data, "--marketplace", w.sb.URL(), "--account", sandbox.AccountMain,
			"--upstream-timeout", "2s"}, stdout, g.logs)
		_ = stdout.Close()
	}()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done, "the gateway stops cleanly")
		if log := g.logs.String(); t.Failed() && log != "" {
			t.Logf("gateway log:\n%s", log)
		}
	})
	lines := bufio.NewReader(out)
	line, err := lines.ReadString('\n')
	m := listening.FindStringSubmatch(line)
	require.Len(t, m, 2, "the gateway did not start (%v): %q\n%s", err, line, g.logs.String())
	go func() { _, _ = io.Copy(io.Discard, lines) }()
	g.url = m[1]
	return g
}

// agentConsole gives agent a key as `gateway keys add` does and opens the
// agent's console with the shop's account pointing at the gateway, its keys
// in the environment of the agent's desktop (the env key store), on the
// clock now.
func (g *runningGateway) agentConsole(t *testing.T, w *world, agent string, now func() time.Time) *console {
	t.Helper()
	key, err := gateway.OpenKeys(g.data).Add(agent, time.Now())
	require.NoError(t, err)
	t.Setenv(credentials.EnvAK, key.AK)
	t.Setenv(credentials.EnvSK, key.SK)
	return newConsoleOn(t, w, agent, config.Account{Name: shopAccount, Site: config.SiteCustom,
		BaseURL: g.url, Store: config.KeyStoreEnv}, now)
}

// syncBuffer is a log the gateway's goroutines write and the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// syncUntil syncs c until ready holds, within waitFor: the gateway records
// a call just after answering it and completes orders in the background.
func syncUntil(t *testing.T, c *console, what string, ready func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		c.mustSync(t)
		if ready() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s not seen within %s", c.agent, what, waitFor)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
