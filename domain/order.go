package domain

import "time"

// OrderType is the marketplace's orderType.
type OrderType string

// Order types as the open API names them.
const (
	OrderNew           OrderType = "NEW"             // 新购
	OrderRenew         OrderType = "RENEW"           // 续费
	OrderChange        OrderType = "CHANGE"          // 变更/升级
	OrderUnsubscribe   OrderType = "UNSUBSCRIBE"     // 退订
	OrderTrial         OrderType = "TRIAL"           // 试用
	OrderTrialToFormal OrderType = "TRIAL_TO_FORMAL" // 试用转正
)

// OrderTypes lists every order type, for filters.
var OrderTypes = []OrderType{OrderNew, OrderRenew, OrderChange, OrderUnsubscribe, OrderTrial, OrderTrialToFormal}

// ChargingMode is an order line's chargingMode.
type ChargingMode string

// Charging modes as the open API names them.
const (
	ChargePeriod       ChargingMode = "PERIOD"        // 包周期
	ChargeOneTime      ChargingMode = "ONE_TIME"      // 按次
	ChargeOnDemand     ChargingMode = "ON_DEMAND"     // 按需
	ChargeOnDemandPack ChargingMode = "ON_DEMAND_PKG" // 按需套餐包
)

// PeriodType is the unit of a PERIOD line's periodNumber.
type PeriodType string

// Period units.
const (
	PeriodYear  PeriodType = "year"
	PeriodMonth PeriodType = "month"
	PeriodDay   PeriodType = "day"
)

// OrderStatus is the seller-center order status.
type OrderStatus string

// Order statuses. Processing covers paid orders whose resource is not yet
// opened or whose delivery is unfinished (failed interface calls, open
// service supervision).
const (
	OrderProcessing OrderStatus = "PROCESSING" // 处理中
	OrderCompleted  OrderStatus = "COMPLETED"  // 已完成
	OrderCancelled  OrderStatus = "CANCELLED"  // 已取消
)

// OrderStatuses lists every order status, for filters and counts (from kinds.go).
var OrderStatuses []OrderStatus

// Order is one marketplace order with its lines and buyer.
type Order struct {
	Meta
	Type        OrderType   `json:"orderType"`
	Status      OrderStatus `json:"status"`
	CreatedAt   time.Time   `json:"createTime"`
	ProductName string      `json:"productName"` // name of the first line's product, for lists
	Amount      Money       `json:"amount"`      // total paid, in fen
	Currency    string      `json:"currency"`
	Buyer       Buyer       `json:"buyerInfo"`
	Lines       []OrderLine `json:"orderLine"`
	Extend      []Param     `json:"extendParams,omitempty"`
}

// Resource implements Record.
func (Order) Resource() Resource { return ResOrders }

// OrderLine is one line of an order.
type OrderLine struct {
	ID           string        `json:"orderLineId"`
	ChargingMode ChargingMode  `json:"chargingMode"`
	PeriodType   PeriodType    `json:"periodType,omitempty"`
	PeriodNumber int           `json:"periodNumber,omitempty"`
	ExpireTime   time.Time     `json:"expireTime,omitzero"` // an estimate, per the marketplace
	Amount       Money         `json:"amount"`
	Products     []ProductInfo `json:"productInfo"`
}

// ProductInfo identifies what a line bought. ProductID can change on renewal;
// SKUCode does not.
type ProductInfo struct {
	SKUCode     string `json:"skuCode"`
	ProductID   string `json:"productId"`
	ProductName string `json:"productName,omitempty"`
	LinearValue int    `json:"linearValue,omitempty"`
}

// Buyer is the customer who placed the order.
type Buyer struct {
	CustomerID   string `json:"customerId"`
	CustomerName string `json:"customerName"`
	UserID       string `json:"userId,omitempty"`
	UserName     string `json:"userName,omitempty"`
	MobilePhone  string `json:"mobilePhone,omitempty"`
	Email        string `json:"email,omitempty"`
}

// Param is one of an order's extendParams.
type Param struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ProductIDs returns the IDs of every product the order's lines bought.
func (o Order) ProductIDs() []string {
	var ids []string
	for _, l := range o.Lines {
		for _, p := range l.Products {
			ids = append(ids, p.ProductID)
		}
	}
	return ids
}
