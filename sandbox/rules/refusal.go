package rules

import (
	"fmt"

	"github.com/koogallery/merchant-console/marketapi"
)

// Refusal is an answer in the marketplace's terms that changes nothing: a
// result code, for a conflict the reason, and a bilingual message.
type Refusal struct {
	code, reason, msg string
}

// Error is the code, reason and message, for logs and test failures.
func (r *Refusal) Error() string { return r.code + " " + r.reason + " " + r.msg }

// Status is the HTTP status the contract gives the refusal.
func (r *Refusal) Status() int { return marketapi.HTTPStatusFor(r.code, r.reason) }

// Envelope is the refusal as the contract's error envelope.
func (r *Refusal) Envelope() marketapi.Envelope {
	return marketapi.Envelope{ResultCode: r.code, ResultMsg: r.msg, Reason: r.reason}
}

// Refuse is an action the record's state or the account does not allow,
// for the given reason (marketapi.Reason*).
func Refuse(reason, format string, args ...any) *Refusal {
	return &Refusal{code: marketapi.CodeNotAllowed, reason: reason, msg: fmt.Sprintf(format, args...)}
}

func invalidState(state any, action any) *Refusal {
	return Refuse(marketapi.ReasonInvalidState, "当前状态 %v 不允许 %v / %v is not allowed in state %v", state, action, action, state)
}

// BadParam is a request missing a parameter or with one malformed.
func BadParam(format string, args ...any) *Refusal {
	return &Refusal{code: marketapi.CodeBadParam, msg: fmt.Sprintf(format, args...)}
}

// BadValue is a request with a value the contract does not know.
func BadValue(format string, args ...any) *Refusal {
	return &Refusal{code: marketapi.CodeBadValue, msg: fmt.Sprintf(format, args...)}
}

// NotFound is an unknown record (or one of another account: the same).
func NotFound(what, id string) *Refusal {
	return &Refusal{code: marketapi.CodeNotFound, msg: fmt.Sprintf("%s %s 不存在 / %s %s not found", what, id, what, id)}
}
