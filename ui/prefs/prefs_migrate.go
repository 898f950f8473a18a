package prefs

import "fyne.io/fyne/v2"

// renamedPrefs maps keys older versions saved to the keys that replaced
// them. Versions before this one named the slow and money sync intervals
// "*_minutes" although they always stored seconds.
var renamedPrefs = map[string]string{
	"sync.slow_minutes":  prefSyncSlow,
	"sync.money_minutes": prefSyncMoney,
}

// migratePrefs moves every value saved under an old key to its new key, so
// an upgrade keeps the user's intervals. A value already under the new key
// wins: it was saved by this version, after the old one.
func migratePrefs(p fyne.Preferences) {
	for old, cur := range renamedPrefs {
		v := p.IntWithFallback(old, -1)
		if v < 0 {
			continue
		}
		if p.IntWithFallback(cur, -1) < 0 {
			p.SetInt(cur, v)
		}
		p.RemoveValue(old)
	}
}
