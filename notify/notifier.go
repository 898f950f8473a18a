package notify

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"sync"
	"time"

	"github.com/gen2brain/beeep"
)

// NotifierOptions configure delivery. Only Centre is required.
type NotifierOptions struct {
	// AppName is shown by the notification daemon as the sender.
	AppName string
	// Icon is the app's icon: a PNG file path (string) or PNG bytes ([]byte).
	Icon any
	// Centre receives every notification, popup or silent; the in-app
	// centre lists it and opens Resource/RecordID on click. It is called on
	// the delivering goroutine: the UI must hop to its own thread (fyne.Do).
	Centre func(Notification)
	// Fallback shows a popup when beeep cannot (the app passes a wrapper
	// around Fyne's App.SendNotification). May be nil.
	Fallback func(title, body string)
	// Unavailable is told once, with beeep's error, that system
	// notifications do not work here, so the UI can say so a single time.
	Unavailable func(error)
	// Now is the clock for the retry pause; default time.Now.
	Now func() time.Time
}

// retryPause is how long popups skip beeep after it failed: each failed try
// costs a D-Bus round trip and a notify-send process, and a daemon seldom
// appears mid-session, but it may (a desktop restarted), so not forever.
const retryPause = 10 * time.Minute

// Notifier delivers notifications to the desktop and the in-app centre.
// It is safe for concurrent use.
type Notifier struct {
	opts        NotifierOptions
	icon        any
	mu          sync.Mutex
	skipUntil   time.Time
	unavailable sync.Once
}

// NewNotifier checks the options. A []byte icon must be a PNG: a bad icon
// would otherwise fail every popup silently on the D-Bus path.
func NewNotifier(o NotifierOptions) (*Notifier, error) {
	if o.Centre == nil {
		return nil, errors.New("notify: NotifierOptions.Centre is required")
	}
	icon := o.Icon
	switch v := icon.(type) {
	case nil:
		icon = ""
	case string:
	case []byte:
		if _, err := png.DecodeConfig(bytes.NewReader(v)); err != nil {
			return nil, fmt.Errorf("notify: icon is not a PNG: %w", err)
		}
	default:
		return nil, fmt.Errorf("notify: icon must be a PNG path or PNG bytes, not %T", icon)
	}
	if o.AppName != "" {
		beeep.AppName = o.AppName
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Notifier{opts: o, icon: icon}, nil
}

// Deliver puts n in the in-app centre and, when it is a popup, on the
// desktop: through beeep, or the fallback when beeep fails. It may block for
// a D-Bus round trip, so call it off the UI goroutine.
func (d *Notifier) Deliver(n Notification) {
	d.opts.Centre(n)
	if !n.Popup {
		return
	}
	if err := d.system(n.Title, n.Body); err != nil {
		d.unavailable.Do(func() {
			if d.opts.Unavailable != nil {
				d.opts.Unavailable(err)
			}
		})
		if d.opts.Fallback != nil {
			d.opts.Fallback(n.Title, n.Body)
		}
	}
}

// system sends through beeep unless it failed recently.
func (d *Notifier) system(title, body string) error {
	d.mu.Lock()
	skip := d.opts.Now().Before(d.skipUntil)
	d.mu.Unlock()
	if skip {
		return errors.New("notify: system notifications failed recently")
	}
	err := beeep.Notify(title, body, d.icon)
	if err != nil {
		d.mu.Lock()
		d.skipUntil = d.opts.Now().Add(retryPause)
		d.mu.Unlock()
		return fmt.Errorf("notify: system notification: %w", err)
	}
	return nil
}
