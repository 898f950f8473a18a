package domain

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Money is an amount in the smallest unit of its currency (fen for CNY, cents
// for USD and EUR). Integers keep bill reconciliation exact.
type Money int64

// String formats the amount with two decimals and no currency symbol.
func (m Money) String() string {
	sign := ""
	// uint64 so that the most negative amount does not overflow on negation.
	v := uint64(m)
	if m < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Float returns the amount in whole units, for spreadsheets and charts.
func (m Money) Float() float64 { return float64(m) / 100 }

// ParseMoney reads "123.45", "-0.5" or "12" into Money. It rejects more than
// two decimals rather than round a bill amount silently, and anything but
// digits around the point (a second sign, "1.-5", "1,234") rather than guess.
func ParseMoney(s string) (Money, error) {
	in := s
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return 0, fmt.Errorf("money %q: no digits", in)
	}
	if !allDigits(whole) || !allDigits(frac) {
		return 0, fmt.Errorf("money %q: want digits with an optional sign and decimal point", in)
	}
	if len(frac) > 2 {
		return 0, fmt.Errorf("money %q: want at most two decimals", in)
	}
	frac += strings.Repeat("0", 2-len(frac))
	if whole == "" {
		whole = "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64) // two digits, checked above
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > (math.MaxInt64-f)/100 {
		return 0, fmt.Errorf("money %q: out of range", in)
	}
	v := w*100 + f
	if neg {
		v = -v
	}
	return Money(v), nil
}

// allDigits reports whether s holds only ASCII digits (true when empty).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Format writes an amount as the person reads it: "¥75,600.00" in Chinese
// for the usual currencies, "CNY 75,600.00" otherwise; an empty currency is
// CNY, the marketplace's settlement currency. The window, the exports and
// the notifications all write money this way.
func (m Money) Format(currency string, chinese bool) string {
	if currency == "" {
		currency = "CNY"
	}
	num := m.Grouped()
	if chinese {
		switch currency {
		case "CNY":
			return "¥" + num
		case "USD":
			return "US$" + num
		case "EUR":
			return "€" + num
		}
	}
	return currency + " " + num
}

// Grouped is the amount in units with two decimals and comma groups:
// 7560000 fen → "75,600.00".
func (m Money) Grouped() string {
	v := uint64(m) // uint64 so that the most negative amount does not overflow on negation
	neg := m < 0
	if neg {
		v = -v
	}
	whole := strconv.FormatUint(v/100, 10)
	out := make([]byte, 0, len(whole)+len(whole)/3+4)
	if neg {
		out = append(out, '-')
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, whole[i])
	}
	cents := v % 100
	out = append(out, '.', byte('0'+cents/10), byte('0'+cents%10))
	return string(out)
}
