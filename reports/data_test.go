package reports

import (
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// Test data built from domain types, with the content a Chinese seller sees.

var (
	shanghai = mustZone("Asia/Shanghai")
	// exportNow is the export time: 2026-11-20 10:00 Beijing time.
	exportNow = time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func meta(id string) domain.Meta {
	return domain.Meta{ID: id, Account: "华为云商店-杭州云栖科技", Version: 3, UpdatedAt: exportNow.Add(-time.Hour)}
}

// sampleOrders: two orders in October, one with two lines, and one in
// November; the buyer of the second is a formula-looking name.
func sampleOrders() []domain.Order {
	return []domain.Order{
		{
			Meta: meta("CS2610051200ABCD"), Type: domain.OrderNew, Status: domain.OrderCompleted,
			// 2026-10-05 20:30 Beijing time = 12:30 UTC.
			CreatedAt: time.Date(2026, 10, 5, 12, 30, 0, 0, time.UTC), ProductName: "云安全态势感知专业版",
			Amount: 1299900, Currency: "CNY",
			Buyer: domain.Buyer{CustomerID: "c-0001", CustomerName: "上海数智未来科技有限公司", UserName: "sh_shuzhi",
				MobilePhone: "138****5678", Email: "ops@shuzhi.example.cn"},
			Lines: []domain.OrderLine{
				{ID: "CS2610051200ABCD-000001", ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodYear,
					PeriodNumber: 1, ExpireTime: time.Date(2027, 10, 5, 12, 30, 0, 0, time.UTC), Amount: 999900,
					Products: []domain.ProductInfo{{SKUCode: "sku-sa-pro", ProductID: "OFFI7001", ProductName: "云安全态势感知专业版", LinearValue: 10}}},
				{ID: "CS2610051200ABCD-000002", ChargingMode: domain.ChargeOneTime, Amount: 300000,
					Products: []domain.ProductInfo{{SKUCode: "sku-impl", ProductID: "OFFI7002", ProductName: "安全加固实施服务"}}},
			},
		},
		{
			Meta: meta("CS2610200930EFGH"), Type: domain.OrderRenew, Status: domain.OrderProcessing,
			CreatedAt:   time.Date(2026, 10, 20, 1, 30, 0, 0, time.UTC),
			ProductName: "企业网盘标准版", Amount: 48000, Currency: "CNY",
			Buyer: domain.Buyer{CustomerID: "c-0002", CustomerName: "@SUM(1+1)", UserName: "=cmd|' /C calc'!A0"},
			Lines: []domain.OrderLine{{ID: "CS2610200930EFGH-000001", ChargingMode: domain.ChargePeriod,
				PeriodType: domain.PeriodMonth, PeriodNumber: 3, Amount: 48000,
				Products: []domain.ProductInfo{{SKUCode: "sku-pan-std", ProductID: "OFFI8001", ProductName: "企业网盘标准版"}}}},
		},
		{
			// 2026-10-31 23:30 UTC is already November in Beijing.
			Meta: meta("CS2611010730IJKL"), Type: domain.OrderUnsubscribe, Status: domain.OrderCancelled,
			CreatedAt:   time.Date(2026, 10, 31, 23, 30, 0, 0, time.UTC),
			ProductName: "企业网盘标准版", Amount: -1250, Currency: "CNY",
			Buyer: domain.Buyer{CustomerID: "c-0003", CustomerName: "深圳前海小微商贸"},
			Lines: []domain.OrderLine{{ID: "CS2611010730IJKL-000001", ChargingMode: domain.ChargeOnDemand, Amount: -1250,
				Products: []domain.ProductInfo{{SKUCode: "sku-pan-std", ProductID: "OFFI8001", ProductName: "企业网盘标准版"}}}},
		},
	}
}

func sampleTickets() []domain.Ticket {
	created := time.Date(2026, 11, 18, 1, 0, 0, 0, time.UTC)
	return []domain.Ticket{
		{
			Meta: meta("TK20261118001"), Subject: `=HYPERLINK("http://example.com","x")`, CustomerName: "@SUM(1+1)",
			ProductName: "企业网盘标准版", Status: domain.TicketProcessing, Assignee: "客服小王",
			CreatedAt: created, AcceptedAt: created.Add(20 * time.Minute), SLADue: created.Add(48 * time.Hour),
			Messages: []domain.TicketMessage{
				{ID: "m1", From: domain.PartyUser, Author: "@SUM(1+1)", Body: "网盘同步失败，提示空间不足", At: created},
				{ID: "m2", From: domain.PartyMerchant, Author: "客服小王", Body: "您好，请提供报错截图", At: created.Add(90 * time.Minute)},
				{ID: "m3", From: domain.PartyUser, Author: "@SUM(1+1)", Body: "截图见附件", At: created.Add(3 * time.Hour)},
			},
			Attachments: []domain.Attachment{{ID: "a1", MessageID: "m3", Name: "报错截图.png", Size: 204800, MIME: "image/png", At: created.Add(3 * time.Hour)}},
		},
		{
			Meta: meta("TK20261101007"), Subject: "发票抬头需要修改", CustomerName: "上海数智未来科技有限公司",
			ProductName: "云安全态势感知专业版", Status: domain.TicketCompleted, Assignee: "客服小李",
			CreatedAt: time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC), ResolvedAt: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC),
			ClosedAt: time.Date(2026, 11, 3, 2, 0, 0, 0, time.UTC), SLADue: time.Date(2026, 11, 3, 2, 0, 0, 0, time.UTC),
			Cause: "开票信息填写错误", Solution: "已按新抬头重新开票",
			Messages: []domain.TicketMessage{{ID: "m1", From: domain.PartyMerchant, Author: "客服小李", Body: "已处理", At: time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)}},
		},
	}
}

// sampleBills: B-OK adds up; B-LINES has lines one yuan short of its
// amount; B-TX has a transaction missing 50 yuan.
func sampleBills() ([]domain.Bill, []domain.TransactionDetail) {
	line := func(id, order string, amt domain.Money) domain.BillLine {
		return domain.BillLine{ID: id, OrderID: order, OrderLineID: order + "-000001", ProductName: "企业网盘标准版",
			ChargingMode: domain.ChargePeriod, OrderAmount: amt * 10 / 7, ShareRate: 0.7, Amount: amt}
	}
	bill := func(id, period string, st domain.BillStatus, amt domain.Money, lines ...domain.BillLine) domain.Bill {
		return domain.Bill{Meta: meta(id), Period: period, Type: domain.BillGeneral, Status: st, Amount: amt, Currency: "CNY",
			GeneratedAt: time.Date(2026, 11, 3, 1, 0, 0, 0, time.UTC), Lines: lines}
	}
	bills := []domain.Bill{
		bill("B-OK", "2026-09", domain.BillPaid, 700000, line("L1", "CS01", 420000), line("L2", "CS02", 280000)),
		bill("B-LINES", "2026-10", domain.BillPendingInvoice, 350000, line("L3", "CS03", 349900)),
		bill("B-TX", "2026-10", domain.BillPaymentRejected, 140000, line("L4", "CS04", 140000)),
	}
	tx := func(id, bill, order string, seller domain.Money) domain.TransactionDetail {
		return domain.TransactionDetail{Meta: meta(id), BillID: bill, OrderID: order, OrderLineID: order + "-000001",
			ProductName: "企业网盘标准版", CustomerName: "上海数智未来科技有限公司", TradeType: domain.OrderNew,
			TradeTime: time.Date(2026, 10, 12, 6, 0, 0, 0, time.UTC), Amount: seller * 10 / 7, SellerAmount: seller,
			Status: domain.TxBilled}
	}
	txs := []domain.TransactionDetail{
		tx("T1", "B-OK", "CS01", 420000), tx("T2", "B-OK", "CS02", 280000),
		tx("T3", "B-LINES", "CS03", 350000),
		tx("T4", "B-TX", "CS04", 135000),
		{Meta: meta("T5"), OrderID: "CS05", ProductName: "企业网盘标准版", CustomerName: "深圳前海小微商贸",
			TradeType: domain.OrderRenew, TradeTime: time.Date(2026, 11, 19, 6, 0, 0, 0, time.UTC),
			Amount: 20000, SellerAmount: 14000, Status: domain.TxUnbilled},
	}
	return bills, txs
}

// genOrder builds the i-th order of a large synthetic set, on the fly, so a
// benchmark streams 100k orders without holding them.
func genOrder(i int) domain.Order {
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 5 * time.Minute)
	id := fmt.Sprintf("CS%012d", i)
	return domain.Order{
		Meta: meta(id), Type: domain.OrderTypes[i%len(domain.OrderTypes)],
		Status: domain.OrderStatuses[i%len(domain.OrderStatuses)], CreatedAt: created,
		ProductName: "企业网盘标准版", Amount: domain.Money(10000 + i%5000), Currency: "CNY",
		Buyer: domain.Buyer{CustomerID: fmt.Sprintf("c-%06d", i%9000), CustomerName: "杭州云栖科技有限公司第" + fmt.Sprint(i%9000) + "分公司",
			UserName: "user" + fmt.Sprint(i%9000), MobilePhone: "138****5678", Email: "ops@example.cn"},
		Lines: []domain.OrderLine{{ID: id + "-000001", ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodMonth,
			PeriodNumber: 1 + i%12, ExpireTime: created.AddDate(0, 1+i%12, 0), Amount: domain.Money(10000 + i%5000),
			Products: []domain.ProductInfo{{SKUCode: "sku-pan-std", ProductID: "OFFI8001", ProductName: "企业网盘标准版", LinearValue: 1 + i%50}}}},
	}
}

func time0UTC() *time.Location { return time.UTC }
