package world

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// generator makes one account's records from its own seeded source, so the
// same seed always gives the same world.
type generator struct {
	r         *rand.Rand
	src       *rand.PCG // r's source, kept so a saved world resumes its sequence
	a         *account
	code      string // short account code inside IDs
	customers []domain.Buyer
	seq       int
}

func newGenerator(seed uint64, idx int, a *account, nCustomers int) *generator {
	src := rand.NewPCG(seed, uint64(idx)+1)
	g := &generator{r: rand.New(src), src: src, a: a, code: string(rune('A' + idx))}
	g.customers = make([]domain.Buyer, nCustomers)
	for i := range g.customers {
		g.customers[i] = g.buyer(i)
	}
	return g
}

func (g *generator) id(prefix string) string {
	g.seq++
	return prefix + g.code + strconv.Itoa(100000+g.seq)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// between is a random duration in [lo, hi).
func (g *generator) between(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	// whole seconds: the marketplace's times carry no fractions
	return (lo + time.Duration(g.r.Int64N(int64(hi-lo)))).Truncate(time.Second)
}

func (g *generator) companyName(i int) string {
	if !g.a.english {
		if i%25 == 7 {
			return oddCustomers[(i/25)%len(oddCustomers)]
		}
		return pick(g.r, cnCities) + pick(g.r, cnCores) + pick(g.r, cnTrades) + pick(g.r, cnForms)
	}
	if i%40 == 13 {
		return "\"Quoted\" Trading 🚢 " + pick(g.r, enForms)
	}
	return pick(g.r, enFirst) + " " + pick(g.r, enSecond) + " " + pick(g.r, enForms)
}

func (g *generator) buyer(i int) domain.Buyer {
	n := strconv.Itoa(i + 1)
	b := domain.Buyer{
		CustomerID:   "cust-" + g.code + n,
		CustomerName: g.companyName(i),
		UserID:       "uid-" + g.code + n,
		UserName:     "user_" + g.code + n,
		Email:        "ops" + n + "@example.com",
	}
	if !g.a.english {
		b.MobilePhone = "1" + strconv.Itoa(3+g.r.IntN(7)) + strconv.Itoa(100000000+g.r.IntN(899999999))
	} else {
		b.MobilePhone = "+65" + strconv.Itoa(80000000+g.r.IntN(9999999))
	}
	return b
}

func (g *generator) orderType(p product) domain.OrderType {
	if p.supervised() {
		if g.chance(0.9) {
			return domain.OrderNew
		}
		return domain.OrderRenew
	}
	x := g.r.IntN(100)
	switch {
	case x < 50:
		return domain.OrderNew
	case x < 70:
		return domain.OrderRenew
	case x < 78:
		return domain.OrderChange
	case x < 83:
		return domain.OrderUnsubscribe
	case x < 93:
		return domain.OrderTrial
	}
	return domain.OrderTrialToFormal
}

// order makes one order placed at the given time.
func (g *generator) order(at time.Time) (domain.Order, product) {
	p := pick(g.r, g.a.catalog)
	typ := g.orderType(p)
	o := domain.Order{
		Meta:        domain.Meta{ID: g.id("CS")},
		Type:        typ,
		Status:      domain.OrderCompleted,
		CreatedAt:   at,
		ProductName: p.name,
		Currency:    g.a.currency,
		Buyer:       pick(g.r, g.customers),
	}
	lines := 1
	if !p.supervised() && g.chance(0.15) {
		lines = 2
	}
	for i := range lines {
		lp := p
		if i > 0 {
			lp = pick(g.r, g.a.catalog)
		}
		l := g.line(o.ID, i+1, lp, typ, at)
		o.Lines = append(o.Lines, l)
		o.Amount += l.Amount
	}
	if g.chance(0.2) {
		o.Extend = []domain.Param{{Name: "emailDomainName", Value: "corp" + strconv.Itoa(g.r.IntN(999)) + ".example.com"}}
	}
	if typ != domain.OrderUnsubscribe && g.chance(0.04) {
		o.Status = domain.OrderCancelled // unpaid, cancelled by the user or the system
	}
	return o, p
}

func (g *generator) line(orderID string, n int, p product, typ domain.OrderType, at time.Time) domain.OrderLine {
	l := domain.OrderLine{
		ID:           orderID + "-00000" + strconv.Itoa(n),
		ChargingMode: pick(g.r, p.modes),
		Products:     []domain.ProductInfo{{SKUCode: p.sku, ProductID: p.id, ProductName: p.name, LinearValue: 1 + g.r.IntN(3)}},
	}
	switch typ {
	case domain.OrderTrial:
		l.ChargingMode, l.PeriodType, l.PeriodNumber = domain.ChargePeriod, domain.PeriodDay, 7
		l.ExpireTime = at.AddDate(0, 0, 7)
		return l
	case domain.OrderTrialToFormal, domain.OrderUnsubscribe:
		l.ChargingMode = domain.ChargePeriod
	}
	switch l.ChargingMode {
	case domain.ChargePeriod:
		if g.chance(0.3) {
			l.PeriodType, l.PeriodNumber = domain.PeriodYear, 1+g.r.IntN(3)
			l.Amount = p.price * 10 * domain.Money(l.PeriodNumber)
			l.ExpireTime = at.AddDate(l.PeriodNumber, 0, 0)
		} else {
			l.PeriodType, l.PeriodNumber = domain.PeriodMonth, pick(g.r, []int{1, 1, 3, 6, 12})
			l.Amount = p.price * domain.Money(l.PeriodNumber)
			l.ExpireTime = at.AddDate(0, l.PeriodNumber, 0)
		}
	case domain.ChargeOneTime:
		l.Amount = p.price
	case domain.ChargeOnDemand:
		l.Amount = p.price / 20 * domain.Money(1+g.r.IntN(10))
	case domain.ChargeOnDemandPack:
		l.Amount = p.price * 5
	}
	if typ == domain.OrderUnsubscribe {
		l.Amount = -l.Amount / 2 // a refund of the unused part
	}
	return l
}
