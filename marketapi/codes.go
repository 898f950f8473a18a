package marketapi

import "net/http"

// Marketplace result codes (resultCode).
const (
	CodeOK           = "MKT.0000"
	CodeBadParam     = "MKT.0100" // a parameter is missing or malformed
	CodeBadValue     = "MKT.0101" // a parameter's value is not acceptable (unknown cursor, oversized body)
	CodeBadRequest   = "MKT.0199" // the request as a whole is not acceptable
	CodeNotAllowed   = "MKT.0150" // the action is not allowed now (see Reason)
	CodeAuthFailed   = "MKT.0151" // signature missing, wrong or stale
	CodeTokenInvalid = "MKT.0154"
	CodeRateLimited  = "MKT.0250" // HTTP 429 with Retry-After
	CodeInternal     = "MKT.0999"
	CodeNotFound     = "MKT.9001" // instance (record) not found
)

// Reasons a server gives for refusing an action (Envelope.Reason).
const (
	ReasonAlreadyAccepted = "ALREADY_ACCEPTED" // another agent accepted the ticket first
	ReasonFlowFrozen      = "FLOW_FROZEN"      // an open appeal freezes the supervision flow
	ReasonInvalidState    = "INVALID_STATE"    // the record is not in a state that allows it
	ReasonNotDelegated    = "NOT_DELEGATED"    // the product is not delegated to this sub-account
	ReasonDeadlinePassed  = "DEADLINE_PASSED"  // e.g. restart after automatic unsubscription
)

// HTTPStatusFor is the HTTP status that goes with a result code.
func HTTPStatusFor(code, reason string) int {
	switch code {
	case CodeOK:
		return http.StatusOK
	case CodeBadParam, CodeBadValue, CodeBadRequest:
		return http.StatusBadRequest
	case CodeAuthFailed, CodeTokenInvalid:
		return http.StatusUnauthorized
	case CodeNotAllowed:
		if reason != "" && reason != ReasonNotDelegated {
			return http.StatusConflict
		}
		return http.StatusForbidden
	case CodeRateLimited:
		return http.StatusTooManyRequests
	case CodeNotFound:
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}
