package gateway

import (
	"time"
)

// Outcome is what the upstream did with one forwarded call.
type Outcome struct {
	HTTPStatus int           `json:"httpStatus,omitempty"` // 0 when no answer came
	ResultCode string        `json:"resultCode,omitempty"`
	ResultMsg  string        `json:"resultMsg,omitempty"`
	InstanceID string        `json:"instanceId,omitempty"`
	Latency    time.Duration `json:"latency"`
	Timeout    bool          `json:"timeout,omitempty"`
	Error      string        `json:"error,omitempty"` // transport error, in words
}

// CallRecord is one verified call as stored: what came in and what the
// upstream answered. Body and query are kept byte for byte so a restart can
// re-send the call.
type CallRecord struct {
	Seq        uint64    `json:"seq"`
	Journal    uint64    `json:"journal"` // its entry in the journal (journal.go)
	ReceivedAt time.Time `json:"receivedAt"`
	Call       Call      `json:"call"`
	Query      string    `json:"query"`
	Body       []byte    `json:"body"`
	Outcome    Outcome   `json:"outcome"`
	Restart    bool      `json:"restart,omitempty"` // sent by the gateway for a console's 重新启动
}

// Failed says whether the call needs the seller: no answer, an HTTP error,
// or a result code other than success.
func (r CallRecord) Failed() bool {
	o := r.Outcome
	return o.HTTPStatus != 200 || !r.Call.Succeeded(o.ResultCode)
}

// failureCode is the code an alert shows: the seller's resultCode, or what
// stood in for it.
func (o Outcome) failureCode() string {
	switch {
	case o.Timeout:
		return "TIMEOUT"
	case o.HTTPStatus == 0:
		return "UNREACHABLE"
	case o.ResultCode == "":
		return "HTTP_" + itoa(o.HTTPStatus)
	}
	return o.ResultCode
}
