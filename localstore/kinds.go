package localstore

import (
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/recordenc"
)

// The index fields of each record type. The status and the primary time (the
// one lists sort and filter by) are the domain's (domain.StatusOf, TimeOf:
// order createTime, alert firstFailureAt, bill generatedAt …), so the cache
// indexes what the screens and exports call a record's status and time.
func init() {
	register(&kind[domain.Order]{
		res:  domain.ResOrders,
		meta: func(v *domain.Order) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Order) fields {
			return fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				amount: int64(v.Amount), customer: lower(v.Buyer.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID)}
		},
		enc: recordenc.EncodeOrder, dec: recordenc.DecodeOrder,
	})
	register(&kind[domain.SupervisionTask]{
		res:  domain.ResSupervision,
		meta: func(v *domain.SupervisionTask) *domain.Meta { return &v.Meta },
		fields: func(v *domain.SupervisionTask) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				deadline: v.NextDeadline(), customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.OrderID)}
			if v.WaitingOnMerchant() {
				f.flags |= flagWaitingMerchant
			}
			return f
		},
		enc: recordenc.EncodeSupervision, dec: recordenc.DecodeSupervision,
	})
	register(&kind[domain.Ticket]{
		res:  domain.ResTickets,
		meta: func(v *domain.Ticket) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Ticket) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.Subject, v.OrderID)}
			if v.SLARunning() {
				f.deadline = v.SLADue
				f.flags |= flagOpen
			}
			return f
		},
		enc: recordenc.EncodeTicket, dec: recordenc.DecodeTicket,
	})
	register(&kind[domain.InterfaceAlert]{
		res:  domain.ResAlerts,
		meta: func(v *domain.InterfaceAlert) *domain.Meta { return &v.Meta },
		fields: func(v *domain.InterfaceAlert) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.OrderID)}
			if v.State.Open() {
				f.flags |= flagOpen
				f.deadline = v.UnsubscribeAt
			}
			return f
		},
		enc: recordenc.EncodeAlert, dec: recordenc.DecodeAlert,
	})
	register(&kind[domain.Bill]{
		res:  domain.ResBills,
		meta: func(v *domain.Bill) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Bill) fields {
			f := fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				amount: int64(v.Amount), search: searchText(v.ID, v.Period, v.PaymentAppNo)}
			if v.Status.NeedsMerchant() {
				f.flags |= flagNeedsMerchant
			}
			return f
		},
		enc: recordenc.EncodeBill, dec: recordenc.DecodeBill,
	})
	register(&kind[domain.TransactionDetail]{
		res:  domain.ResTransactions,
		meta: func(v *domain.TransactionDetail) *domain.Meta { return &v.Meta },
		fields: func(v *domain.TransactionDetail) fields {
			return fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				amount: int64(v.Amount), customer: lower(v.CustomerName), product: lower(v.ProductName),
				search: searchText(v.ID, v.OrderID)}
		},
		enc: recordenc.EncodeTransaction, dec: recordenc.DecodeTransaction,
	})
	register(&kind[domain.Message]{
		res:  domain.ResMessages,
		meta: func(v *domain.Message) *domain.Meta { return &v.Meta },
		fields: func(v *domain.Message) fields {
			return fields{status: domain.StatusOf(v), at: domain.TimeOf(v), updated: v.UpdatedAt,
				search: searchText(v.ID, v.Title)}
		},
		enc: recordenc.EncodeNotification, dec: recordenc.DecodeNotification,
	})
}
