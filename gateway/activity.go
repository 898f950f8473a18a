package gateway

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/koogallery/merchant-console/domain"
)

// kinds maps each activity to the interface kind its alerts carry;
// queryInstance has none: it asks, it does not deliver an order.
var kinds = map[string]domain.InterfaceKind{
	produce.ActNewInstance:          domain.IfaceCreateInstance,
	produce.ActRefreshInstance:      domain.IfaceRenew,
	produce.ActUpdateInstanceStatus: domain.IfaceUpdateStatus,
	produce.ActUpgradeInstance:      domain.IfaceUpgrade,
	produce.ActReleaseInstance:      domain.IfaceRelease,
	produce.ActOrderNotify:          domain.IfaceOrderNotify,
	produce.ActQueryInstance:        "",
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
	return code == produce.CodeOK || (code == produce.CodeInProgress && c.Activity == produce.ActNewInstance)
}
