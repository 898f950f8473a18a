package gateway

import (
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// Names of the extendParams the gateway adds to an order: what the
// production calls said about its instance. The open API's own params keep
// their names; these are prefixed so the two cannot collide.
const (
	ParamInstanceID     = "gateway.instanceId"
	ParamInstanceStatus = "gateway.instanceStatus" // FREEZE, UNFREEZE, RELEASED
	ParamLastActivity   = "gateway.lastActivity"
	ParamLastOrder      = "gateway.lastOrder" // the renewal or change order that last touched the instance
)

// orderTypes is the order type a call implies, before order/query says.
var orderTypes = map[string]domain.OrderType{
	produce.ActNewInstance:     domain.OrderNew,
	produce.ActUpgradeInstance: domain.OrderChange,
	produce.ActRefreshInstance: domain.OrderRenew,
}

// nextOrder applies one recorded call to the order it bears (prev, nil when
// the gateway has not seen it) and returns the order to store, or nil when
// the call bears none (queries, status calls naming only an instance the
// gateway never saw created).
func nextOrder(prev *domain.Order, r CallRecord) *domain.Order {
	c := r.Call
	if c.Kind() == "" || c.OrderID == "" {
		return nil
	}
	var o domain.Order
	if prev != nil {
		o = *prev
		o.Lines = append([]domain.OrderLine(nil), prev.Lines...)
		o.Extend = append([]domain.Param(nil), prev.Extend...)
	} else {
		o = domain.Order{Meta: domain.Meta{ID: c.OrderID}, Type: orderTypes[c.Activity], CreatedAt: r.ReceivedAt,
			Status: domain.OrderProcessing}
		if c.Scene == "TRIAL_TO_FORMAL" {
			o.Type = domain.OrderTrialToFormal
		}
		if c.OrderLineID != "" {
			o.Lines = []domain.OrderLine{{ID: c.OrderLineID}}
		}
	}
	// 处理中 while the seller's server has not delivered; 已完成 once it has.
	if r.Failed() {
		if o.Status != domain.OrderCompleted {
			o.Status = domain.OrderProcessing
		}
	} else {
		o.Status = domain.OrderCompleted
	}
	setParam(&o, ParamLastActivity, c.Activity)
	if id := firstNonEmpty(r.Outcome.InstanceID, c.InstanceID); id != "" {
		setParam(&o, ParamInstanceID, id)
	}
	switch {
	case c.Activity == produce.ActUpdateInstanceStatus && c.Status != "" && !r.Failed():
		setParam(&o, ParamInstanceStatus, c.Status)
	case c.Activity == produce.ActReleaseInstance && !r.Failed():
		setParam(&o, ParamInstanceStatus, "RELEASED")
	}
	if exp, err := time.Parse(marketapi.OpenTimeLayout, c.ExpireTime); err == nil && !r.Failed() {
		for i := range o.Lines {
			if c.OrderLineID == "" || o.Lines[i].ID == c.OrderLineID {
				o.Lines[i].ExpireTime = exp
			}
		}
	}
	return &o
}

// nextOrigin applies a successful call on an instance to the order that
// created it (line is that order's line for the instance).
func nextOrigin(o domain.Order, line string, r CallRecord) domain.Order {
	o.Lines = append([]domain.OrderLine(nil), o.Lines...)
	o.Extend = append([]domain.Param(nil), o.Extend...)
	c := r.Call
	setParam(&o, ParamLastActivity, c.Activity)
	if c.OrderID != "" {
		setParam(&o, ParamLastOrder, c.OrderID)
	}
	if c.Activity == produce.ActReleaseInstance {
		setParam(&o, ParamInstanceStatus, "RELEASED")
	}
	if exp, err := time.Parse(marketapi.OpenTimeLayout, c.ExpireTime); err == nil {
		for i := range o.Lines {
			if o.Lines[i].ID == line || line == "" {
				o.Lines[i].ExpireTime = exp
			}
		}
	}
	return o
}

// completeOrder merges what order/query answered into the gateway's order:
// the marketplace's fields win, the gateway's status and params stay.
func completeOrder(have domain.Order, open domain.Order) domain.Order {
	out := open
	out.Meta = have.Meta
	out.Status = have.Status
	if out.Type == "" {
		out.Type = have.Type
	}
	for _, p := range have.Extend {
		if len(p.Name) > 8 && p.Name[:8] == "gateway." {
			setParam(&out, p.Name, p.Value)
		}
	}
	return out
}

func setParam(o *domain.Order, name, value string) {
	for i := range o.Extend {
		if o.Extend[i].Name == name {
			o.Extend[i].Value = value
			return
		}
	}
	o.Extend = append(o.Extend, domain.Param{Name: name, Value: value})
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
