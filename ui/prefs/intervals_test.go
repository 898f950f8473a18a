package prefs

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/syncer"
)

func TestPrefsDefaultIntervalsAreTheSchedulers(t *testing.T) {
	// given preferences nobody has touched
	p := New(test.NewTempApp(t).Preferences())

	// then the window hands the scheduler exactly the scheduler's defaults
	assert.Equal(t, syncer.DefaultIntervals, p.SyncIntervals())
}
