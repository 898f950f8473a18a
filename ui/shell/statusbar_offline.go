package shell

import (
	"fyne.io/fyne/v2/lang"

	"github.com/koogallery/merchant-console/syncer"
)

// offlineText is the status bar's connection word while the marketplace
// cannot be reached, with why in a few words when known.
func offlineText(c syncer.Cause) string {
	why := offlineCause(c)
	if why == "" {
		return lang.L("Offline")
	}
	return lang.L("Offline: {{.Why}}", map[string]any{"Why": why})
}

func offlineCause(c syncer.Cause) string {
	switch c {
	case syncer.CauseRefused:
		return lang.L("connection refused")
	case syncer.CauseNoRoute:
		return lang.L("no network")
	case syncer.CauseDNS:
		return lang.L("server address not found")
	case syncer.CauseTimeout:
		return lang.L("no answer from the server")
	case syncer.CauseServer:
		return lang.L("server error")
	case syncer.CauseRateLimited:
		return lang.L("the server asked to wait")
	case syncer.CauseNetwork:
		return lang.L("connection lost")
	}
	return ""
}
