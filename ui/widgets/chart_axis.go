package widgets

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// minIntervals is the fewest gaps an axis is divided into, so even a month
// with one order a day has a readable scale (0, 1, 2, 3) rather than 0 and 1.
const minIntervals = 3

// niceStep rounds raw up to 1, 2, 2.5 or 5 times a power of ten (2.5 is
// left out for whole-number axes: "2.5 orders" is not a tick anyone wants).
func niceStep(raw float64, whole bool) float64 {
	if raw <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	steps := []float64{1, 2, 2.5, 5, 10}
	if whole {
		steps = []float64{1, 2, 5, 10}
	}
	for _, s := range steps {
		if raw <= s*mag*(1+1e-9) {
			step := s * mag
			if whole {
				step = math.Max(1, math.Round(step))
			}
			return step
		}
	}
	return 10 * mag
}

// chartScale is one axis: ticks at 0, Step, 2·Step … Top.
type chartScale struct {
	Step      float64
	Intervals int
}

// Top is the axis's highest value.
func (s chartScale) Top() float64 { return s.Step * float64(s.Intervals) }

// niceScale picks a round step for data up to peak, about target gaps.
func niceScale(peak float64, target int, whole bool) chartScale {
	step := niceStep(peak/float64(target), whole)
	n := max(int(math.Ceil(peak/step-1e-9)), minIntervals)
	return chartScale{Step: step, Intervals: n}
}

// pairScales gives two axes the same number of gaps, so one set of grid
// lines serves both.
func pairScales(left, right chartScale) (chartScale, chartScale) {
	n := max(left.Intervals, right.Intervals)
	left.Intervals, right.Intervals = n, n
	return left, right
}

// axisAmount labels an amount tick in yuan: "¥60万" and "¥1.2亿" in
// Chinese, "600k" and "1.2M" in English (the axis title says CNY, since
// ¥ alone also means yen to an English reader).
func axisAmount(yuan float64, chinese bool) string {
	if chinese {
		switch {
		case yuan >= 1e8:
			return "¥" + trimFloat(yuan/1e8) + "亿"
		case yuan >= 1e4:
			return "¥" + trimFloat(yuan/1e4) + "万"
		}
		return "¥" + trimFloat(yuan)
	}
	switch {
	case yuan >= 1e6:
		return trimFloat(yuan/1e6) + "M"
	case yuan >= 1e3:
		return trimFloat(yuan/1e3) + "k"
	}
	return trimFloat(yuan)
}

// trimFloat writes v with at most two decimals and no trailing zeros.
func trimFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// dayTicks are the days labelled under the chart: the last day and every
// seventh before it, so the labels fall on the same weekday.
func dayTicks(n int) []int {
	var out []int
	for i := n - 1; i >= 0; i -= 7 {
		out = append([]int{i}, out...)
	}
	return out
}

var (
	weekdaysZH = [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}
	weekdaysEN = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// dayLabel is a tick's text: "11-17 周一" or "Mon 11-17".
func dayLabel(d time.Time, chinese bool) string {
	if chinese {
		return d.Format("01-02") + " " + weekdaysZH[d.Weekday()]
	}
	return weekdaysEN[d.Weekday()] + " " + d.Format("01-02")
}
