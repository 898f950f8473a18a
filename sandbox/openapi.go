package sandbox

import (
	"net/http"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

// mockOrders are the debug orders the real open API answers for anyone.
func mockOrders() map[string]domain.Order {
	at := time.Date(2024, 1, 15, 8, 30, 0, 0, time.UTC)
	type spec struct {
		typ    domain.OrderType
		mode   domain.ChargingMode
		period domain.PeriodType
		n      int
	}
	specs := map[string]spec{
		"MOCKPERIODYEARNEW":      {domain.OrderNew, domain.ChargePeriod, domain.PeriodYear, 1},
		"MOCKONETIMENEW":         {domain.OrderNew, domain.ChargeOneTime, "", 0},
		"MOCKONDEMAND":           {domain.OrderNew, domain.ChargeOnDemand, "", 0},
		"MOCKONDEMANDPKG":        {domain.OrderNew, domain.ChargeOnDemandPack, "", 0},
		"MOCKPERIODDAYTRIAL":     {domain.OrderTrial, domain.ChargePeriod, domain.PeriodDay, 7},
		"MOCKMONTYTRIALTOFORMAL": {domain.OrderTrialToFormal, domain.ChargePeriod, domain.PeriodMonth, 1},
		"MOCKMONTYUNSUBSCRIBE":   {domain.OrderUnsubscribe, domain.ChargePeriod, domain.PeriodMonth, 1},
		"MOCKMONTYRENEW":         {domain.OrderRenew, domain.ChargePeriod, domain.PeriodMonth, 1},
		"MOCKMONTYCHANGE":        {domain.OrderChange, domain.ChargePeriod, domain.PeriodMonth, 1},
	}
	out := map[string]domain.Order{}
	for _, id := range marketapi.MockOrderIDs {
		sp := specs[id]
		l := domain.OrderLine{ID: id + "-000001", ChargingMode: sp.mode, PeriodType: sp.period, PeriodNumber: sp.n,
			Products: []domain.ProductInfo{{SKUCode: "MOCK-SKU-001", ProductID: "MOCK-PRODUCT-001", LinearValue: 1}}}
		if sp.period != "" {
			l.ExpireTime = at.AddDate(0, 1, 0)
		}
		out[id] = domain.Order{Meta: domain.Meta{ID: id}, Type: sp.typ, CreatedAt: at, Lines: []domain.OrderLine{l},
			Buyer: domain.Buyer{CustomerID: "MOCK-CUSTOMER", CustomerName: "mock customer", UserID: "MOCK-USER",
				UserName: "mockuser", MobilePhone: "13800000000", Email: "mock@example.com"}}
	}
	return out
}

// orderQuery answers the real open API's order lookup for the caller's own
// orders and the debug orders.
func (s *Server) orderQuery(out *responder, r *http.Request, acct string) {
	q := r.URL.Query()
	id, line := q.Get("orderId"), q.Get("orderLineId")
	if id == "" {
		out.refusal(rules.BadParam("缺少 orderId / orderId is required"))
		return
	}
	o, ok := s.mocks[id]
	if !ok {
		var rec domain.Record
		if rec, ok = s.w.Record(acct, domain.ResOrders, id); ok {
			o, ok = rec.(domain.Order)
		}
	}
	if ok && line != "" {
		ok = filterLine(&o, line)
	}
	if !ok {
		out.refusal(rules.NotFound("order", id))
		return
	}
	info := marketapi.ToOpen(o)
	out.json(http.StatusOK, marketapi.OrderQueryResponse{Envelope: okEnvelope(), OrderInfo: &info})
}

// filterLine keeps only the asked-for line; false when there is none.
func filterLine(o *domain.Order, line string) bool {
	for _, l := range o.Lines {
		if l.ID == line {
			o.Lines = []domain.OrderLine{l}
			return true
		}
	}
	return false
}
