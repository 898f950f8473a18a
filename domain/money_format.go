package domain

import "strconv"

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
