package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestTrendChart_BarsAndLineFollowTheData(t *testing.T) {
	// given three days: 2 orders ¥100, 4 orders ¥50, nothing
	test.NewTempApp(t)
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)
	c := NewTrendChart()
	c.SetPoints([]ChartPoint{
		{Day: day, Orders: 2, Amount: 10000},
		{Day: day.AddDate(0, 0, 1), Orders: 4, Amount: 5000},
		{Day: day.AddDate(0, 0, 2)},
	})
	r := test.TempWidgetRenderer(t, c).(*trendRenderer)

	// when laid out
	c.Resize(fyne.NewSize(300, 200))
	r.Layout(c.Size())

	// then bar heights follow the amounts and the line follows the counts
	require.Len(t, r.bars, 3)
	require.Len(t, r.segments, 2)
	assert.InDelta(t, r.bars[0].Size().Height, 2*r.bars[1].Size().Height, 0.5)
	assert.Zero(t, r.bars[2].Size().Height)
	assert.Less(t, r.segments[0].Position2.Y, r.segments[0].Position1.Y, "4 orders sit higher than 2")
	assert.Equal(t, "Tue 11-03", r.days[len(r.days)-1].Text, "the last day is labelled")
	assert.Equal(t, "4", r.rightTicks[len(r.rightTicks)-1].Text)
	assert.Equal(t, "100", r.leftTicks[len(r.leftTicks)-1].Text, "¥100 peak: a round top")
}

func TestTrendChart_ShrinksAndGrowsWithTheSeries(t *testing.T) {
	test.NewTempApp(t)
	c := NewTrendChart()
	r := test.TempWidgetRenderer(t, c).(*trendRenderer)
	assert.Empty(t, r.bars)

	c.SetPoints(make([]ChartPoint, 30))
	assert.Len(t, r.bars, 30)
	assert.Len(t, r.segments, 29)

	c.SetPoints(make([]ChartPoint, 7))
	assert.Len(t, r.bars, 7)
	assert.Len(t, r.dots, 7)
	assert.Len(t, r.segments, 6)
	grid := len(r.grid)
	assert.Len(t, r.Objects(), grid+7+6+7+2*grid+len(r.days)+6, "grid, bars, line, dots, ticks, days, legend")
}

func TestNiceScale_RoundsAxesToReadableSteps(t *testing.T) {
	cases := []struct {
		name     string
		peak     float64
		whole    bool
		wantStep float64
		wantTop  float64
	}{
		{"one order a day still gets a few ticks", 1, true, 1, 3},
		{"no orders at all", 0, true, 1, 3},
		{"seven orders", 7, true, 2, 8},
		{"twenty-three orders", 23, true, 10, 30},
		{"¥587,000 peak", 587_000, false, 200_000, 600_000},
		{"¥96 peak", 96, false, 25, 100},
		{"¥1.23m peak", 1_230_000, false, 500_000, 1_500_000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := niceScale(tc.peak, 4, tc.whole)
			assert.InDelta(t, tc.wantStep, s.Step, 1e-9)
			assert.InDelta(t, tc.wantTop, s.Top(), 1e-9)
			assert.GreaterOrEqual(t, s.Top(), tc.peak, "the top is never below the data")
		})
	}
}

func TestAxisAmount_UsesWanInChinese(t *testing.T) {
	cases := []struct {
		yuan    float64
		chinese bool
		want    string
	}{
		{600_000, true, "¥60万"}, {150_000_000, true, "¥1.5亿"}, {2_500, true, "¥2500"}, {0, true, "¥0"},
		{600_000, false, "600k"}, {1_500_000, false, "1.5M"}, {25, false, "25"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, axisAmount(tc.yuan, tc.chinese))
	}
}

func TestPairScales_ShareGridLines(t *testing.T) {
	// given an amount axis of 3 gaps and an orders axis of 5
	a, o := pairScales(chartScale{Step: 200_000, Intervals: 3}, chartScale{Step: 1, Intervals: 5})

	// then both have 5 gaps, each keeping its own step
	assert.Equal(t, 5, a.Intervals)
	assert.Equal(t, 5, o.Intervals)
	assert.InDelta(t, 1_000_000, a.Top(), 1e-9)
	assert.InDelta(t, 5, o.Top(), 1e-9)
}

func BenchmarkTrendChart_Refresh30Days(b *testing.B) {
	test.NewTempApp(b)
	c := NewTrendChart()
	pts := make([]ChartPoint, 30)
	for i := range pts {
		pts[i] = ChartPoint{Orders: i, Amount: domain.Money(i * 1000)}
	}
	c.Resize(fyne.NewSize(600, 240))
	_ = test.WidgetRenderer(c)
	for b.Loop() {
		c.SetPoints(pts)
	}
}
