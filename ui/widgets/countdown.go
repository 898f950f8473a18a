package widgets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
)

// Countdown is a label showing the time left before a deadline. Start makes it
// tick every second from its own goroutine, applying each change with fyne.Do.
type Countdown struct {
	widget.Label

	mu       sync.Mutex
	deadline time.Time
	now      func() time.Time
	// Interval is how often Start ticks: a second unless changed before
	// Start (tests lengthen it to keep the label still).
	Interval time.Duration
	stop     chan struct{}
	done     chan struct{}
}

// NewCountdown returns a stopped countdown without a deadline; now supplies
// the clock (time.Now when nil) so tests and the sandbox's fast clock agree.
func NewCountdown(now func() time.Time) *Countdown {
	if now == nil {
		now = time.Now
	}
	c := &Countdown{now: now, Interval: time.Second}
	c.TextStyle = fyne.TextStyle{Bold: true}
	c.ExtendBaseWidget(c)
	return c
}

// SetDeadline shows the time left before at; a zero time shows a dash.
// Call it on Fyne's goroutine.
func (c *Countdown) SetDeadline(at time.Time) {
	c.mu.Lock()
	c.deadline = at
	c.mu.Unlock()
	c.Tick(c.now())
}

// Start begins ticking once a second until Stop. Starting twice is harmless.
func (c *Countdown) Start() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stop != nil {
		return
	}
	c.stop, c.done = make(chan struct{}), make(chan struct{})
	go c.run(c.stop, c.done, c.Interval)
}

// Stop ends the ticking and waits for the ticking goroutine to finish, so
// nothing changes the label afterwards.
func (c *Countdown) Stop() {
	c.mu.Lock()
	stop, done := c.stop, c.done
	c.stop, c.done = nil, nil
	c.mu.Unlock()
	if stop == nil {
		return
	}
	close(stop)
	<-done
}

func (c *Countdown) run(stop <-chan struct{}, done chan<- struct{}, every time.Duration) {
	defer close(done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			// kit.Do (fyne.Do), not DoAndWait: Stop may be called on Fyne's goroutine
			// while it waits for this one, and a late tick only redraws.
			now := c.now()
			kit.Do(func() { c.Tick(now) })
		}
	}
}

// Tick redraws the label for the time now; Start calls it every Interval.
// Call it on Fyne's goroutine.
func (c *Countdown) Tick(now time.Time) {
	c.mu.Lock()
	at := c.deadline
	c.mu.Unlock()
	text, imp := CountdownText(at, now)
	if text == c.Text && imp == c.Importance {
		return
	}
	c.Text, c.Importance = text, imp
	c.Refresh()
}

// CountdownText formats the time left and picks its colour: red within
// domain.UrgentWithin and once passed, so the most urgent number stands out.
func CountdownText(at, now time.Time) (string, widget.Importance) {
	if at.IsZero() {
		return "—", widget.MediumImportance
	}
	left := at.Sub(now)
	if left <= 0 {
		return lang.L("Overdue by {{.Time}}", map[string]any{"Time": formatDuration(-left)}), widget.DangerImportance
	}
	imp := widget.WarningImportance
	if left < domain.UrgentWithin {
		imp = widget.DangerImportance
	}
	return lang.L("{{.Time}} left", map[string]any{"Time": formatDuration(left)}), imp
}

// formatDuration is kit.FormatDuration: one way of writing a span.
func formatDuration(d time.Duration) string { return kit.FormatDuration(d) }
