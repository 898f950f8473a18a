//go:build !linux

package desktop

import "github.com/gen2brain/beeep"

// beeepDesktop shows popups through beeep (macOS, Windows), which has no
// actions: a click brings the app forward, the centre opens the record.
type beeepDesktop struct{ icon any }

func newDesktop(o Options) (Desktop, error) {
	if o.AppName != "" {
		beeep.AppName = o.AppName
	}
	if o.Icon == nil {
		return beeepDesktop{icon: o.IconPath}, nil
	}
	small, err := smallIconPNG(o.Icon)
	if err != nil {
		return nil, err
	}
	return beeepDesktop{icon: small}, nil
}

// Show implements Desktop.
func (d beeepDesktop) Show(p Popup) error {
	if p.Critical {
		return beeep.Alert(p.Title, p.Body, d.icon)
	}
	return beeep.Notify(p.Title, p.Body, d.icon)
}

// Close implements Desktop.
func (beeepDesktop) Close() error { return nil }
