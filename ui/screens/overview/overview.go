package overview

import (
	"strconv"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// trendDays is the span of the overview chart.
const trendDays = 30

// Screen is the first screen: what waits for the user, the nearest
// automatic unsubscription ticking down, and the last 30 days of orders.
// Every card opens its list filtered to what it counts.
type Screen struct {
	b       *screens.Backend
	tickets *todoCard
	alerts  *todoCard
	tasks   *todoCard
	bills   *todoCard
	delist  *delistingSection
	chart   *widgets.TrendChart
	summary *widget.Label
	problem *widget.Label
	root    fyne.CanvasObject
	jobs    screens.Background
	gen     atomic.Uint64
}

// New builds the cards and the chart; Reload fills them.
func New(b *screens.Backend) *Screen {
	o := &Screen{b: b, chart: widgets.NewTrendChart(), summary: widget.NewLabel(""), problem: widget.NewLabel("")}
	o.tickets = newTodoCard(lang.L("Tickets waiting for me"), nil, o.nav(domain.ResTickets, screens.TicketsWaiting))
	o.alerts = newTodoCard(lang.L("Interface failures"), widgets.NewCountdown(b.Time), o.nav(domain.ResAlerts, screens.AlertsOpen))
	o.tasks = newTodoCard(lang.L("Supervision waiting on me"), nil, o.nav(domain.ResSupervision, screens.SupervisionMerchantNodes))
	o.bills = newTodoCard(lang.L("Bills needing me"), nil, o.nav(domain.ResBills, screens.BillsNeedingMe))
	o.delist = newDelistingSection(o.nav(domain.ResAlerts, nil))
	o.problem.Importance = widget.DangerImportance
	o.problem.Wrapping = fyne.TextWrapWord
	o.problem.Hide()
	cards := container.NewGridWithColumns(4, o.tickets.root, o.alerts.root, o.tasks.root, o.bills.root)
	trend := container.NewBorder(container.NewVBox(screens.SectionTitle(lang.L("Last 30 days: orders (line) and amounts (bars)")), o.summary), nil, nil, nil, o.chart)
	o.root = container.NewBorder(container.NewVBox(o.problem, cards, o.delist.root), nil, nil, nil, container.NewPadded(trend))
	return o
}

// Object is the screen's content.
func (o *Screen) Object() fyne.CanvasObject { return o.root }

// Reload reads the counts and the series off Fyne's goroutine and shows
// them in one go; a reload overtaken by a newer one is dropped.
func (o *Screen) Reload() {
	gen := o.gen.Add(1)
	s, now := o.b.CurrentStore(), o.b.Time()
	o.jobs.Run(func() func() {
		if s == nil {
			return nil
		}
		ov, err := s.Overview(now)
		var series []localstore.DayPoint
		if err == nil {
			series, err = s.DailySeries(now, trendDays, kit.DisplayLocation())
		}
		var delist []domain.DelistingCount
		if err == nil {
			delist, err = o.b.DelistingCounts()
		}
		return func() {
			if gen == o.gen.Load() {
				o.apply(ov, series, err)
				o.delist.set(delist)
			}
		}
	})
}

// Close stops the card countdown.
func (o *Screen) Close() {
	o.alerts.countdown.Stop()
	o.jobs.Wait()
}

func (o *Screen) apply(ov localstore.Overview, series []localstore.DayPoint, err error) {
	if err != nil {
		o.problem.SetText(kit.ErrorText(err))
		o.problem.Show()
		return
	}
	o.problem.Hide()
	o.tickets.set(ov.TicketsWaiting, statusBreakdown(domain.ResTickets, ov.Counts, screens.TicketsWaiting))
	o.alerts.set(ov.AlertsOpen, statusBreakdown(domain.ResAlerts, ov.Counts, screens.AlertsOpen))
	o.showNearestUnsubscribe(ov.NearestUnsubscribe)
	o.tasks.set(ov.SupervisionWaiting, "")
	o.bills.set(ov.BillsNeedingMerchant, statusBreakdown(domain.ResBills, ov.Counts,
		[]string{string(domain.BillPendingInvoice), string(domain.BillPaymentRejected), string(domain.BillInvoiceError)}))
	o.showSeries(series)
}

func (o *Screen) showNearestUnsubscribe(at time.Time) {
	c := o.alerts.countdown
	c.SetDeadline(at)
	if at.IsZero() {
		c.Stop()
		c.Hide()
		return
	}
	c.Show()
	c.Start()
}

func (o *Screen) showSeries(series []localstore.DayPoint) {
	points := make([]widgets.ChartPoint, len(series))
	var orders int
	var amount domain.Money
	for i, p := range series {
		points[i] = widgets.ChartPoint{Day: p.Day, Orders: p.Orders, Amount: p.Amount}
		orders += p.Orders
		amount += p.Amount
	}
	o.chart.SetPoints(points)
	o.summary.SetText(lang.L("{{.Orders}} orders, {{.Amount}}", map[string]any{"Orders": kit.GroupInt(orders), "Amount": kit.FormatMoney(amount, "CNY")}))
}

// statusBreakdown lists the counted statuses with their numbers, e.g.
// "待开票 2 · 申请被驳回 1", leaving out zeros.
func statusBreakdown(res domain.Resource, counts map[domain.Resource]map[string]int, statuses []string) string {
	out := ""
	for _, st := range statuses {
		n := counts[res][st]
		if n == 0 {
			continue
		}
		if out != "" {
			out += " · "
		}
		out += kit.StatusLabel(res, st) + " " + strconv.Itoa(n)
	}
	return out
}

func (o *Screen) nav(res domain.Resource, statuses []string) func() {
	return func() {
		if o.b.Navigate != nil {
			o.b.Navigate(screens.NavTarget{Resource: res, Statuses: statuses})
		}
	}
}

// todoCard is a tappable tile: a title, a big count, a breakdown line and
// optionally a countdown.
type todoCard struct {
	count     *canvas.Text
	detail    *widget.Label
	countdown *widgets.Countdown
	tap       *widget.Button
	root      fyne.CanvasObject
}

func newTodoCard(title string, cd *widgets.Countdown, onTap func()) *todoCard {
	c := &todoCard{count: canvas.NewText("—", theme.Color(theme.ColorNameForeground)), detail: widget.NewLabel(""), countdown: cd}
	c.count.TextSize = theme.TextSize() * 2.4
	c.count.TextStyle = fyne.TextStyle{Bold: true}
	c.detail.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(title)
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Wrapping = fyne.TextWrapWord // four cards fit a 1024-px window in English too
	body := container.NewVBox(head, container.NewPadded(c.count), c.detail)
	if cd != nil {
		body.Add(cd)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	c.tap = widget.NewButton("", onTap)
	c.tap.Importance = widget.LowImportance
	c.root = container.NewStack(bg, c.tap, container.NewPadded(body))
	return c
}

// set shows the count, red when something waits.
func (c *todoCard) set(n int, detail string) {
	c.count.Text = kit.GroupInt(n)
	c.count.Color = theme.Color(theme.ColorNameForeground)
	if n > 0 {
		c.count.Color = theme.Color(theme.ColorNameError)
	}
	c.count.Refresh()
	c.detail.SetText(detail)
	c.detail.Hidden = detail == ""
}
