package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxAnswer bounds the upstream answer the gateway reads (and relays).
const maxAnswer = 1 << 20

// Answer is the upstream's reply as relayed to KooGallery.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Forwarder sends calls to the seller's real production endpoint.
type Forwarder struct {
	Upstream *url.URL
	Client   *http.Client
	Timeout  time.Duration
}

// Forward sends method, query and body unchanged to the upstream and
// returns its answer and what it means for alerts. No answer at all (down,
// timeout) yields a nil Answer.
func (f *Forwarder) Forward(ctx context.Context, method, rawQuery string, header http.Header, body []byte) (*Answer, Outcome) {
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	u := *f.Upstream
	u.RawQuery = rawQuery
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, Outcome{Error: err.Error()}
	}
	for _, h := range []string{"Content-Type", "Accept", "User-Agent"} {
		if v := header.Get(h); v != "" {
			req.Header.Set(h, v)
		}
	}
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, failedOutcome(err, time.Since(start))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return nil, failedOutcome(err, time.Since(start))
	}
	out := Outcome{HTTPStatus: resp.StatusCode, Latency: time.Since(start)}
	var env struct {
		ResultCode string `json:"resultCode"`
		ResultMsg  string `json:"resultMsg"`
		InstanceID string `json:"instanceId"`
	}
	if json.Unmarshal(data, &env) == nil {
		out.ResultCode, out.ResultMsg, out.InstanceID = env.ResultCode, truncate(env.ResultMsg, 255), env.InstanceID
	}
	return &Answer{Status: resp.StatusCode, Header: resp.Header, Body: data}, out
}

func failedOutcome(err error, took time.Duration) Outcome {
	var ne net.Error
	timeout := errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
	// *url.Error repeats the URL, and with it the call's signature and
	// nonce: keep only what went wrong.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return Outcome{Latency: took, Timeout: timeout, Error: truncate(err.Error(), 255)}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
