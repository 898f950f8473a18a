package world

import (
	"container/heap"
	"fmt"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// settleCat is a settlement category: the marketplace settles each
// category of goods on its own bill, so one account gets several bills a
// month, one per category it sold in.
type settleCat struct {
	code   string // inside bill IDs: BL<acct><yyyymm>-<code>-<nn>
	cn, en string // the name the seller center shows
	kind   domain.BillType
}

// The sandbox's settlement categories. SaaS (online or delivered offline)
// and application orchestration are general goods (通用商品); License,
// manual services and hardware are settled apart, as their delivery is
// supervised and their share rates differ. The bill types follow the
// marketplace's three (通用商品 / 联营商品 / 华为商品账单); which category the
// sandbox puts under which type is its own choice, made so that a demo shows
// all three and the advice that differs between them.
var (
	catGeneral  = settleCat{"GEN", "通用商品", "General goods", domain.BillGeneral}
	catLicense  = settleCat{"LIC", "License", "License", domain.BillJoint}
	catService  = settleCat{"SVC", "人工服务", "Professional services", domain.BillGeneral}
	catHardware = settleCat{"HW", "硬件", "Hardware", domain.BillHuawei}
)

// maxHistoryMonths caps how far back the generated orders and bills go.
const maxHistoryMonths = 36

// category is the settlement category of a product.
func (p product) category() settleCat {
	switch {
	case p.license:
		return catLicense
	case p.kind == domain.KindManualService:
		return catService
	case p.kind == domain.KindHardware:
		return catHardware
	}
	return catGeneral
}

// categories lists the distinct categories of a catalog, in catalog order.
func categories(c []product) []settleCat {
	var out []settleCat
	seen := map[string]bool{}
	for _, p := range c {
		if k := p.category(); !seen[k.code] {
			seen[k.code] = true
			out = append(out, k)
		}
	}
	return out
}

// categoryOf maps product names to their category, for transaction rows
// (which name the product, not its ID); a name outside the catalog is
// general goods.
func categoryOf(c []product) func(name string) settleCat {
	m := make(map[string]settleCat, len(c))
	for _, p := range c {
		m[p.name] = p.category()
	}
	return func(name string) settleCat {
		if k, ok := m[name]; ok {
			return k
		}
		return catGeneral
	}
}

// historyMonths is how many closed months an account's history spans so
// that wantBills bills come out at one bill per category and month, or
// fewer (splitting then makes up the rest); at least 1, at most the cap.
func historyMonths(wantBills, nCats int) int {
	return min(maxHistoryMonths, max(1, wantBills/max(1, nCats)))
}

// monthStart is 00:00 CST on the first day of a "2006-01" month moved by
// delta months.
func monthStart(period string, delta int) time.Time {
	t, _ := time.ParseInLocation("2006-01", period, cst)
	return t.AddDate(0, delta, 0)
}

// monthsBetween counts whole months from period a to the later period b.
func monthsBetween(a, b string) int {
	ta, tb := monthStart(a, 0), monthStart(b, 0)
	return (tb.Year()-ta.Year())*12 + int(tb.Month()-ta.Month())
}

// billID names the nth bill (from 1) of a category in a month.
func (g *generator) billID(period string, c settleCat, n int) string {
	return fmt.Sprintf("BL%s%s%s-%s-%02d", g.code, period[:4], period[5:], c.code, n)
}

// apportion splits want bills among groups of sizes n so that every group
// gets at least one bill and no more bills than rows, and bills hold about
// the same number of rows everywhere (highest averages: each further bill
// goes to the group whose bills are currently the fullest).
func apportion(n []int, want int) []int {
	k := make([]int, len(n))
	h := make(fullest, 0, len(n))
	for i, v := range n {
		k[i] = 1
		if v > 1 {
			h = append(h, fullness{i, v, 1})
		}
	}
	heap.Init(&h)
	for extra := want - len(n); extra > 0 && h.Len() > 0; extra-- {
		top := &h[0]
		top.bills++
		k[top.idx] = top.bills
		if top.bills == top.rows {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
	return k
}

type fullness struct{ idx, rows, bills int }

// fullest is a max-heap of groups by rows per bill.
type fullest []fullness

func (h fullest) Len() int { return len(h) }
func (h fullest) Less(i, j int) bool {
	// rows_i/bills_i > rows_j/bills_j without division; ties by index keep it stable
	l, r := h[i].rows*h[j].bills, h[j].rows*h[i].bills
	if l != r {
		return l > r
	}
	return h[i].idx < h[j].idx
}
func (h fullest) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *fullest) Push(x any)   { *h = append(*h, x.(fullness)) }
func (h *fullest) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// statusOdds are the chances of each status for a bill of a given age in
// months (0: the latest month billed). New bills wait for the merchant's
// invoice; review and payment problems show up a month later; bills older
// than three months are paid.
var statusOdds = [][]struct {
	s domain.BillStatus
	p float64
}{
	{{domain.BillPendingInvoice, 0.6}, {domain.BillInvoiceReview, 0.25}, {domain.BillInvoiceError, 0.1}, {domain.BillInvoiceApproved, 0.05}},
	{{domain.BillInvoiceReview, 0.1}, {domain.BillInvoiceApproved, 0.3}, {domain.BillPaid, 0.3}, {domain.BillPaymentRejected, 0.12},
		{domain.BillPaymentInfoError, 0.1}, {domain.BillPaymentAppFailed, 0.08}},
	{{domain.BillPaid, 0.85}, {domain.BillPaymentRejected, 0.08}, {domain.BillPaymentInfoError, 0.07}},
}

// statusFor rolls the status of a bill of the given age.
func (g *generator) statusFor(age int) domain.BillStatus {
	if age >= len(statusOdds) {
		return domain.BillPaid
	}
	x := g.r.Float64()
	odds := statusOdds[age]
	for _, o := range odds {
		if x < o.p {
			return o.s
		}
		x -= o.p
	}
	return odds[len(odds)-1].s
}

// categoryOfBill reads the category back from a bill ID.
func categoryOfBill(id string) settleCat {
	for _, c := range []settleCat{catLicense, catService, catHardware} {
		if strings.Contains(id, "-"+c.code+"-") {
			return c
		}
	}
	return catGeneral
}
