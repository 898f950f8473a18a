package sandbox

import (
	"fmt"

	"github.com/koogallery/merchant-console/marketapi"
)

// refusal is an answer in the marketplace's terms that changes nothing.
type refusal struct {
	code, reason, msg string
}

func (r *refusal) Error() string { return r.code + " " + r.reason + " " + r.msg }

func (r *refusal) status() int { return marketapi.HTTPStatusFor(r.code, r.reason) }

func (r *refusal) envelope() marketapi.Envelope {
	return marketapi.Envelope{ResultCode: r.code, ResultMsg: r.msg, Reason: r.reason}
}

func refuse(reason, format string, args ...any) *refusal {
	return &refusal{code: marketapi.CodeNotAllowed, reason: reason, msg: fmt.Sprintf(format, args...)}
}

func invalidState(state any, action any) *refusal {
	return refuse(marketapi.ReasonInvalidState, "当前状态 %v 不允许 %v / %v is not allowed in state %v", state, action, action, state)
}

func badParam(format string, args ...any) *refusal {
	return &refusal{code: marketapi.CodeBadParam, msg: fmt.Sprintf(format, args...)}
}

func badValue(format string, args ...any) *refusal {
	return &refusal{code: marketapi.CodeBadValue, msg: fmt.Sprintf(format, args...)}
}

func notFound(what, id string) *refusal {
	return &refusal{code: marketapi.CodeNotFound, msg: fmt.Sprintf("%s %s 不存在 / %s %s not found", what, id, what, id)}
}
