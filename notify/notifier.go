package notify

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/notify/desktop"
)

// OpenFunc opens a record in the window: the popup's "Open" action. id is
// empty when the popup stands for several records (then the list opens).
type OpenFunc = desktop.OpenFunc

// NotifierOptions configure delivery. Only Centre is required.
type NotifierOptions struct {
	// AppName is shown by the notification daemon as the sender.
	AppName string
	// Icon is the app's icon: a PNG file path (string) or PNG bytes
	// ([]byte); bytes are scaled down to 64×64 before they are sent.
	Icon any
	// Lang is the language of the popups' "Open" action.
	Lang Lang
	// OnOpen opens a record when the user clicks a popup (Linux: the
	// freedesktop "default" action). It is called on the D-Bus goroutine:
	// the window must hop to its own thread. Nil: popups carry no action.
	OnOpen OpenFunc
	// Centre receives every notification, popup or silent; the in-app
	// centre lists it and opens Resource/RecordID on click. It is called on
	// the delivering goroutine: the UI must hop to its own thread (fyne.Do).
	Centre func(Notification)
	// Fallback shows a popup when the desktop cannot (the app passes a wrapper
	// around Fyne's App.SendNotification). May be nil.
	Fallback func(title, body string)
	// Unavailable is told once, with the desktop's error, that system
	// notifications do not work here, so the UI can say so a single time.
	Unavailable func(error)
	// Now is the clock for the retry pause; default time.Now.
	Now func() time.Time
}

// retryPause is how long popups skip the desktop after it failed: each failed try
// costs a D-Bus round trip and a notify-send process, and a daemon seldom
// appears mid-session, but it may (a desktop restarted), so not forever.
const retryPause = 10 * time.Minute

// Notifier delivers notifications to the desktop and the in-app centre.
// It is safe for concurrent use.
type Notifier struct {
	opts        NotifierOptions
	desk        desktop.Desktop // over D-Bus on Linux, through beeep elsewhere
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
	var icon []byte
	switch v := o.Icon.(type) {
	case nil, string:
	case []byte:
		if _, err := png.DecodeConfig(bytes.NewReader(v)); err != nil {
			return nil, fmt.Errorf("notify: icon is not a PNG: %w", err)
		}
		icon = v
	default:
		return nil, fmt.Errorf("notify: icon must be a PNG path or PNG bytes, not %T", o.Icon)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Lang == "" {
		o.Lang = LangZH
	}
	desk, err := desktop.New(desktop.Options{AppName: o.AppName, IconPath: o.iconPath(), Icon: icon,
		OpenLabel: openLabel(o.Lang), OnOpen: o.OnOpen})
	if err != nil {
		return nil, err
	}
	return &Notifier{opts: o, desk: desk}, nil
}

// iconPath is the icon when it was given as a file path, else "".
func (o NotifierOptions) iconPath() string {
	p, _ := o.Icon.(string)
	return p
}

// Close lets go of the desktop connection; popups shown stay, but their
// action no longer opens anything.
func (d *Notifier) Close() error { return d.desk.Close() }

// popupOf is what the desktop shows of n.
func popupOf(n Notification) desktop.Popup {
	return desktop.Popup{Title: n.Title, Body: n.Body, Critical: n.Critical,
		Account: n.Account, Resource: n.Resource, RecordID: n.RecordID}
}

// Deliver puts n in the in-app centre and, when it is a popup, on the
// desktop: over D-Bus (Linux) or beeep, or the fallback when that fails. A
// summary goes to the desktop only: the centre has each record it counts.
// It may block for a D-Bus round trip, so call it off the UI goroutine.
func (d *Notifier) Deliver(n Notification) {
	if n.Kind != KindSummary { // the centre lists the records a summary counts
		d.opts.Centre(n)
	}
	if !n.Popup {
		return
	}
	if err := d.system(n); err != nil {
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

// system sends to the desktop unless it failed recently.
func (d *Notifier) system(n Notification) error {
	d.mu.Lock()
	skip := d.opts.Now().Before(d.skipUntil)
	d.mu.Unlock()
	if skip {
		return errors.New("notify: system notifications failed recently")
	}
	err := d.desk.Show(popupOf(n))
	if err != nil {
		d.mu.Lock()
		d.skipUntil = d.opts.Now().Add(retryPause)
		d.mu.Unlock()
		return fmt.Errorf("notify: system notification: %w", err)
	}
	return nil
}
