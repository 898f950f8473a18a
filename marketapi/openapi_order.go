package marketapi

import (
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// OpenTimeLayout is the open API's time format (yyyyMMddHHmmss, UTC).
const OpenTimeLayout = "20060102150405"

// MockOrderIDs are the debug orders the real service answers; each has the
// order line "<id>-000001".
var MockOrderIDs = []string{
	"MOCKPERIODYEARNEW", "MOCKONETIMENEW", "MOCKONDEMAND", "MOCKONDEMANDPKG",
	"MOCKPERIODDAYTRIAL", "MOCKMONTYTRIALTOFORMAL", "MOCKMONTYUNSUBSCRIBE",
	"MOCKMONTYRENEW", "MOCKMONTYCHANGE",
}

// OrderQueryResponse is the real reply of GET OrderQueryPath.
type OrderQueryResponse struct {
	Envelope
	OrderInfo *OpenOrderInfo `json:"orderInfo,omitempty"`
}

// OpenOrderInfo is orderInfo as the open API sends it.
type OpenOrderInfo struct {
	OrderID      string          `json:"orderId"`
	OrderType    string          `json:"orderType"`
	CreateTime   string          `json:"createTime"`
	OrderLine    []OpenOrderLine `json:"orderLine"`
	BuyerInfo    OpenBuyerInfo   `json:"buyerInfo"`
	ExtendParams []domain.Param  `json:"extendParams,omitempty"`
}

// OpenOrderLine is one orderLine of the open API.
type OpenOrderLine struct {
	OrderLineID  string            `json:"orderLineId"`
	ChargingMode string            `json:"chargingMode"`
	PeriodType   string            `json:"periodType,omitempty"`
	PeriodNumber int               `json:"periodNumber,omitempty"`
	ExpireTime   string            `json:"expireTime,omitempty"`
	ProductInfo  []OpenProductInfo `json:"productInfo"`
}

// OpenProductInfo is one productInfo of the open API.
type OpenProductInfo struct {
	SKUCode     string `json:"skuCode"`
	ProductID   string `json:"productId"`
	LinearValue int    `json:"linearValue,omitempty"`
}

// OpenBuyerInfo is buyerInfo of the open API.
type OpenBuyerInfo struct {
	CustomerID   string `json:"customerId"`
	CustomerName string `json:"customerName"`
	UserID       string `json:"userId,omitempty"`
	UserName     string `json:"userName,omitempty"`
	MobilePhone  string `json:"mobilePhone,omitempty"`
	Email        string `json:"email,omitempty"`
}

// ToOpen renders a domain order in the open API's shape.
func ToOpen(o domain.Order) OpenOrderInfo {
	info := OpenOrderInfo{
		OrderID:    o.ID,
		OrderType:  string(o.Type),
		CreateTime: o.CreatedAt.UTC().Format(OpenTimeLayout),
		BuyerInfo: OpenBuyerInfo{
			CustomerID: o.Buyer.CustomerID, CustomerName: o.Buyer.CustomerName,
			UserID: o.Buyer.UserID, UserName: o.Buyer.UserName,
			MobilePhone: o.Buyer.MobilePhone, Email: o.Buyer.Email,
		},
		ExtendParams: o.Extend,
	}
	for _, l := range o.Lines {
		ol := OpenOrderLine{
			OrderLineID: l.ID, ChargingMode: string(l.ChargingMode),
			PeriodType: string(l.PeriodType), PeriodNumber: l.PeriodNumber,
		}
		if !l.ExpireTime.IsZero() {
			ol.ExpireTime = l.ExpireTime.UTC().Format(OpenTimeLayout)
		}
		for _, p := range l.Products {
			ol.ProductInfo = append(ol.ProductInfo, OpenProductInfo{p.SKUCode, p.ProductID, p.LinearValue})
		}
		info.OrderLine = append(info.OrderLine, ol)
	}
	return info
}

// FromOpen reads an open-API order into the domain model. Fields the open
// API does not carry (status, amounts, product names) stay empty.
func FromOpen(info OpenOrderInfo) (domain.Order, error) {
	created, err := parseOpenTime(info.CreateTime)
	if err != nil {
		return domain.Order{}, fmt.Errorf("createTime: %w", err)
	}
	o := domain.Order{
		Meta:      domain.Meta{ID: info.OrderID},
		Type:      domain.OrderType(info.OrderType),
		CreatedAt: created,
		Buyer: domain.Buyer{
			CustomerID: info.BuyerInfo.CustomerID, CustomerName: info.BuyerInfo.CustomerName,
			UserID: info.BuyerInfo.UserID, UserName: info.BuyerInfo.UserName,
			MobilePhone: info.BuyerInfo.MobilePhone, Email: info.BuyerInfo.Email,
		},
		Extend: info.ExtendParams,
	}
	for _, l := range info.OrderLine {
		expire, err := parseOpenTime(l.ExpireTime)
		if err != nil {
			return domain.Order{}, fmt.Errorf("orderLine %s expireTime: %w", l.OrderLineID, err)
		}
		line := domain.OrderLine{
			ID: l.OrderLineID, ChargingMode: domain.ChargingMode(l.ChargingMode),
			PeriodType: domain.PeriodType(l.PeriodType), PeriodNumber: l.PeriodNumber, ExpireTime: expire,
		}
		for _, p := range l.ProductInfo {
			line.Products = append(line.Products, domain.ProductInfo{SKUCode: p.SKUCode, ProductID: p.ProductID, LinearValue: p.LinearValue})
		}
		o.Lines = append(o.Lines, line)
	}
	return o, nil
}

func parseOpenTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(OpenTimeLayout, s)
}
