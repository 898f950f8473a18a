package gateway

import (
	"fmt"
	"net/url"

	"github.com/koogallery/merchant-console/config"
)

// ParseUpstream reads --upstream: the seller's real production endpoint.
// Plain http only to a loopback host (the usual layout: the endpoint and
// the gateway on one machine behind the reverse proxy); https elsewhere.
func ParseUpstream(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("--upstream %q: want scheme://host[:port]/path", raw)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && config.IsLoopback(u.Hostname()):
	default:
		return nil, fmt.Errorf("--upstream %q: plain http only to a loopback host; use https", raw)
	}
	if u.RawQuery != "" {
		return nil, fmt.Errorf("--upstream %q: no query: the call's own query is forwarded", raw)
	}
	return u, nil
}
