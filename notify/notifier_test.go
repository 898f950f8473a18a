package notify

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/internal/dbustest"
	"github.com/koogallery/merchant-console/notify/desktop"
)

// iconPNG draws a small icon so the tests need no file from the app.
func iconPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	for i := range 32 {
		img.Set(i, i, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// deliveries records what the notifier passed to each callback.
type deliveries struct {
	mu          sync.Mutex
	centre      []Notification
	fallback    []string
	unavailable []error
}

func (d *deliveries) options(icon any, now func() time.Time) NotifierOptions {
	return NotifierOptions{
		AppName: "Merchant Console Test", Icon: icon, Now: now,
		Centre: func(n Notification) { d.mu.Lock(); d.centre = append(d.centre, n); d.mu.Unlock() },
		Fallback: func(title, body string) {
			d.mu.Lock()
			d.fallback = append(d.fallback, title)
			d.mu.Unlock()
		},
		Unavailable: func(err error) { d.mu.Lock(); d.unavailable = append(d.unavailable, err); d.mu.Unlock() },
	}
}

func popup(title string, show bool) Notification {
	return Notification{Key: "k:" + title, Kind: KindNewTicket, Account: "acct-1", Resource: domain.ResTickets,
		RecordID: "T-" + title, Title: title, Body: "body of " + title, Popup: show}
}

func TestNotifierFallsBackWithoutDaemon(t *testing.T) {
	// given a session bus address where nothing listens (no notification daemon,
	// and notify-send, beeep's own fallback, fails the same way)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	c := &clock{now: noon}
	var d deliveries
	n, err := NewNotifier(d.options(iconPNG(t), c.Now))
	require.NoError(t, err)

	// when two popups and a silent one are delivered, the second after the retry pause
	n.Deliver(popup("first", true))
	n.Deliver(popup("silent", false))
	c.Advance(retryPause + time.Second)
	n.Deliver(popup("second", true))

	// then popups go to the fallback, everything to the centre, and the
	// unavailability is reported once
	assert.Equal(t, []string{"first", "second"}, d.fallback)
	require.Len(t, d.centre, 3)
	assert.Equal(t, "T-silent", d.centre[1].RecordID)
	require.Len(t, d.unavailable, 1)
	assert.ErrorContains(t, d.unavailable[0], "system notification")
}

func TestNotifierRefusesBadOptions(t *testing.T) {
	centre := func(Notification) {}
	cases := map[string]NotifierOptions{
		"no centre":         {Icon: "icon.png"},
		"icon bytes no PNG": {Centre: centre, Icon: []byte("GIF89a")},
		"icon of bad type":  {Centre: centre, Icon: 42},
	}
	for name, o := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := NewNotifier(o)
			assert.Error(t, err)
		})
	}
}

// TestNotifierThroughDunst sends real notifications over D-Bus to dunst,
// in a private session bus on a virtual display (dbustest).
func TestNotifierThroughDunst(t *testing.T) {
	if dbustest.InPrivateSession(t, 2*time.Minute) {
		deliverThroughDunst(t)
	}
}

func deliverThroughDunst(t *testing.T) {
	// given dunst serving the private session bus
	dbustest.StartDunst(t)
	calls := dbustest.MonitorNotify(t)
	iconFile := filepath.Join(t.TempDir(), "icon.png")
	require.NoError(t, os.WriteFile(iconFile, iconPNG(t), 0o600))

	for name, icon := range map[string]any{"icon path": iconFile, "icon bytes": iconPNG(t)} {
		var d deliveries
		n, err := NewNotifier(d.options(icon, nil))
		require.NoError(t, err)

		// when a popup is delivered
		title := "新工单 " + name
		n.Deliver(popup(title, true))

		// then the daemon took it: no fallback, nothing reported, and the centre has it
		assert.Empty(t, d.unavailable, name)
		assert.Empty(t, d.fallback, name)
		assert.Len(t, d.centre, 1, name)
		assert.Contains(t, dbustest.DunstHistory(t, title), title)
		// and it went out as the notification said: its title, its body,
		// the normal timeout, an icon either way
		require.Eventually(t, func() bool { return len(calls.All()) > 0 }, 10*time.Second, 20*time.Millisecond)
		sent := calls.All()[len(calls.All())-1]
		assert.Equal(t, [2]string{title, "body of " + title}, [2]string{sent.Title, sent.Body}, name)
		assert.Equal(t, int32(desktop.NormalTimeoutMS), sent.Timeout, name)
	}
}
