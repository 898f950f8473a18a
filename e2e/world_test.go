package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/require"
)

// dayStart is the simulated morning the day begins: 1 December 2026, 17:00
// in Beijing, so November's bill is not out yet and comes on the 3rd.
var dayStart = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// worldSeed picks a seeded world that has every starting point the day
// needs (checked by the steps with clear messages, never assumed silently).
const worldSeed = 13

// world is the sandbox marketplace with its stopped clock.
type world struct {
	sb   *sandbox.Server
	clk  *sandbox.Clock
	acct sandbox.AccountCred
}

// startWorld runs a small seeded sandbox whose clock moves only when the
// test advances it. Orders keep arriving on each advance (so step 3 has
// news); tickets do not, so the ticket under test is the only one acted on.
// Automatic retries never succeed and manual restarts and user acceptances
// always do, so each step has exactly one outcome.
func startWorld(t *testing.T) *world {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	clk := sandbox.NewClock(dayStart, 0)
	sb, err := sandbox.Start(ctx, sandbox.Options{
		Seed: worldSeed, Clock: clk,
		Orders: 120, Tickets: 30, Supervision: 30, Alerts: 30, Bills: 6, Notifications: 12,
		Rates: sandbox.Rates{OrdersPerHour: 8, TicketsPerHour: -1, RetrySuccess: -1, RestartSuccess: 1, UserAccept: 1},
	})
	require.NoError(t, err)
	t.Cleanup(func() { cancel(); _ = sb.Close() })
	w := &world{sb: sb, clk: clk}
	for _, a := range sb.Accounts() {
		if a.ID == sandbox.AccountMain {
			w.acct = a
		}
	}
	require.NotEmpty(t, w.acct.ID, "sandbox has no main account")
	// the consoles read the shop's keys from the SDK's variables, as on a
	// machine without a keyring
	t.Setenv(credentials.EnvAK, w.acct.AK)
	t.Setenv(credentials.EnvSK, w.acct.SK)
	return w
}

// now is the one clock every part of the product reads.
func (w *world) now() time.Time { return w.clk.Now() }

// settings are the defaults a merchant starts with, in English so the test
// can read the texts, with the new-order rule switched on and quiet hours
// off (a night-time advance must not silence what is being checked).
func settings() notify.Settings {
	s := notify.DefaultSettings()
	s.Lang = notify.LangEN
	s.Quiet.On = false
	s.Rules[notify.KindNewOrder] = notify.RuleSetting{On: true, Popup: true}
	return s
}
