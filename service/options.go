package service

import (
	"net/http"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
)

// Options describe one running console. The zero value is the desktop's:
// the default paths, the configured accounts (or the sandbox when there is
// none), the wall clock, no system notifications.
type Options struct {
	// Paths are where config, caches and exports live; zero means
	// config.DefaultPaths() (MERCHANT_CONSOLE_HOME overrides it).
	Paths config.Paths

	// Sandbox, when true, runs on the built-in sandbox even if accounts are
	// configured (`sync --sandbox`).
	Sandbox bool
	// SandboxOptions configure the built-in sandbox when it runs; nil is
	// the demo world (seed 1, real-time clock).
	SandboxOptions *sandbox.Options
	// SandboxData is where the sandbox's caches and its saved world go; ""
	// is Paths.Data. Close saves the world and the next Open continues it
	// with its caches; a new world (none saved, a crash, other
	// SandboxOptions) empties them.
	SandboxData string
	// Only keeps one configured account; "" keeps all.
	Only string
	// SandboxAccount keeps one of the sandbox's accounts (its ID, name or
	// local name) when the sandbox runs; "" keeps all.
	SandboxAccount string
	// CacheFile replaces the cache path of the one account kept.
	CacheFile string

	// Now is the marketplace's clock; nil means the sandbox's when it runs,
	// else the wall clock. Requests are always signed with the wall clock.
	Now func() time.Time
	// Client tunes every account's API client.
	Client ClientTuning
	// Schedule tunes the schedulers Start runs.
	Schedule ScheduleTuning
	// Store tunes every cache Open opens.
	Store localstore.Options

	// Intervals are the per-resource sync intervals (merged over
	// syncer.DefaultIntervals).
	Intervals map[domain.Resource]time.Duration
	// Notify are the notification rules; nil turns notifications off.
	Notify *notify.Settings
	// Desktop, when set, shows system popups through the notifier it
	// configures (its Centre and Now are filled in by the service; its
	// OnOpen is how a popup's "Open" reaches the window). While Start's
	// launch and each account's first sync run, popups are held and one
	// summary goes out at the end (at most maxGather later).
	Desktop *notify.NotifierOptions
	// NotificationsPaused starts with popups silenced (the tray's pause).
	NotificationsPaused bool

	// OnNotice receives every delivered notification (the in-app centre).
	OnNotice func(notify.Notification)
	// OnChanges receives the changes each pulled page applied.
	OnChanges func(account string, changes []domain.Change)
	// OnState receives every scheduler state change.
	OnState func(account string, st syncer.State)
	// OnSync receives each scheduled sync's summary.
	OnSync func(account string, sum syncer.Summary, err error)
	// OnProblem hears what went wrong behind the scenes (a notification
	// rule failing on a change or a deadline check), besides the log.
	OnProblem func(account string, err error)
	// OnProgress receives pull progress.
	OnProgress func(account string, p syncer.Progress)
}

// ClientTuning adjusts the API clients; zero fields keep syncer's defaults.
type ClientTuning struct {
	Timeout             time.Duration
	MaxAttempts         int
	BaseDelay, MaxDelay time.Duration
	PageSize            int
	// Transport replaces the HTTP transport (a proxy, a flaky network).
	Transport http.RoundTripper
}

func (c ClientTuning) apply(o *syncer.Options) {
	if c.Timeout > 0 {
		o.Timeout = c.Timeout
	}
	if c.MaxAttempts > 0 {
		o.MaxAttempts = c.MaxAttempts
	}
	if c.BaseDelay > 0 {
		o.BaseDelay = c.BaseDelay
	}
	if c.MaxDelay > 0 {
		o.MaxDelay = c.MaxDelay
	}
	if c.PageSize > 0 {
		o.PageSize = c.PageSize
	}
	if c.Transport != nil {
		o.Transport = c.Transport
	}
}

// ScheduleTuning adjusts the schedulers; zero fields keep syncer's defaults.
type ScheduleTuning struct {
	Tick                   time.Duration
	OfflineMin, OfflineMax time.Duration
}
