package kit

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/domain"
)

// displayLocation is the time zone dates are shown in: the user's own, which
// the smoke test and widget tests may pin for stable output.
var displayLocation = time.Local

// SetDisplayLocation makes every formatted date use loc (nil restores the
// system's zone). Call it before building widgets.
func SetDisplayLocation(loc *time.Location) {
	if loc == nil {
		loc = time.Local
	}
	displayLocation = loc
}

// DisplayLocation is the time zone dates are shown in.
func DisplayLocation() *time.Location { return displayLocation }

// DateLayout is the one way the console writes a calendar date, in both
// languages and in every widget (lists, details, the export form): ISO
// order, which Chinese readers use and no English reader misreads as
// day-first or month-first.
const DateLayout = "2006-01-02"

// dateTimeLayout is DateLayout with the time to the minute.
const dateTimeLayout = DateLayout + " 15:04"

// FormatDateTime is a date and time to the minute in the user's time zone,
// or a Dash when unset.
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(displayLocation).Format(dateTimeLayout)
}

// FormatDate is a calendar date in the user's time zone, or a Dash.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(displayLocation).Format(DateLayout)
}

// ParseDate reads a date typed as DateLayout (surrounding blanks ignored) as
// midnight in the user's time zone; the error says how to write it.
func ParseDate(s string) (time.Time, error) {
	t, err := time.ParseInLocation(DateLayout, strings.TrimSpace(s), displayLocation)
	if err != nil {
		return time.Time{}, errors.New(lang.L("Write the date as YYYY-MM-DD, for example 2026-10-31."))
	}
	return t, nil
}

// FormatAgo says how long ago t was in words ("3 min ago", "3 分钟前").
func FormatAgo(t, now time.Time) string {
	if t.IsZero() {
		return lang.L("never")
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return lang.L("just now")
	case d < time.Hour:
		return lang.L("{{.N}} min ago", map[string]any{"N": int(d / time.Minute)})
	case d < 24*time.Hour:
		return lang.L("{{.N}} h ago", map[string]any{"N": int(d / time.Hour)})
	}
	return FormatDateTime(t)
}

// FormatMoney is an amount with its currency, grouped by thousands:
// "¥1,234.56" in Chinese, "CNY 1,234.56" in English (where ¥ is ambiguous).
func FormatMoney(m domain.Money, currency string) string {
	return m.Format(currency, Chinese())
}

// GroupInt formats a count with comma groups: 100000 → "100,000".
func GroupInt(n int) string {
	s := (domain.Money(n) * 100).Grouped()
	return s[:len(s)-3]
}

// Dash is s, or a Dash when s is empty, for fields the marketplace left blank.
func Dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// FormatDuration is a span as h:mm:ss, with the days in words in front past
// 24 hours ("4d 21:13:05", "4天 21:13:05").
func FormatDuration(d time.Duration) string {
	d = d.Truncate(time.Second)
	days := int(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	hms := strconv.Itoa(h) + ":" + twoDigits(m) + ":" + twoDigits(s)
	if days > 0 {
		return lang.L("{{.N}}d {{.Time}}", map[string]any{"N": days, "Time": hms})
	}
	return hms
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// FormatPeriod is a subscription length: "1 year", "3 months", "1年", "3个月".
func FormatPeriod(n int, p domain.PeriodType) string {
	data := map[string]any{"N": n}
	one := n == 1
	switch {
	case p == domain.PeriodYear && one:
		return lang.L("{{.N}} year", data)
	case p == domain.PeriodYear:
		return lang.L("{{.N}} years", data)
	case p == domain.PeriodMonth && one:
		return lang.L("{{.N}} month", data)
	case p == domain.PeriodMonth:
		return lang.L("{{.N}} months", data)
	case p == domain.PeriodDay && one:
		return lang.L("{{.N}} day", data)
	case p == domain.PeriodDay:
		return lang.L("{{.N}} days", data)
	}
	return strconv.Itoa(n) + " " + InWindowLanguage(p.Label())
}
