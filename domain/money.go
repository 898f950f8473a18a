package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in the smallest unit of its currency (fen for CNY, cents
// for USD and EUR). Integers keep bill reconciliation exact.
type Money int64

// String formats the amount with two decimals and no currency symbol.
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Float returns the amount in whole units, for spreadsheets and charts.
func (m Money) Float() float64 { return float64(m) / 100 }

// ParseMoney reads "123.45", "-0.5" or "12" into Money. It rejects more than
// two decimals rather than round a bill amount silently.
func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 || whole == "" && frac == "" {
		return 0, fmt.Errorf("money %q: want at most two decimals", s)
	}
	frac += strings.Repeat("0", 2-len(frac))
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("money %q: %w", s, err)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("money %q: %w", s, err)
	}
	v := w*100 + f
	if neg {
		v = -v
	}
	return Money(v), nil
}
