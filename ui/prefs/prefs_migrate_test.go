package prefs

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
)

func TestSyncIntervalsSavedUnderTheOldMinutesKeysSurviveTheUpgrade(t *testing.T) {
	// given preferences saved by a version that named the keys *_minutes
	// (while storing seconds)
	p := test.NewTempApp(t).Preferences()
	p.SetInt("sync.slow_minutes", 300)
	p.SetInt("sync.money_minutes", 3600)

	// when this version reads them
	prefs := New(p)

	// then the intervals are kept, under keys that say seconds, and the old
	// keys are gone
	assert.Equal(t, 5*time.Minute, prefs.SyncSlow())
	assert.Equal(t, time.Hour, prefs.SyncMoney())
	assert.Equal(t, 300, p.Int("sync.slow_seconds"))
	assert.Equal(t, -1, p.IntWithFallback("sync.slow_minutes", -1))
	assert.Equal(t, -1, p.IntWithFallback("sync.money_minutes", -1))
}

func TestANewerIntervalIsNotOverwrittenByAnOldKey(t *testing.T) {
	// given both keys, the new one saved after the old
	p := test.NewTempApp(t).Preferences()
	p.SetInt("sync.slow_minutes", 300)
	p.SetInt("sync.slow_seconds", 600)

	// when this version reads them
	prefs := New(p)

	// then the newer value wins
	assert.Equal(t, 10*time.Minute, prefs.SyncSlow())
}
