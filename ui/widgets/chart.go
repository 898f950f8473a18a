package widgets

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
)

// ChartPoint is one day of the trend: how many orders and how much money.
type ChartPoint struct {
	Day    time.Time
	Orders int
	Amount domain.Money
}

// TrendChart draws daily amounts as bars on a left axis and order counts as
// dots joined by a thin line on a right axis, both rounded to readable
// steps and sharing grid lines, with a tick every seventh day and a legend.
// It is drawn with plain canvas shapes: a chart library would weigh more
// than the whole screen it sits on.
type TrendChart struct {
	widget.BaseWidget
	points []ChartPoint
}

// NewTrendChart returns an empty chart; SetPoints fills it.
func NewTrendChart() *TrendChart {
	c := &TrendChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetPoints replaces the days shown, oldest first. Call on Fyne's goroutine.
func (c *TrendChart) SetPoints(points []ChartPoint) {
	c.points = append([]ChartPoint(nil), points...)
	c.Refresh()
}

// Points returns a copy of the days shown.
func (c *TrendChart) Points() []ChartPoint { return append([]ChartPoint(nil), c.points...) }

// CreateRenderer implements fyne.Widget.
func (c *TrendChart) CreateRenderer() fyne.WidgetRenderer {
	r := &trendRenderer{chart: c, legend: newChartLegend()}
	r.rebuild()
	return r
}

// chartLegend names the two series and the two axes.
type chartLegend struct {
	bar                   *canvas.Rectangle
	dot                   *canvas.Circle
	amount, orders        *canvas.Text
	leftTitle, rightTitle *canvas.Text
}

func newChartLegend() *chartLegend {
	return &chartLegend{
		bar: canvas.NewRectangle(amountColor()), dot: canvas.NewCircle(ordersColor()),
		amount: captionText(lang.L("Daily amount")), orders: captionText(lang.L("Daily orders")),
		leftTitle: captionText(lang.L("Amount (CNY)")), rightTitle: captionText(lang.L("Orders")),
	}
}

func (l *chartLegend) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{l.bar, l.dot, l.amount, l.orders, l.leftTitle, l.rightTitle}
}

func captionText(s string) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.CaptionTextSize()
	return t
}

// The series' colours: blue bars and orange orders read apart on light and
// dark themes, and orange does not shout "error" the way red did.
func amountColor() color.Color { return theme.Color(theme.ColorNamePrimary) }
func ordersColor() color.Color { return theme.Color(theme.ColorNameWarning) }

type trendRenderer struct {
	chart          *TrendChart
	legend         *chartLegend
	bars           []*canvas.Rectangle
	segments       []*canvas.Line
	dots           []*canvas.Circle
	grid           []*canvas.Line
	leftTicks      []*canvas.Text
	rightTicks     []*canvas.Text
	days           []*canvas.Text
	dayIdx         []int
	amount, orders chartScale
	objects        []fyne.CanvasObject
}
