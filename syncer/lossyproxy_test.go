package syncer

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
)

// lossyProxy stands between the client and a real server on loopback. It
// can let the server apply an action and then lose the reply, the way a
// dropped connection or a crash right after sending does: the client
// never learns the action was applied.
type lossyProxy struct {
	*httptest.Server
	target *url.URL
	mu     sync.Mutex
	pass   int  // action replies still delivered before one is lost; -1: none lost
	down   bool // after a lost reply: every request fails until up()
	lost   int  // replies lost so far
}

func newLossyProxy(t *testing.T, target string) *lossyProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &lossyProxy{target: u, pass: -1}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Close)
	return p
}

// loseReplyAfter delivers n action replies, then lets the server apply the
// next action, loses its reply and stays down.
func (p *lossyProxy) loseReplyAfter(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pass = n
}

// up serves again, losing nothing.
func (p *lossyProxy) up() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down, p.pass = false, -1
}

func (p *lossyProxy) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	down := p.down
	p.mu.Unlock()
	if down {
		hangUp(w)
		return
	}
	body, _ := io.ReadAll(r.Body)
	out, err := http.NewRequestWithContext(r.Context(), r.Method, p.target.ResolveReference(&url.URL{Path: r.URL.Path, RawQuery: r.URL.RawQuery}).String(), bytes.NewReader(body))
	if err != nil {
		hangUp(w)
		return
	}
	out.Header = r.Header.Clone()
	out.Host = r.Host // the client signed the proxy's host
	resp, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		hangUp(w)
		return
	}
	defer resp.Body.Close()
	reply, _ := io.ReadAll(resp.Body)
	if r.Method == http.MethodPost && p.loseThis() {
		hangUp(w) // the server has applied it; the client hears nothing
		return
	}
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(reply)
}

// loseThis counts an action reply and reports whether it is the one to lose.
func (p *lossyProxy) loseThis() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.pass < 0:
		return false
	case p.pass > 0:
		p.pass--
		return false
	}
	p.pass, p.down = -1, true
	p.lost++
	return true
}

// hangUp closes the connection without an answer.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
