package e2e

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
)

// lostReplies is the network failing at the worst moment: an action's
// request reaches the marketplace and is applied, but the answer never
// comes back. It wraps a real transport; nothing of ours is replaced.
type lostReplies struct {
	base    http.RoundTripper
	dropped atomic.Int32
}

func newLostReplies() *lostReplies {
	return &lostReplies{base: http.DefaultTransport.(*http.Transport).Clone()}
}

// errLostReply reads like the connection reset a user would see.
var errLostReply = errors.New("e2e: connection reset after the request reached the server")

// RoundTrip forwards the request and, for actions, drops the reply.
func (l *lostReplies) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(r)
	if err != nil || r.Method != http.MethodPost || !strings.Contains(r.URL.Path, "/actions/") {
		return resp, err
	}
	_ = resp.Body.Close()
	l.dropped.Add(1)
	return nil, errLostReply
}
