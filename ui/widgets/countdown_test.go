package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestCountdownText(t *testing.T) {
	now := uitest.Now
	cases := []struct {
		name string
		at   time.Time
		want string
		imp  widget.Importance
	}{
		{"no deadline", time.Time{}, "—", widget.MediumImportance},
		{"hours left", now.Add(2*time.Hour + 5*time.Minute + 7*time.Second), "2:05:07 left", widget.WarningImportance},
		{"just under half an hour", now.Add(29*time.Minute + 59*time.Second), "0:29:59 left", widget.DangerImportance},
		{"exactly half an hour", now.Add(30 * time.Minute), "0:30:00 left", widget.WarningImportance},
		{"days left", now.Add(50 * time.Hour), "2d 2:00:00 left", widget.WarningImportance},
		{"passed", now.Add(-90 * time.Second), "Overdue by 0:01:30", widget.DangerImportance},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, imp := CountdownText(c.at, now)
			assert.Equal(t, c.want, text)
			assert.Equal(t, c.imp, imp)
		})
	}
}

func TestCountdown_TicksOnItsOwnUntilStopped(t *testing.T) {
	// given a countdown whose clock advances a minute per reading
	test.NewTempApp(t)
	clock := uitest.Now
	var readings int
	now := func() time.Time { readings++; return clock.Add(time.Duration(readings) * time.Minute) }
	c := NewCountdown(now)
	c.Interval = 5 * time.Millisecond
	c.SetDeadline(uitest.Now.Add(time.Hour))
	first := c.Text

	// when it runs for a while and is stopped
	c.Start()
	time.Sleep(60 * time.Millisecond)
	c.Stop()

	// then the label changed by itself
	assert.NotEqual(t, first, c.Text)
}
