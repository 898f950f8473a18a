package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// TrendChart draws daily amounts as bars and order counts as a line over
// them. It is drawn with plain canvas shapes: a chart library would weigh
// more than the whole screen it sits on.
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
	r := &trendRenderer{chart: c, axis: canvas.NewLine(theme.Color(theme.ColorNameDisabled))}
	for _, t := range []**canvas.Text{&r.maxAmount, &r.maxOrders, &r.firstDay, &r.lastDay} {
		*t = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		(*t).TextSize = theme.CaptionTextSize()
	}
	r.rebuild()
	return r
}

type trendRenderer struct {
	chart                 *TrendChart
	bars                  []*canvas.Rectangle
	segments              []*canvas.Line
	axis                  *canvas.Line
	maxAmount, maxOrders  *canvas.Text
	firstDay, lastDay     *canvas.Text
	objects               []fyne.CanvasObject
	peakAmount, peakCount float32
}

// rebuild makes one bar per day and one segment between neighbouring days,
// reusing shapes so a refresh with the same number of days allocates nothing.
func (r *trendRenderer) rebuild() {
	n := len(r.chart.points)
	for len(r.bars) < n {
		r.bars = append(r.bars, canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)))
	}
	r.bars = r.bars[:n]
	segs := max(n-1, 0)
	for len(r.segments) < segs {
		l := canvas.NewLine(theme.Color(theme.ColorNameError))
		l.StrokeWidth = 2
		r.segments = append(r.segments, l)
	}
	r.segments = r.segments[:segs]
	r.objects = r.objects[:0]
	for _, b := range r.bars {
		r.objects = append(r.objects, b)
	}
	for _, s := range r.segments {
		r.objects = append(r.objects, s)
	}
	r.objects = append(r.objects, r.axis, r.maxAmount, r.maxOrders, r.firstDay, r.lastDay)
	r.updateLabels()
}

func (r *trendRenderer) updateLabels() {
	var peakAmt domain.Money
	peakCount := 0
	for _, p := range r.chart.points {
		peakAmt, peakCount = max(peakAmt, p.Amount), max(peakCount, p.Orders)
	}
	r.peakAmount, r.peakCount = float32(peakAmt.Float()), float32(peakCount)
	r.maxAmount.Text = FormatMoney(peakAmt, "CNY")
	r.maxOrders.Text = strconv.Itoa(peakCount)
	r.firstDay.Text, r.lastDay.Text = "", ""
	if n := len(r.chart.points); n > 0 {
		r.firstDay.Text = r.chart.points[0].Day.Format("01-02")
		r.lastDay.Text = r.chart.points[n-1].Day.Format("01-02")
	}
}

// Layout places bars and line inside a plot area that leaves a caption row
// above (peaks) and below (first and last day).
func (r *trendRenderer) Layout(size fyne.Size) {
	capH := r.maxAmount.MinSize().Height
	top, plotH := capH, size.Height-2*capH
	r.layoutCaptions(size, capH)
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(0, top+plotH), fyne.NewPos(size.Width, top+plotH)
	n := len(r.chart.points)
	if n == 0 || plotH <= 0 {
		return
	}
	slot := size.Width / float32(n)
	for i, p := range r.chart.points {
		h := scale(float32(p.Amount.Float()), r.peakAmount, plotH)
		r.bars[i].Move(fyne.NewPos(float32(i)*slot+slot*0.2, top+plotH-h))
		r.bars[i].Resize(fyne.NewSize(slot*0.6, h))
	}
	for i := range r.segments {
		r.segments[i].Position1 = r.orderPoint(i, slot, top, plotH)
		r.segments[i].Position2 = r.orderPoint(i+1, slot, top, plotH)
	}
}

func (r *trendRenderer) orderPoint(i int, slot, top, plotH float32) fyne.Position {
	h := scale(float32(r.chart.points[i].Orders), r.peakCount, plotH)
	return fyne.NewPos(float32(i)*slot+slot/2, top+plotH-h)
}

func (r *trendRenderer) layoutCaptions(size fyne.Size, capH float32) {
	r.maxAmount.Move(fyne.NewPos(0, 0))
	r.maxOrders.Move(fyne.NewPos(size.Width-r.maxOrders.MinSize().Width, 0))
	r.firstDay.Move(fyne.NewPos(0, size.Height-capH))
	r.lastDay.Move(fyne.NewPos(size.Width-r.lastDay.MinSize().Width, size.Height-capH))
}

// scale maps v in [0, peak] to [0, height]; an all-zero series stays flat.
func scale(v, peak, height float32) float32 {
	if peak <= 0 {
		return 0
	}
	return v / peak * height
}

// MinSize implements fyne.WidgetRenderer.
func (r *trendRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 140) }

// Objects implements fyne.WidgetRenderer.
func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *trendRenderer) Destroy() {}

// Refresh re-reads the points and the theme's colours.
func (r *trendRenderer) Refresh() {
	r.rebuild()
	for _, b := range r.bars {
		b.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	for _, s := range r.segments {
		s.StrokeColor = theme.Color(theme.ColorNameError)
	}
	r.axis.StrokeColor = theme.Color(theme.ColorNameDisabled)
	for _, t := range []*canvas.Text{r.maxAmount, r.maxOrders, r.firstDay, r.lastDay} {
		t.Color = theme.Color(theme.ColorNameForeground)
	}
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}
