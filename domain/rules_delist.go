package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The delisting rule (下架): a product with more than DelistLimit orders
// failed by production-interface errors in one calendar month is delisted.
// The console warns from DelistWarnAt failures on.
const (
	DelistLimit  = 5
	DelistWarnAt = 3
)

// MarketZone is the marketplace's clock for calendar rules: its months
// begin at midnight Beijing time, whatever the agent's machine says.
var MarketZone = time.FixedZone("CST", 8*3600)

// OrderFailedAt is when the marketplace judged the alert's order failed,
// and whether it did. Only an alert that ended in automatic unsubscription
// counts: the seeds' "订单失败退订" (create-instance and upgrade calls whose
// retry window closed). An alert in FAILED still waits for the seller's
// 重新启动 and can be saved, so it does not count (see AtRisk).
func (a InterfaceAlert) OrderFailedAt() (time.Time, bool) {
	if a.State != AlertUnsubscribed {
		return time.Time{}, false
	}
	if !a.UnsubscribeAt.IsZero() {
		return a.UnsubscribeAt, true
	}
	return a.LastAttemptAt, true
}

// AtRisk reports whether the alert's order will count as failed unless the
// seller fixes it in time: it is open and an unsubscription deadline runs.
func (a InterfaceAlert) AtRisk() bool {
	_, running := a.Countdown(time.Time{})
	return running
}

// DelistLevel is how close a product is to being delisted.
type DelistLevel int

// Delisting levels, from none to over the limit.
const (
	DelistClear   DelistLevel = iota // fewer than DelistWarnAt failed orders
	DelistWarning                    // DelistWarnAt or more, up to the limit
	DelistOver                       // more than DelistLimit: the product is delisted
)

var delistLevelLabels = map[DelistLevel]Label{
	DelistClear:   {"正常", "Clear"},
	DelistWarning: {"预警", "Warning"},
	DelistOver:    {"已超过下架上限", "Over the delisting limit"},
}

// Label is the level in words.
func (l DelistLevel) Label() Label { return delistLevelLabels[l] }

// DelistingCount is one product's failed orders in a month, against the
// delisting limit.
type DelistingCount struct {
	Product      string   // the product's name, as the alerts carry it
	FailedOrders []string // distinct order IDs judged failed this month, sorted
	AtRisk       []string // distinct order IDs with an unsubscription countdown running, sorted
}

// Failed is the number of orders that count against the limit.
func (c DelistingCount) Failed() int { return len(c.FailedOrders) }

// Left is how many more failed orders the product can take before it is
// delisted (0 once at or over the limit).
func (c DelistingCount) Left() int { return max(DelistLimit-c.Failed(), 0) }

// Level places the count against the rule.
func (c DelistingCount) Level() DelistLevel {
	switch n := c.Failed(); {
	case n > DelistLimit:
		return DelistOver
	case n >= DelistWarnAt:
		return DelistWarning
	}
	return DelistClear
}

// Summary says the count in plain words, in both languages.
func (c DelistingCount) Summary() Label {
	n := c.Failed()
	l := Label{
		Zh: fmt.Sprintf("本月因接口异常失败的订单 %d/%d（超过 %d 单商品将被下架）", n, DelistLimit, DelistLimit),
		En: fmt.Sprintf("%d of %d orders failed by interface errors this month (more than %d delists the product)", n, DelistLimit, DelistLimit),
	}
	if k := len(c.AtRisk); k > 0 {
		l.Zh += fmt.Sprintf("；另有 %d 单正在倒计时", k)
		l.En += fmt.Sprintf("; %d more counting down", k)
	}
	return l
}

// MonthOf is the calendar month in MarketZone holding t: [start, end).
func MonthOf(t time.Time) (start, end time.Time) {
	t = t.In(MarketZone)
	start = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, MarketZone)
	return start, start.AddDate(0, 1, 0)
}

// DelistingCounts counts, per product, the orders judged failed in the
// month holding now and those still at risk, most failed first (then by
// name). An order with several alerts counts once. Products with neither
// are left out.
func DelistingCounts(alerts []InterfaceAlert, now time.Time) []DelistingCount {
	start, end := MonthOf(now)
	failed, risk := map[string]map[string]bool{}, map[string]map[string]bool{}
	add := func(m map[string]map[string]bool, a InterfaceAlert) {
		if m[a.ProductName] == nil {
			m[a.ProductName] = map[string]bool{}
		}
		m[a.ProductName][a.OrderID] = true
	}
	for _, a := range alerts {
		if at, ok := a.OrderFailedAt(); ok && !at.Before(start) && at.Before(end) {
			add(failed, a)
		} else if a.AtRisk() {
			add(risk, a)
		}
	}
	var out []DelistingCount
	for _, p := range unionKeys(failed, risk) {
		c := DelistingCount{Product: p, FailedOrders: sortedKeys(failed[p]), AtRisk: sortedKeys(risk[p])}
		c.AtRisk = slices.DeleteFunc(c.AtRisk, func(id string) bool { return failed[p][id] })
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b DelistingCount) int {
		if a.Failed() != b.Failed() {
			return b.Failed() - a.Failed()
		}
		return strings.Compare(a.Product, b.Product)
	})
	return out
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func unionKeys[V any](a, b map[string]V) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	return sortedKeys(seen)
}
