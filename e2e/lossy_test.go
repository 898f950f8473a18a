package e2e

import (
	"errors"
	"net/http"
	"sync/atomic"
)

// lostReplies is the network failing at the worst moment: a request to one
// action's path reaches the marketplace and is applied, but the answer
// never comes back, on every attempt. It wraps a real transport; nothing
// of ours is replaced.
type lostReplies struct {
	base    http.RoundTripper
	path    string // the escaped path whose answers are lost, e.g. marketapi.ActionPath(...)
	dropped atomic.Int32
}

func newLostReplies(path string) *lostReplies {
	return &lostReplies{base: http.DefaultTransport.(*http.Transport).Clone(), path: path}
}

// errLostReply reads like the connection reset a user would see.
var errLostReply = errors.New("e2e: connection reset after the request reached the server")

// RoundTrip forwards the request and, for a POST to the lossy path, drops
// the reply once the server has answered.
func (l *lostReplies) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(r)
	if err != nil || r.Method != http.MethodPost || r.URL.EscapedPath() != l.path {
		return resp, err
	}
	_ = resp.Body.Close()
	l.dropped.Add(1)
	return nil, errLostReply
}
