package marketapi

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHTTPStatusFor(t *testing.T) {
	tests := []struct {
		name   string
		code   string
		reason string
		want   int
	}{
		{"ok", CodeOK, "", http.StatusOK},
		{"bad param", CodeBadParam, "", http.StatusBadRequest},
		{"bad value", CodeBadValue, "", http.StatusBadRequest},
		{"bad request", CodeBadRequest, "", http.StatusBadRequest},
		{"auth failed", CodeAuthFailed, "", http.StatusUnauthorized},
		{"token invalid", CodeTokenInvalid, "", http.StatusUnauthorized},
		{"rate limited", CodeRateLimited, "", http.StatusTooManyRequests},
		{"internal", CodeInternal, "", http.StatusInternalServerError},
		{"not found", CodeNotFound, "", http.StatusNotFound},
		{"unknown code", "MKT.4242", "", http.StatusInternalServerError},
		{"not allowed without reason", CodeNotAllowed, "", http.StatusForbidden},
		{"already accepted", CodeNotAllowed, ReasonAlreadyAccepted, http.StatusConflict},
		{"flow frozen", CodeNotAllowed, ReasonFlowFrozen, http.StatusConflict},
		{"invalid state", CodeNotAllowed, ReasonInvalidState, http.StatusConflict},
		{"deadline passed", CodeNotAllowed, ReasonDeadlinePassed, http.StatusConflict},
		{"not delegated", CodeNotAllowed, ReasonNotDelegated, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, HTTPStatusFor(tt.code, tt.reason))
		})
	}
}

func TestEnvelopeErr(t *testing.T) {
	tests := []struct {
		name      string
		env       Envelope
		status    int
		wantErr   string
		retryable bool
	}{
		{"success", Envelope{ResultCode: CodeOK, ResultMsg: "success"}, 200, "", false},
		{"taken by another agent",
			Envelope{ResultCode: CodeNotAllowed, ResultMsg: "已被张三受理", Reason: ReasonAlreadyAccepted}, 409,
			"MKT.0150 已被张三受理 (ALREADY_ACCEPTED, HTTP 409)", false},
		{"bad signature", Envelope{ResultCode: CodeAuthFailed, ResultMsg: "signature mismatch"}, 401,
			"MKT.0151 signature mismatch (HTTP 401)", false},
		{"rate limited", Envelope{ResultCode: CodeRateLimited, ResultMsg: "too many requests"}, 429,
			"MKT.0250 too many requests (HTTP 429)", true},
		{"internal", Envelope{ResultCode: CodeInternal, ResultMsg: "boom"}, 500, "MKT.0999 boom (HTTP 500)", true},
		{"gateway error with odd code", Envelope{ResultCode: "APIG.0201", ResultMsg: "backend timeout"}, 504,
			"APIG.0201 backend timeout (HTTP 504)", true},
		{"not found", Envelope{ResultCode: CodeNotFound, ResultMsg: "instance not found"}, 404,
			"MKT.9001 instance not found (HTTP 404)", false},
		{"empty envelope is a failure", Envelope{}, 200, "no resultCode (HTTP 200)", false},
		{"code without message", Envelope{ResultCode: CodeBadParam}, 400, "MKT.0100 (HTTP 400)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// when
			err := tt.env.Err(tt.status)
			// then
			assert.Equal(t, tt.wantErr == "", tt.env.OK())
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			var apiErr *Error
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantErr, err.Error())
			assert.Equal(t, tt.env.ResultCode, apiErr.Code)
			assert.Equal(t, tt.env.Reason, apiErr.Reason)
			assert.Equal(t, tt.status, apiErr.HTTPStatus)
			assert.Equal(t, tt.retryable, apiErr.Retryable())
		})
	}
}
