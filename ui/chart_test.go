package ui

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
	assert.Equal(t, "11-01", r.firstDay.Text)
	assert.Equal(t, "4", r.maxOrders.Text)
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
	assert.Len(t, r.Objects(), 7+6+5)
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
