// Package marketapi is the wire contract between the console and a
// marketplace: the real KooGallery open API where it exists, and the seller
// gateway API the console syncs from (served by the built-in sandbox).
// docs/api.md describes it for people; this package is the same contract for
// the compiler, shared by the sandbox and the sync engine so they cannot drift.
package marketapi

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/koogallery/merchant-console/domain"
)

// Paths of the seller gateway API. {resource} is a domain.Resource.
const (
	SellerPrefix = "/api/mkp-seller/v1"
	// OrderQueryPath is the real marketplace's public order lookup.
	OrderQueryPath = "/api/mkp-openapi-public/global/v1/order/query"
	// WhoAmIPath answers the signed-in account, for "test connection".
	WhoAmIPath = SellerPrefix + "/whoami"
)

// Headers the contract uses beyond signing.
const (
	HeaderIdempotencyKey = "X-Idempotency-Key"
	HeaderRetryAfter     = "Retry-After"
	HeaderRequestID      = "X-Request-Id"
)

// Paging limits.
const (
	DefaultPageSize = 500
	MaxPageSize     = 1000
	// MaxRequestBody is the largest action body a server accepts.
	MaxRequestBody = 64 << 10
)

// ChangesPath is the incremental listing of one resource.
func ChangesPath(r domain.Resource) string { return SellerPrefix + "/" + string(r) + "/changes" }

// DetailPath is one record of a resource.
func DetailPath(r domain.Resource, id string) string {
	return SellerPrefix + "/" + string(r) + "/" + url.PathEscape(id)
}

// ActionPath is where an action on one record is posted.
func ActionPath(r domain.Resource, id string, a domain.ActionName) string {
	return DetailPath(r, id) + "/actions/" + string(a)
}

// ParseSellerPath splits a seller-gateway path into its resource, record ID
// and action; ok is false for a path outside the contract. p must be the
// escaped path (http.Request.URL.EscapedPath()), as DetailPath builds it: in
// the decoded URL.Path an ID holding "/" or "%" can no longer be told apart.
func ParseSellerPath(p string) (res domain.Resource, id string, action domain.ActionName, ok bool) {
	rest, found := strings.CutPrefix(p, SellerPrefix+"/")
	if !found {
		return "", "", "", false
	}
	parts := strings.Split(rest, "/")
	res = domain.Resource(parts[0])
	if !res.Valid() {
		return "", "", "", false
	}
	switch {
	case len(parts) == 2 && parts[1] == "changes":
		return res, "", "", true
	case len(parts) == 2:
		id, err := url.PathUnescape(parts[1])
		// An escaped "changes" (%63hanges) would name a record DetailPath
		// cannot address apart from the listing: refuse it.
		return res, id, "", err == nil && id != "" && id != "changes"
	case len(parts) == 4 && parts[2] == "actions":
		id, err := url.PathUnescape(parts[1])
		return res, id, domain.ActionName(parts[3]), err == nil && id != "" && parts[3] != ""
	}
	return "", "", "", false
}

// Envelope is the marketplace's result envelope, present on every reply.
type Envelope struct {
	ResultCode string `json:"resultCode"`
	ResultMsg  string `json:"resultMsg"`
	// Reason is a machine-readable detail for rejected actions (see Reason*).
	Reason string `json:"reason,omitempty"`
}

// OK reports whether the envelope says success.
func (e Envelope) OK() bool { return e.ResultCode == CodeOK }

// Err turns a failed envelope into an *Error, nil on success.
func (e Envelope) Err(httpStatus int) error {
	if e.OK() {
		return nil
	}
	return &Error{HTTPStatus: httpStatus, Code: e.ResultCode, Message: e.ResultMsg, Reason: e.Reason}
}

// ChangesPage is one page of "what changed since the cursor". Items and
// Removed together cover the versions up to NextCursor; a client stores the
// page and NextCursor in one transaction, and asks again while HasMore.
type ChangesPage[T any] struct {
	Envelope
	Items      []T                `json:"items"`
	Removed    []domain.Tombstone `json:"removed"`
	NextCursor string             `json:"nextCursor"`
	HasMore    bool               `json:"hasMore"`
	// Total is the number of live records the account has, when the server
	// knows it cheaply; 0 means unknown. It lets a first sync show a percentage.
	Total int `json:"total,omitempty"`
}

// Detail is a single record reply.
type Detail[T any] struct {
	Envelope
	Data T `json:"data"`
}

// ActionResult is the reply to an action: the record as it stands afterwards.
type ActionResult[T any] struct {
	Envelope
	Data T `json:"data"`
	// Replayed is true when the idempotency key had been seen and the stored
	// answer was returned without applying the action again.
	Replayed bool `json:"replayed,omitempty"`
}

// WhoAmI describes the account a credential belongs to.
type WhoAmI struct {
	Envelope
	AccountID   string   `json:"accountId"`
	AccountName string   `json:"accountName"`
	Site        string   `json:"site"`
	SubAccount  bool     `json:"subAccount,omitempty"`
	Products    []string `json:"products,omitempty"` // delegated products of a sub-account
	// Serves lists the resources the server publishes; empty means all of
	// them. A production-interface gateway serves orders and alerts only,
	// and a console skips the others instead of failing on them.
	Serves []domain.Resource `json:"serves,omitempty"`
}

// ServesResource reports whether the server publishes res.
func (w WhoAmI) ServesResource(res domain.Resource) bool {
	if len(w.Serves) == 0 {
		return true
	}
	for _, s := range w.Serves {
		if s == res {
			return true
		}
	}
	return false
}

// Error is a failed reply in the marketplace's terms.
type Error struct {
	HTTPStatus int
	Code       string // MKT.* result code
	Message    string
	Reason     string // Reason* for rejected actions
}

func (e *Error) Error() string {
	// A reply without an envelope (a proxy's page, an empty body) must still
	// read as something a person can act on.
	code := e.Code
	if code == "" {
		code = "no resultCode"
	}
	head := code
	if e.Message != "" {
		head += " " + e.Message
	}
	if e.Reason != "" {
		return fmt.Sprintf("%s (%s, HTTP %d)", head, e.Reason, e.HTTPStatus)
	}
	return fmt.Sprintf("%s (HTTP %d)", head, e.HTTPStatus)
}

// Retryable reports whether sending the same request later may succeed.
func (e *Error) Retryable() bool {
	return e.HTTPStatus == 429 || e.HTTPStatus >= 500 || e.Code == CodeRateLimited || e.Code == CodeInternal
}

// AttachmentPath is where a ticket attachment's bytes are downloaded.
func AttachmentPath(ticketID, attachmentID string) string {
	return DetailPath(domain.ResTickets, ticketID) + "/attachments/" + url.PathEscape(attachmentID)
}

// ParseAttachmentPath splits an escaped AttachmentPath into its ticket and
// attachment IDs; ok is false for any other path.
func ParseAttachmentPath(p string) (ticketID, attachmentID string, ok bool) {
	rest, found := strings.CutPrefix(p, DetailPath(domain.ResTickets, ""))
	if !found {
		return "", "", false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 || parts[1] != "attachments" {
		return "", "", false
	}
	t, err1 := url.PathUnescape(parts[0])
	a, err2 := url.PathUnescape(parts[2])
	return t, a, err1 == nil && err2 == nil && t != "" && a != ""
}
