package prefs

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/theme"
)

// Preference keys. Screens never use string keys: they go through Prefs.
const (
	prefLanguage       = "language"
	prefTheme          = "theme"
	prefSyncFast       = "sync.fast_seconds"  // tickets, alerts
	prefSyncSlow       = "sync.slow_seconds"  // orders, supervision, messages
	prefSyncMoney      = "sync.money_seconds" // bills, transactions
	prefNotify         = "notify.settings"    // notify.Settings as JSON
	prefNotifyPaused   = "notify.paused"      // tray: pause notifications
	prefDataDir        = "data.dir"           // "" = the OS's usual place
	prefCurrentAccount = "account.current"    // the account shown at start
	prefAgentName      = "agent.name"         // who acts on tickets
	prefWindowWidth    = "window.width"       // the window's size when last closed
	prefWindowHeight   = "window.height"
)

// Defaults of the sync intervals: the domain's sync classes, the same the
// scheduler falls back to.
var (
	DefaultSyncFast  = domain.SyncFast.DefaultInterval()
	DefaultSyncSlow  = domain.SyncSlow.DefaultInterval()
	DefaultSyncMoney = domain.SyncMoney.DefaultInterval()
)

// Bounds of the sync intervals.
const (
	minSyncFast  = 10 * time.Second
	maxSyncFast  = 10 * time.Minute
	minSyncSlow  = time.Minute
	maxSyncSlow  = time.Hour
	minSyncMoney = 5 * time.Minute
	maxSyncMoney = 4 * time.Hour
)

// Prefs are the console's typed settings over fyne.Preferences: every getter
// applies its default and bounds, so a hand-edited file cannot break the app.
// Secrets never go here; AK/SK live in the OS keyring.
type Prefs struct{ p fyne.Preferences }

// New wraps an app's preferences, first moving values saved under
// older key names (see migratePrefs).
func New(p fyne.Preferences) Prefs {
	migratePrefs(p)
	return Prefs{p: p}
}

// Language is the chosen interface language (i18n.System by default).
func (s Prefs) Language() i18n.Language {
	switch l := i18n.Language(s.p.StringWithFallback(prefLanguage, string(i18n.System))); l {
	case i18n.Chinese, i18n.English:
		return l
	}
	return i18n.System
}

// SetLanguage saves the language; it applies at the next start.
func (s Prefs) SetLanguage(l i18n.Language) { s.p.SetString(prefLanguage, string(l)) }

// Theme is light, dark or system (default).
func (s Prefs) Theme() theme.Mode {
	switch m := theme.Mode(s.p.StringWithFallback(prefTheme, string(theme.System))); m {
	case theme.Light, theme.Dark:
		return m
	}
	return theme.System
}

// SetTheme saves the theme mode.
func (s Prefs) SetTheme(m theme.Mode) { s.p.SetString(prefTheme, string(m)) }

// SyncFast is how often tickets and interface alerts are synced.
func (s Prefs) SyncFast() time.Duration {
	return s.seconds(prefSyncFast, DefaultSyncFast, minSyncFast, maxSyncFast)
}

// SyncSlow is how often orders, supervision tasks and messages are synced.
func (s Prefs) SyncSlow() time.Duration {
	return s.seconds(prefSyncSlow, DefaultSyncSlow, minSyncSlow, maxSyncSlow)
}

// SyncMoney is how often bills and transaction details are synced.
func (s Prefs) SyncMoney() time.Duration {
	return s.seconds(prefSyncMoney, DefaultSyncMoney, minSyncMoney, maxSyncMoney)
}

// SetSyncIntervals saves the three intervals, clamped to their bounds.
func (s Prefs) SetSyncIntervals(fast, slow, money time.Duration) {
	s.p.SetInt(prefSyncFast, int(clampDur(fast, minSyncFast, maxSyncFast)/time.Second))
	s.p.SetInt(prefSyncSlow, int(clampDur(slow, minSyncSlow, maxSyncSlow)/time.Second))
	s.p.SetInt(prefSyncMoney, int(clampDur(money, minSyncMoney, maxSyncMoney)/time.Second))
}

// SyncIntervals maps the three settings onto every resource by its kind's
// sync class, as the sync scheduler takes them.
func (s Prefs) SyncIntervals() map[domain.Resource]time.Duration {
	return domain.IntervalsByClass(map[domain.SyncClass]time.Duration{
		domain.SyncFast: s.SyncFast(), domain.SyncSlow: s.SyncSlow(), domain.SyncMoney: s.SyncMoney(),
	})
}

func (s Prefs) seconds(key string, def, lo, hi time.Duration) time.Duration {
	v := time.Duration(s.p.IntWithFallback(key, int(def/time.Second))) * time.Second
	return clampDur(v, lo, hi)
}

func clampDur(v, lo, hi time.Duration) time.Duration {
	return min(max(v, lo), hi)
}

// Notify is the notification rules; invalid or missing ones give defaults.
func (s Prefs) Notify() notify.Settings {
	raw := s.p.String(prefNotify)
	if raw == "" {
		return notify.DefaultSettings()
	}
	set := notify.DefaultSettings()
	if err := json.Unmarshal([]byte(raw), &set); err != nil || set.Validate() != nil {
		return notify.DefaultSettings()
	}
	return set
}

// SetNotify validates and saves the notification rules.
func (s Prefs) SetNotify(set notify.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(set)
	if err != nil {
		return err
	}
	s.p.SetString(prefNotify, string(data))
	return nil
}

// NotificationsPaused is the tray's "pause notifications" switch.
func (s Prefs) NotificationsPaused() bool { return s.p.Bool(prefNotifyPaused) }

// SetNotificationsPaused saves the switch.
func (s Prefs) SetNotificationsPaused(on bool) { s.p.SetBool(prefNotifyPaused, on) }

// DataDir is a folder chosen by the user for the caches, or "" for the OS's
// usual place.
func (s Prefs) DataDir() string { return s.p.String(prefDataDir) }

// SetDataDir saves the data folder; it applies at the next start.
func (s Prefs) SetDataDir(dir string) { s.p.SetString(prefDataDir, dir) }

// CurrentAccount is the account shown last.
func (s Prefs) CurrentAccount() string { return s.p.String(prefCurrentAccount) }

// SetCurrentAccount remembers the account shown.
func (s Prefs) SetCurrentAccount(id string) { s.p.SetString(prefCurrentAccount, id) }

// AgentName is the name the user acts under on tickets.
func (s Prefs) AgentName() string { return s.p.String(prefAgentName) }

// SetAgentName saves the agent name.
func (s Prefs) SetAgentName(name string) { s.p.SetString(prefAgentName, name) }
