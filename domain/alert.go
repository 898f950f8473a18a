package domain

import "time"

// InterfaceKind names the production interface the marketplace called.
type InterfaceKind string

// Production interfaces the marketplace calls on the seller's server.
const (
	IfaceCreateInstance InterfaceKind = "CREATE_INSTANCE" // 新购
	IfaceUpgrade        InterfaceKind = "UPGRADE"         // 变更/升级
	IfaceUpdateStatus   InterfaceKind = "UPDATE_STATUS"   // 更新实例状态
	IfaceRenew          InterfaceKind = "RENEW"           // 续费
	IfaceExpire         InterfaceKind = "EXPIRE"          // 过期
	IfaceRelease        InterfaceKind = "RELEASE"         // 释放
	IfaceOrderNotify    InterfaceKind = "ORDER_NOTIFY"    // 订单通知
)

// InterfaceKinds lists every interface kind, for filters.
var InterfaceKinds = []InterfaceKind{
	IfaceCreateInstance, IfaceUpgrade, IfaceUpdateStatus, IfaceRenew,
	IfaceExpire, IfaceRelease, IfaceOrderNotify,
}

// RetryPolicy is how the marketplace retries a failed call by itself.
type RetryPolicy struct {
	Interval        time.Duration // between automatic retries
	Window          time.Duration // how long automatic retries go on
	AutoUnsubscribe bool          // when the window closes, the order is judged failed and unsubscribed
}

// defaultRetryInterval is used where the marketplace publishes a window but no
// interval; its help pages only give intervals for License products.
const defaultRetryInterval = 10 * time.Minute

// RetryPolicyFor returns the marketplace's retry schedule for a failed call.
func RetryPolicyFor(kind InterfaceKind, license bool) RetryPolicy {
	switch kind {
	case IfaceCreateInstance, IfaceUpgrade:
		if license {
			return RetryPolicy{2 * time.Minute, 2 * time.Hour, true}
		}
		return RetryPolicy{defaultRetryInterval, 3 * time.Hour, true}
	case IfaceUpdateStatus, IfaceRenew:
		if license {
			return RetryPolicy{2 * time.Minute, 2 * time.Hour, false}
		}
		return RetryPolicy{defaultRetryInterval, time.Hour, false}
	case IfaceExpire, IfaceRelease:
		if license {
			return RetryPolicy{2 * time.Minute, 120 * time.Minute, false} // 60 calls every 2 min
		}
		return RetryPolicy{defaultRetryInterval, time.Hour, false}
	default: // order notification
		return RetryPolicy{defaultRetryInterval, 3 * time.Hour, false}
	}
}

// AlertState is where a failed call stands.
type AlertState string

// Alert states.
const (
	AlertRetrying     AlertState = "RETRYING"     // the marketplace is still retrying by itself
	AlertFailed       AlertState = "FAILED"       // retries exhausted: manual restart only
	AlertRestarting   AlertState = "RESTARTING"   // the seller pressed 重新启动; a call is under way
	AlertResolved     AlertState = "RESOLVED"     // a later call succeeded
	AlertUnsubscribed AlertState = "UNSUBSCRIBED" // the order was judged failed and unsubscribed
)

// AlertStates lists every alert state, for filters and counts (from kinds.go).
var AlertStates []AlertState

// Open reports whether the alert still needs the seller.
func (s AlertState) Open() bool {
	return KindOf(ResAlerts).Known(string(s)) && !KindOf(ResAlerts).Status(string(s)).Final
}

// InterfaceAlert is one failed production-interface call (生产接口消息).
type InterfaceAlert struct {
	Meta
	OrderID        string        `json:"orderId"`
	OrderLineID    string        `json:"orderLineId,omitempty"`
	ProductName    string        `json:"productName"`
	CustomerName   string        `json:"customerName"`
	Kind           InterfaceKind `json:"interface"`
	License        bool          `json:"license,omitempty"`
	Attempts       int           `json:"attempts"`
	LastCode       string        `json:"lastCode"` // the seller server's resultCode, e.g. 000005
	LastMessage    string        `json:"lastMessage"`
	FirstFailureAt time.Time     `json:"firstFailureAt"`
	LastAttemptAt  time.Time     `json:"lastAttemptAt"`
	NextRetryAt    time.Time     `json:"nextRetryAt,omitzero"`   // zero once automatic retries stop
	UnsubscribeAt  time.Time     `json:"unsubscribeAt,omitzero"` // only for calls that unsubscribe
	State          AlertState    `json:"state"`
}

// Resource implements Record.
func (InterfaceAlert) Resource() Resource { return ResAlerts }

// Countdown is the time left before automatic unsubscription, and false when
// no such deadline applies (or the alert is no longer open).
func (a InterfaceAlert) Countdown(now time.Time) (time.Duration, bool) {
	if a.UnsubscribeAt.IsZero() || !a.State.Open() {
		return 0, false
	}
	return a.UnsubscribeAt.Sub(now), true
}

// SellerResultCodes explains the result codes a seller's server returns, in
// both languages.
var SellerResultCodes = map[string]Label{
	"000000": {"成功", "success"},
	"000001": {"鉴权失败", "authentication failed"},
	"000002": {"请求参数不合法", "bad parameter"},
	"000003": {"实例ID不存在", "instance not found"},
	"000004": {"请求处理中", "in progress"},
	"000005": {"其它服务内部错误", "internal error"},
	"000100": {"无可用实例资源分配", "no resource available"},
	"000101": {"手机号缺失或重复", "mobile phone missing or duplicate"},
	"000102": {"邮箱缺失或重复", "e-mail missing or duplicate"},
	"000103": {"不可重复购买", "cannot buy twice"},
	"000104": {"服务内部错误", "internal service error"},
	"000105": {"已享受该权益", "already holds the benefit"},
	"000106": {"商品已售罄", "sold out"},
	"000107": {"SaaS邮箱域名重复", "duplicate SaaS e-mail domain"},
}

// AlertRank is where an interface alert stands in the most-urgent-first
// order: a running unsubscription countdown first (an order is about to
// be lost), then a call that only a manual restart can fix, then calls the
// marketplace is still retrying (or restarting), then finished ones.
func AlertRank(a InterfaceAlert) int {
	switch {
	case !a.State.Open():
		return 3
	case !a.UnsubscribeAt.IsZero():
		return 0
	case a.State == AlertFailed:
		return 1
	}
	return 2
}

// CompareAlertUrgency orders alerts most urgent first: by AlertRank, then
// the nearest unsubscription, then the newest failure; the ID keeps the
// order stable.
func CompareAlertUrgency(a, b InterfaceAlert) int {
	if ra, rb := AlertRank(a), AlertRank(b); ra != rb {
		return ra - rb
	}
	if c := a.UnsubscribeAt.Compare(b.UnsubscribeAt); c != 0 {
		return c
	}
	if c := b.FirstFailureAt.Compare(a.FirstFailureAt); c != 0 {
		return c
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}
