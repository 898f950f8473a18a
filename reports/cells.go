package reports

import (
	"strconv"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// Cell values a row function may emit, besides string (text), int (count),
// time.Time (a date; zero means blank) and nil (blank).
type (
	// moneyVal is an amount shown with two decimals in its currency.
	moneyVal struct {
		Amount   domain.Money
		Currency string
	}
	// hoursVal is a duration shown as decimal hours.
	hoursVal float64
	// percentVal is a ratio (0.3 = 30%).
	percentVal float64
	// flagged wraps a value whose cell is highlighted in red (a reconciliation
	// difference).
	flagged struct{ V any }
)

func money(m domain.Money, cur string) moneyVal { return moneyVal{m, cur} }

// hours converts d to hoursVal, or nil (blank) when ok is false.
func hours(d time.Duration, ok bool) any {
	if !ok {
		return nil
	}
	return hoursVal(d.Hours())
}

// column is one column of a sheet.
type column struct {
	Head  phrase
	Width float64 // in Excel character widths; CJK text needs about two per glyph
}

func heads(cols []column, lang Lang) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Head.In(lang)
	}
	return out
}

// excelEpoch is day 0 of Excel's 1900 date system (as corrected for its
// fictitious 1900-02-29, valid for every date after March 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelSerial is t's wall-clock time in loc as an Excel date serial. Excel
// dates carry no zone, so the reviewer sees the time in their own zone.
func excelSerial(t time.Time, loc *time.Location) float64 {
	w := t.In(loc)
	wall := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), time.UTC)
	return float64(wall.Sub(excelEpoch)) / float64(24*time.Hour)
}

// csvDateLayout is how dates appear in CSV: unambiguous and sortable.
const csvDateLayout = "2006-01-02 15:04:05"

// csvText makes customer text inert (cleanText) and neutralises text a
// spreadsheet would otherwise run as a formula (CSV injection): a = + - @,
// tab or carriage return first, or first after leading spaces (which
// spreadsheets skip), gets a single quote in front.
func csvText(s string) string {
	s = cleanText(s)
	if t := strings.TrimLeft(s, " \u00a0\u3000"); t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "'" + s
	}
	return s
}

// csvValue renders one cell for CSV. Only strings can carry customer text,
// and only strings are escaped; numbers we format ourselves stay numeric.
func csvValue(v any, loc *time.Location) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return csvText(x)
	case int:
		return strconv.Itoa(x)
	case moneyVal:
		return x.Amount.String()
	case hoursVal:
		return strconv.FormatFloat(float64(x), 'f', 2, 64)
	case percentVal:
		return strconv.FormatFloat(float64(x), 'f', -1, 64)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.In(loc).Format(csvDateLayout)
	case flagged:
		return csvValue(x.V, loc)
	}
	return "" // every row function emits only the types above
}
