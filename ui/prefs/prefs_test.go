package prefs

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
)

func TestPrefsClampSyncIntervals(t *testing.T) {
	// given preferences
	p := New(test.NewTempApp(t).Preferences())

	// when absurd intervals are saved
	p.SetSyncIntervals(0, 1000*DefaultSyncSlow, DefaultSyncMoney)

	// then they are held within bounds
	assert.Equal(t, minSyncFast, p.SyncFast())
	assert.Equal(t, maxSyncSlow, p.SyncSlow())
	assert.Equal(t, DefaultSyncMoney, p.SyncMoney())
}
