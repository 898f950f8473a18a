//go:build !smoke

package app

import (
	"os"
	"time"

	"fyne.io/fyne/v2"

	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// launchListsEnv, when set, makes the launch child open every list screen
// after the Overview, one after the other, and report how long each took
// from the click to the first frame painted with its first page
// (launchResult.ListMs, keyed by screen title).
const launchListsEnv = "MERCHANT_CONSOLE_LAUNCH_LISTS"

// openLists shows each list screen as the navigation does and times it to
// the first frame painted after its table holds its first page. The first
// start's question for the agent's name is closed first, as a person would.
func openLists(d driver, probe *frameProbe) map[string]float64 {
	out := map[string]float64{}
	if os.Getenv(launchListsEnv) == "" {
		return nil
	}
	fyne.DoAndWait(func() { // the probe is the top overlay, above the dialog
		overlays := d.Shell.Window().Canvas().Overlays()
		overlays.Remove(probe.raster)
		d.Shell.CloseTopDialog()
		overlays.Add(probe.raster)
	})
	for _, id := range uishell.AllScreens {
		t0 := time.Now()
		fyne.DoAndWait(func() { d.Shell.Show(id) })
		loaded, list := false, false
		for deadline := time.Now().Add(launchWait); !loaded && time.Now().Before(deadline); {
			fyne.DoAndWait(func() {
				var n int
				n, list = shellRows(d.Shell, id)
				loaded = !list || n > 0
				if loaded && list {
					probe.arm()
				}
			})
			if !loaded {
				time.Sleep(time.Millisecond)
			}
		}
		if !list || !loaded {
			continue
		}
		select {
		case <-probe.frames:
			out[id.Title()] = float64(time.Since(t0).Microseconds()) / 1000
		case <-time.After(launchWait):
		}
	}
	return out
}
