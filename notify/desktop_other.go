//go:build !linux

package notify

import "github.com/gen2brain/beeep"

// beeepDesktop shows popups through beeep (macOS, Windows), which has no
// actions: a click brings the app forward, the centre opens the record.
type beeepDesktop struct{ icon any }

func newDesktop(o NotifierOptions, icon []byte) (desktop, error) {
	if o.AppName != "" {
		beeep.AppName = o.AppName
	}
	if icon == nil {
		return beeepDesktop{icon: o.iconPath()}, nil
	}
	small, err := smallIconPNG(icon)
	if err != nil {
		return nil, err
	}
	return beeepDesktop{icon: small}, nil
}

func (d beeepDesktop) show(p desktopPopup) error {
	if p.critical {
		return beeep.Alert(p.title, p.body, d.icon)
	}
	return beeep.Notify(p.title, p.body, d.icon)
}

func (beeepDesktop) close() error { return nil }
