// Package desktop shows notify's popups on the desktop: on Linux straight
// over D-Bus to org.freedesktop.Notifications (urgency, a timeout of its
// own, the "Open" action), elsewhere through beeep. It knows popups, not
// rules: notify.Notifier decides what to show and when to fall back.
package desktop

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"golang.org/x/image/draw"

	"github.com/koogallery/merchant-console/domain"
)

// OpenFunc opens a record in the window: the popup's "Open" action. id is
// empty when the popup stands for several records (then the list opens).
type OpenFunc func(account string, res domain.Resource, id string)

// Options configure a desktop.
type Options struct {
	// AppName is shown by the notification daemon as the sender.
	AppName string
	// IconPath is an icon file the daemon reads itself; used when Icon is nil.
	IconPath string
	// Icon is the app's icon as PNG bytes, scaled down to IconSize before it is sent.
	Icon []byte
	// OpenLabel names the "Open" action, in the popups' language.
	OpenLabel string
	// OnOpen is called when the user opens a popup (Linux: the freedesktop
	// "default" action), on the D-Bus goroutine. Nil: popups carry no action.
	OnOpen OpenFunc
}

// Desktop shows popups.
type Desktop interface {
	// Show asks the desktop to show p; an error means it did not.
	Show(p Popup) error
	// Close lets go of the connection; popups shown stay, but their
	// action no longer opens anything.
	Close() error
}

// New returns the platform's desktop: D-Bus on Linux, beeep elsewhere. It
// connects lazily, on the first popup.
func New(o Options) (Desktop, error) { return newDesktop(o) }

// IconSize is the side of the icon sent with each popup: daemons show 32
// to 64 px, and the 512 px app icon cost ~1 MiB of D-Bus traffic per popup.
const IconSize = 64

// Popup is what the desktop is asked to show.
type Popup struct {
	Title, Body string
	Critical    bool // urgency 2, no timeout: stays until dismissed
	// Account, Resource and RecordID are what "Open" opens; no Resource,
	// no action.
	Account  string
	Resource domain.Resource
	RecordID string
}

// NormalTimeoutMS is how long a normal popup stays: beeep's 5 s, kept so
// that a bill reminder does not linger. Critical ones stay (0).
const NormalTimeoutMS = 5000

// smallIcon scales a PNG down to IconSize×IconSize RGBA; a smaller image is
// kept as it is.
func smallIcon(pngBytes []byte) (*image.RGBA, error) {
	src, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		return nil, fmt.Errorf("notify: icon is not a PNG: %w", err)
	}
	b := src.Bounds()
	w, h := min(b.Dx(), IconSize), min(b.Dy(), IconSize)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst, nil
}

// smallIconPNG is smallIcon encoded as PNG, for the beeep path.
func smallIconPNG(pngBytes []byte) ([]byte, error) {
	img, err := smallIcon(pngBytes)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("notify: encode icon: %w", err)
	}
	return buf.Bytes(), nil
}
