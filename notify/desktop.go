package notify

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

// iconSize is the side of the icon sent with each popup: daemons show 32
// to 64 px, and the 512 px app icon cost ~1 MiB of D-Bus traffic per popup.
const iconSize = 64

// desktopPopup is what the desktop is asked to show.
type desktopPopup struct {
	title, body string
	critical    bool // urgency 2, no timeout: stays until dismissed
	account     string
	resource    domain.Resource
	recordID    string
}

func popupOf(n Notification) desktopPopup {
	return desktopPopup{title: n.Title, body: n.Body, critical: n.Critical,
		account: n.Account, resource: n.Resource, recordID: n.RecordID}
}

// normalTimeoutMS is how long a normal popup stays: beeep's 5 s, kept so
// that a bill reminder does not linger. Critical ones stay (0).
const normalTimeoutMS = 5000

// smallIcon scales a PNG down to iconSize×iconSize RGBA; a smaller image is
// kept as it is.
func smallIcon(pngBytes []byte) (*image.RGBA, error) {
	src, err := png.Decode(bytes.NewReader(pngBytes))
	if err != nil {
		return nil, fmt.Errorf("notify: icon is not a PNG: %w", err)
	}
	b := src.Bounds()
	w, h := min(b.Dx(), iconSize), min(b.Dy(), iconSize)
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
