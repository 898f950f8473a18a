package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestRetryPolicyFor(t *testing.T) {
	every2min := 2 * time.Minute
	tests := []struct {
		kind     InterfaceKind
		license  bool
		window   time.Duration
		interval time.Duration // 0: not published, only checked to be positive
		unsub    bool
	}{
		// create instance, upgrade: about 3 h (License online: every 2 min for 2 h), then unsubscribed
		{IfaceCreateInstance, false, 3 * time.Hour, 0, true},
		{IfaceCreateInstance, true, 2 * time.Hour, every2min, true},
		{IfaceUpgrade, false, 3 * time.Hour, 0, true},
		{IfaceUpgrade, true, 2 * time.Hour, every2min, true},
		// update status, renew: 1 h (License 2 h), manual restart only
		{IfaceUpdateStatus, false, time.Hour, 0, false},
		{IfaceUpdateStatus, true, 2 * time.Hour, 0, false},
		{IfaceRenew, false, time.Hour, 0, false},
		{IfaceRenew, true, 2 * time.Hour, 0, false},
		// expire, release: 1 h (License expiry: 60 calls every 2 min), manual restart only
		{IfaceExpire, false, time.Hour, 0, false},
		{IfaceExpire, true, 60 * every2min, every2min, false},
		{IfaceRelease, false, time.Hour, 0, false},
		{IfaceRelease, true, 60 * every2min, every2min, false},
		// order notification: 3 h, manual restart only
		{IfaceOrderNotify, false, 3 * time.Hour, 0, false},
		{IfaceOrderNotify, true, 3 * time.Hour, 0, false},
	}
	covered := map[InterfaceKind]int{}
	for _, tt := range tests {
		covered[tt.kind]++
		name := string(tt.kind)
		if tt.license {
			name += "/license"
		}
		t.Run(name, func(t *testing.T) {
			// when
			got := RetryPolicyFor(tt.kind, tt.license)
			// then
			assert.Equal(t, tt.window, got.Window)
			assert.Equal(t, tt.unsub, got.AutoUnsubscribe)
			assert.Positive(t, got.Interval)
			assert.LessOrEqual(t, got.Interval, got.Window)
			if tt.interval != 0 {
				assert.Equal(t, tt.interval, got.Interval)
			}
		})
	}
	for _, k := range InterfaceKinds {
		assert.Equal(t, 2, covered[k], "%s is checked with and without license", k)
	}
}

func TestInterfaceAlertCountdown(t *testing.T) {
	now := time.Date(2026, 11, 22, 20, 0, 0, 0, time.UTC)
	unsub := now.Add(95 * time.Minute)
	tests := []struct {
		name   string
		alert  InterfaceAlert
		want   time.Duration
		wantOK bool
	}{
		{"retrying: time left", InterfaceAlert{State: AlertRetrying, UnsubscribeAt: unsub}, 95 * time.Minute, true},
		{"failed: time left", InterfaceAlert{State: AlertFailed, UnsubscribeAt: unsub}, 95 * time.Minute, true},
		{"restarting: time left", InterfaceAlert{State: AlertRestarting, UnsubscribeAt: unsub}, 95 * time.Minute, true},
		{"overdue: negative", InterfaceAlert{State: AlertFailed, UnsubscribeAt: now.Add(-time.Minute)}, -time.Minute, true},
		{"resolved: none", InterfaceAlert{State: AlertResolved, UnsubscribeAt: unsub}, 0, false},
		{"unsubscribed: none", InterfaceAlert{State: AlertUnsubscribed, UnsubscribeAt: unsub}, 0, false},
		{"renew never unsubscribes: none", InterfaceAlert{State: AlertFailed, Kind: IfaceRenew}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.alert.Countdown(now)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAlertStateOpen(t *testing.T) {
	want := map[AlertState]bool{
		AlertRetrying: true, AlertFailed: true, AlertRestarting: true,
		AlertResolved: false, AlertUnsubscribed: false,
	}
	assert.Len(t, AlertStates, len(want))
	for _, s := range AlertStates {
		t.Run(string(s), func(t *testing.T) {
			w, known := want[s]
			assert.True(t, known)
			assert.Equal(t, w, s.Open())
		})
	}
}

func TestSellerResultCodes(t *testing.T) {
	// given every code domain.md lists for a seller's server
	codes := []string{"000000", "000001", "000002", "000003", "000004", "000005",
		"000100", "000101", "000102", "000103", "000104", "000105", "000106", "000107"}
	assert.Len(t, SellerResultCodes, len(codes), "no unknown extras")
	for _, c := range codes {
		t.Run(c, func(t *testing.T) {
			text, ok := SellerResultCodes[c]
			assert.True(t, ok)
			assert.NotEmpty(t, text.Zh, "Chinese explanation")
			assert.NotEmpty(t, text.En, "English explanation")
		})
	}
}

func TestAlertRank_CountdownThenManualRestartThenRetryingThenFinished(t *testing.T) {
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	assert.Equal(t, 0, AlertRank(InterfaceAlert{State: AlertRetrying, UnsubscribeAt: at}))
	assert.Equal(t, 1, AlertRank(InterfaceAlert{State: AlertFailed}))
	assert.Equal(t, 2, AlertRank(InterfaceAlert{State: AlertRetrying}))
	assert.Equal(t, 2, AlertRank(InterfaceAlert{State: AlertRestarting}))
	assert.Equal(t, 3, AlertRank(InterfaceAlert{State: AlertUnsubscribed, UnsubscribeAt: at}))
}
