package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
)

// dotRadius is an order dot's radius; the line joining dots is thinner so
// the dots, the real data, stand out.
const (
	dotRadius   = 3.5
	orderStroke = 1.5
	tickGap     = 4
)

// rebuild sizes the shape pools to the points and scales, reusing shapes so
// a refresh with as many days allocates almost nothing, and words the labels.
func (r *trendRenderer) rebuild() {
	pts := r.chart.points
	n := len(pts)
	r.bars = growRects(r.bars, n)
	r.dots = growCircles(r.dots, n)
	r.segments = growLines(r.segments, max(n-1, 0), orderStroke)
	r.scale()
	k := r.amount.Intervals + 1
	r.grid = growLines(r.grid, k, 1)
	r.leftTicks = growTexts(r.leftTicks, k)
	r.rightTicks = growTexts(r.rightTicks, k)
	chinese := kit.Chinese()
	for i := range k {
		r.leftTicks[i].Text = axisAmount(r.amount.Step*float64(i), chinese)
		r.rightTicks[i].Text = strconv.Itoa(int(r.orders.Step) * i)
	}
	r.dayIdx = dayTicks(n)
	r.days = growTexts(r.days, len(r.dayIdx))
	for i, d := range r.dayIdx {
		r.days[i].Text = dayLabel(pts[d].Day.In(kit.DisplayLocation()), chinese)
	}
	r.collect()
	r.recolour()
}

// scale picks both axes from the peaks, with as many gaps each.
func (r *trendRenderer) scale() {
	var peakAmt domain.Money
	peakCount := 0
	for _, p := range r.chart.points {
		peakAmt, peakCount = max(peakAmt, p.Amount), max(peakCount, p.Orders)
	}
	r.amount, r.orders = pairScales(niceScale(peakAmt.Float(), 4, false), niceScale(float64(peakCount), 4, true))
}

func (r *trendRenderer) collect() {
	r.objects = r.objects[:0]
	for _, g := range r.grid {
		r.objects = append(r.objects, g)
	}
	for _, b := range r.bars {
		r.objects = append(r.objects, b)
	}
	for _, s := range r.segments {
		r.objects = append(r.objects, s)
	}
	for _, d := range r.dots {
		r.objects = append(r.objects, d)
	}
	for _, ts := range [][]*canvas.Text{r.leftTicks, r.rightTicks, r.days} {
		for _, t := range ts {
			r.objects = append(r.objects, t)
		}
	}
	r.objects = append(r.objects, r.legend.objects()...)
}

func (r *trendRenderer) recolour() {
	fg, grid := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameSeparator)
	for _, b := range r.bars {
		b.FillColor = amountColor()
	}
	for _, s := range r.segments {
		s.StrokeColor = ordersColor()
	}
	for _, d := range r.dots {
		d.FillColor = ordersColor()
	}
	for _, g := range r.grid {
		g.StrokeColor = grid
	}
	for _, ts := range [][]*canvas.Text{r.leftTicks, r.rightTicks, r.days} {
		for _, t := range ts {
			t.Color = fg
		}
	}
	l := r.legend
	l.bar.FillColor, l.dot.FillColor = amountColor(), ordersColor()
	for _, t := range []*canvas.Text{l.amount, l.orders, l.leftTitle, l.rightTitle} {
		t.Color = fg
	}
}

// plotArea is where bars and dots go inside the widget.
type plotArea struct{ left, top, right, bottom float32 }

func (p plotArea) width() float32  { return p.right - p.left }
func (p plotArea) height() float32 { return p.bottom - p.top }

// Layout leaves a legend row on top, tick labels left and right, and day
// labels below, and draws the series in what is left.
func (r *trendRenderer) Layout(size fyne.Size) {
	capH := r.legend.amount.MinSize().Height
	p := plotArea{left: widest(r.leftTicks) + tickGap, top: capH*1.5 + tickGap,
		right: size.Width - widest(r.rightTicks) - tickGap, bottom: size.Height - capH - tickGap}
	r.layoutLegend(size, capH)
	if p.width() <= 0 || p.height() <= 0 {
		return
	}
	r.layoutGrid(p)
	r.layoutSeries(p)
	r.layoutDays(p, size)
}

func (r *trendRenderer) layoutLegend(size fyne.Size, capH float32) {
	l := r.legend
	l.leftTitle.Move(fyne.NewPos(0, 0))
	l.rightTitle.Move(fyne.NewPos(size.Width-l.rightTitle.MinSize().Width, 0))
	sw := capH * 0.6
	w := sw + tickGap + l.amount.MinSize().Width + 4*tickGap + sw + tickGap + l.orders.MinSize().Width
	x := (size.Width - w) / 2
	l.bar.Move(fyne.NewPos(x, (capH-sw)/2))
	l.bar.Resize(fyne.NewSize(sw, sw))
	x += sw + tickGap
	l.amount.Move(fyne.NewPos(x, 0))
	x += l.amount.MinSize().Width + 4*tickGap
	l.dot.Move(fyne.NewPos(x, (capH-sw)/2))
	l.dot.Resize(fyne.NewSize(sw, sw))
	l.orders.Move(fyne.NewPos(x+sw+tickGap, 0))
}

func (r *trendRenderer) layoutGrid(p plotArea) {
	k := r.amount.Intervals
	for i, g := range r.grid {
		y := p.bottom - float32(i)/float32(k)*p.height()
		g.Position1, g.Position2 = fyne.NewPos(p.left, y), fyne.NewPos(p.right, y)
		lt, rt := r.leftTicks[i], r.rightTicks[i]
		ls, rs := lt.MinSize(), rt.MinSize()
		lt.Move(fyne.NewPos(p.left-tickGap-ls.Width, y-ls.Height/2))
		rt.Move(fyne.NewPos(p.right+tickGap, y-rs.Height/2))
	}
}

func (r *trendRenderer) layoutSeries(p plotArea) {
	n := len(r.chart.points)
	if n == 0 {
		return
	}
	slot := p.width() / float32(n)
	for i, pt := range r.chart.points {
		h := scale(float32(pt.Amount.Float()), float32(r.amount.Top()), p.height())
		r.bars[i].Move(fyne.NewPos(p.left+float32(i)*slot+slot*0.2, p.bottom-h))
		r.bars[i].Resize(fyne.NewSize(slot*0.6, h))
		c := r.orderPoint(i, slot, p)
		r.dots[i].Move(fyne.NewPos(c.X-dotRadius, c.Y-dotRadius))
		r.dots[i].Resize(fyne.NewSize(2*dotRadius, 2*dotRadius))
	}
	for i, s := range r.segments {
		s.Position1, s.Position2 = r.orderPoint(i, slot, p), r.orderPoint(i+1, slot, p)
	}
}

func (r *trendRenderer) orderPoint(i int, slot float32, p plotArea) fyne.Position {
	h := scale(float32(r.chart.points[i].Orders), float32(r.orders.Top()), p.height())
	return fyne.NewPos(p.left+float32(i)*slot+slot/2, p.bottom-h)
}

// layoutDays centres each day label under its day, kept inside the widget.
func (r *trendRenderer) layoutDays(p plotArea, size fyne.Size) {
	slot := p.width() / float32(max(len(r.chart.points), 1))
	for i, d := range r.dayIdx {
		t := r.days[i]
		w := t.MinSize().Width
		x := p.left + float32(d)*slot + slot/2 - w/2
		t.Move(fyne.NewPos(min(max(x, 0), size.Width-w), p.bottom+tickGap))
	}
}

// scale maps v in [0, top] to [0, height]; an all-zero series stays flat.
func scale(v, top, height float32) float32 {
	if top <= 0 {
		return 0
	}
	return min(v/top, 1) * height
}

func widest(ts []*canvas.Text) float32 {
	var w float32
	for _, t := range ts {
		w = max(w, t.MinSize().Width)
	}
	return w
}

// MinSize implements fyne.WidgetRenderer.
func (r *trendRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 160) }

// Objects implements fyne.WidgetRenderer.
func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *trendRenderer) Destroy() {}

// Refresh re-reads the points and the theme's colours.
func (r *trendRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func growRects(s []*canvas.Rectangle, n int) []*canvas.Rectangle {
	for len(s) < n {
		s = append(s, canvas.NewRectangle(amountColor()))
	}
	return s[:n]
}

func growCircles(s []*canvas.Circle, n int) []*canvas.Circle {
	for len(s) < n {
		s = append(s, canvas.NewCircle(ordersColor()))
	}
	return s[:n]
}

func growLines(s []*canvas.Line, n int, stroke float32) []*canvas.Line {
	for len(s) < n {
		l := canvas.NewLine(ordersColor())
		l.StrokeWidth = stroke
		s = append(s, l)
	}
	return s[:n]
}

func growTexts(s []*canvas.Text, n int) []*canvas.Text {
	for len(s) < n {
		s = append(s, captionText(""))
	}
	return s[:n]
}
