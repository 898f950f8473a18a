package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

// ServeHTTP is the sandbox's front door: faults first, then size limit and
// signature, then the contract's routes. Nothing is changed by a request
// refused before its route runs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.offline.Load() {
		dropConn(w)
		return
	}
	w.Header().Set(marketapi.HeaderRequestID, "sb-"+strconv.FormatUint(s.requests.Add(1), 10))
	plan := s.faults.roll()
	if plan.delay > 0 {
		time.Sleep(plan.delay)
	}
	out := &responder{w: w, truncate: plan.truncate}
	switch {
	case plan.fail:
		out.envelope(http.StatusInternalServerError, marketapi.CodeInternal, "系统内部错误 / internal error (injected)")
		return
	case plan.limit:
		w.Header().Set(marketapi.HeaderRetryAfter, strconv.Itoa(int(max(1, plan.retryWait.Round(time.Second)/time.Second))))
		out.envelope(http.StatusTooManyRequests, marketapi.CodeRateLimited, "请求过于频繁 / rate limited")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, marketapi.MaxRequestBody+1))
	if err != nil {
		out.envelope(http.StatusBadRequest, marketapi.CodeBadRequest, "无法读取请求体 / cannot read the body")
		return
	}
	if len(body) > marketapi.MaxRequestBody {
		out.envelope(http.StatusRequestEntityTooLarge, marketapi.CodeBadValue, "请求体过大 / request body too large")
		return
	}
	acct, ok := s.authenticate(r, body, out)
	if !ok {
		return
	}
	s.route(out, r, acct, body)
}

// authenticate verifies the APIG signature and finds the caller's account.
func (s *Server) authenticate(r *http.Request, body []byte, out *responder) (string, bool) {
	ak, err := apig.Verify(r, body, s.w.SecretFor, time.Now(), MaxSkew)
	if err != nil {
		msg := "签名无效 / signature does not match"
		switch {
		case errors.Is(err, apig.ErrUnsigned):
			msg = "请求未签名 / request is not signed"
		case errors.Is(err, apig.ErrStale):
			msg = "签名时间超出允许范围 / request date outside the allowed skew"
		case errors.Is(err, apig.ErrUnknownKey):
			msg = "未知的 AK / unknown access key"
		}
		out.envelope(http.StatusUnauthorized, marketapi.CodeAuthFailed, msg)
		return "", false
	}
	return s.w.AccountFor(ak), true
}

// dropConn closes the client's connection without an answer.
func dropConn(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			_ = c.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// responder writes JSON answers, cutting them short when a fault says so.
type responder struct {
	w        http.ResponseWriter
	truncate bool
}

func (o *responder) json(status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"resultCode":"MKT.0999","resultMsg":"encode failed"}`)
	}
	h := o.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	o.w.WriteHeader(status)
	if o.truncate {
		_, _ = o.w.Write(b[:len(b)/2])
		panic(http.ErrAbortHandler) // the connection closes mid-body
	}
	_, _ = o.w.Write(b)
}

func (o *responder) envelope(status int, code, msg string) {
	o.json(status, marketapi.Envelope{ResultCode: code, ResultMsg: msg})
}

func (o *responder) refusal(rf *rules.Refusal) { o.json(rf.Status(), rf.Envelope()) }

func okEnvelope() marketapi.Envelope {
	return marketapi.Envelope{ResultCode: marketapi.CodeOK, ResultMsg: "success"}
}
