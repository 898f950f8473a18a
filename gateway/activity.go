package gateway

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/domain"
)

// Activities of the production interfaces (SaaS access guide V2.0), sent in
// the body's "activity" field.
const (
	ActNewInstance          = "newInstance"
	ActRefreshInstance      = "refreshInstance"
	ActUpdateInstanceStatus = "updateInstanceStatus"
	ActUpgradeInstance      = "upgradeInstance"
	ActReleaseInstance      = "releaseInstance"
	ActQueryInstance        = "queryInstance"
	ActOrderNotify          = "orderNotify"
)

// Seller result codes the gateway reads or answers.
const (
	SellerOK         = "000000"
	SellerAuthFailed = "000001"
	SellerInProgress = "000004"
	SellerInternal   = "000005"
)

// kinds maps each activity to the interface kind its alerts carry;
// queryInstance has none: it asks, it does not deliver an order.
var kinds = map[string]domain.InterfaceKind{
	ActNewInstance:          domain.IfaceCreateInstance,
	ActRefreshInstance:      domain.IfaceRenew,
	ActUpdateInstanceStatus: domain.IfaceUpdateStatus,
	ActUpgradeInstance:      domain.IfaceUpgrade,
	ActReleaseInstance:      domain.IfaceRelease,
	ActOrderNotify:          domain.IfaceOrderNotify,
	ActQueryInstance:        "",
}

// Call is what the gateway reads from a production call's body: enough to
// key alerts and orders. The body itself is forwarded byte for byte.
type Call struct {
	Activity    string `json:"activity"`
	OrderID     string `json:"orderId,omitempty"`
	OrderLineID string `json:"orderLineId,omitempty"`
	InstanceID  string `json:"instanceId,omitempty"`
	Scene       string `json:"scene,omitempty"`  // refreshInstance: RENEWAL, TRIAL_TO_FORMAL, ...
	Status      string `json:"status,omitempty"` // updateInstanceStatus: FREEZE | UNFREEZE
	ProductID   string `json:"productId,omitempty"`
	ExpireTime  string `json:"expireTime,omitempty"` // yyyyMMddHHmmss
	TestFlag    string `json:"testFlag,omitempty"`
}

// ErrMalformedBody is a body that is not a production call.
var ErrMalformedBody = errors.New("body is not a production-interface call")

// ParseCall reads a call body; it refuses JSON that is not an object, an
// unknown activity, and an order-bearing activity without the IDs it keys on.
func ParseCall(body []byte) (Call, error) {
	var c Call
	if err := json.Unmarshal(body, &c); err != nil {
		return Call{}, fmt.Errorf("%w: %v", ErrMalformedBody, err)
	}
	kind, known := kinds[c.Activity]
	switch {
	case !known:
		return Call{}, fmt.Errorf("%w: unknown activity %q", ErrMalformedBody, c.Activity)
	case kind == "":
		return c, nil
	case c.OrderID == "" && c.InstanceID == "":
		return Call{}, fmt.Errorf("%w: %s without orderId or instanceId", ErrMalformedBody, c.Activity)
	}
	return c, nil
}

// Kind is the interface kind of the call's alerts, "" for queries.
func (c Call) Kind() domain.InterfaceKind { return kinds[c.Activity] }

// Subject names what the call is about, so a later call of the same
// activity on the same order (or instance) is recognised as its retry.
func (c Call) Subject() string {
	if c.OrderID != "" {
		return c.OrderID + "/" + c.OrderLineID
	}
	return "instance/" + c.InstanceID
}

// Succeeded says whether a seller's result code means the call worked:
// 000000, or 000004 for an asynchronous creation.
func (c Call) Succeeded(code string) bool {
	return code == SellerOK || (code == SellerInProgress && c.Activity == ActNewInstance)
}
