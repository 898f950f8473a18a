//go:build linux

package desktop

import (
	"errors"
	"fmt"
	"image"
	"sync"

	"github.com/godbus/dbus/v5"

	"github.com/koogallery/merchant-console/internal/desktopbus"
)

// The freedesktop notification service.
const (
	fdoName  = "org.freedesktop.Notifications"
	fdoPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	fdoIface = "org.freedesktop.Notifications"
	// urgencyCritical is the spec's urgency 2: daemons keep such a popup
	// on screen and let it through do-not-disturb.
	urgencyCritical, urgencyNormal = byte(2), byte(1)
	// actionDefault is the action a click on the popup's body invokes.
	actionDefault = "default"
	// maxTracked bounds the popups whose action is remembered: a daemon
	// that never reports closing must not grow the map without end.
	maxTracked = 256
)

// dbusDesktop talks to the notification daemon directly: beeep sends no
// actions and no timeout of its own, so an urgent popup vanished after 5 s
// with no way to open its record.
type dbusDesktop struct {
	appName, openLabel string
	appIcon            string     // an icon file path, when given as one
	icon               *dbusImage // nil: no icon
	onOpen             OpenFunc

	mu      sync.Mutex
	conn    *dbus.Conn
	targets map[uint32]Popup // shown popups with an action, by daemon ID
	order   []uint32
}

// dbusImage is the spec's image-data hint, (iiibiiay).
type dbusImage struct {
	Width, Height, RowStride int32
	HasAlpha                 bool
	BitsPerSample, Channels  int32
	Data                     []byte
}

func newDesktop(o Options) (Desktop, error) {
	d := &dbusDesktop{appName: o.AppName, openLabel: o.OpenLabel, appIcon: o.IconPath, onOpen: o.OnOpen,
		targets: map[uint32]Popup{}}
	if o.Icon != nil {
		img, err := smallIcon(o.Icon)
		if err != nil {
			return nil, err
		}
		d.icon = imageHint(img)
	}
	return d, nil
}

func imageHint(img *image.RGBA) *dbusImage {
	b := img.Bounds()
	return &dbusImage{Width: int32(b.Dx()), Height: int32(b.Dy()), RowStride: int32(img.Stride),
		HasAlpha: true, BitsPerSample: 8, Channels: 4, Data: img.Pix}
}

// connect opens a private session-bus connection and listens for the
// daemon's ActionInvoked and NotificationClosed, once. It never starts a
// bus: without one there is no daemon to show anything.
func (d *dbusDesktop) connect() (*dbus.Conn, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn != nil && d.conn.Connected() {
		return d.conn, nil
	}
	if !desktopbus.Reachable() {
		return nil, errors.New("no D-Bus session bus")
	}
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return nil, fmt.Errorf("connect to the session bus: %w", err)
	}
	if err := conn.Auth(nil); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("session bus auth: %w", err)
	}
	if err := conn.Hello(); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("session bus hello: %w", err)
	}
	if err := conn.AddMatchSignal(dbus.WithMatchObjectPath(fdoPath), dbus.WithMatchInterface(fdoIface)); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("listen for notification actions: %w", err)
	}
	signals := make(chan *dbus.Signal, 16)
	conn.Signal(signals)
	go d.listen(signals)
	d.conn = conn
	return conn, nil
}

// Show implements Desktop.
func (d *dbusDesktop) Show(p Popup) error {
	conn, err := d.connect()
	if err != nil {
		return err
	}
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(urgencyNormal)}
	timeout := int32(NormalTimeoutMS)
	if p.Critical {
		hints["urgency"], timeout = dbus.MakeVariant(urgencyCritical), 0
	}
	if d.icon != nil {
		hints["image-data"] = dbus.MakeVariant(*d.icon)
	}
	var actions []string
	if d.onOpen != nil && p.Resource != "" {
		actions = []string{actionDefault, d.openLabel}
	}
	var id uint32
	call := conn.Object(fdoName, fdoPath).Call(fdoIface+".Notify", 0,
		d.appName, uint32(0), d.appIcon, p.Title, p.Body, actions, hints, timeout)
	if err := call.Store(&id); err != nil {
		return fmt.Errorf("notification daemon: %w", err)
	}
	if actions != nil {
		d.track(id, p)
	}
	return nil
}

func (d *dbusDesktop) track(id uint32, p Popup) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.targets[id] = p
	d.order = append(d.order, id)
	if len(d.order) > maxTracked {
		delete(d.targets, d.order[0])
		d.order = d.order[1:]
	}
}

// listen runs until the connection closes, opening the record of a popup
// whose action was invoked.
func (d *dbusDesktop) listen(signals <-chan *dbus.Signal) {
	for sig := range signals {
		if len(sig.Body) < 2 {
			continue
		}
		id, _ := sig.Body[0].(uint32)
		switch sig.Name {
		case fdoIface + ".ActionInvoked":
			if key, _ := sig.Body[1].(string); key == actionDefault {
				d.invoked(id)
			}
		case fdoIface + ".NotificationClosed":
			d.mu.Lock()
			delete(d.targets, id) // the order slice forgets it when it is trimmed
			d.mu.Unlock()
		}
	}
}

func (d *dbusDesktop) invoked(id uint32) {
	d.mu.Lock()
	p, ok := d.targets[id]
	d.mu.Unlock()
	if ok && d.onOpen != nil {
		d.onOpen(p.Account, p.Resource, p.RecordID)
	}
}

// Close implements Desktop.
func (d *dbusDesktop) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn == nil {
		return nil
	}
	err := d.conn.Close()
	d.conn = nil
	return err
}
