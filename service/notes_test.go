package service

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

const shop = "shop"

// startShop runs a sandbox on a stopped clock and points the SDK key
// variables at its main account, as on a machine without a keyring.
func startShop(t *testing.T) *sandbox.Server {
	t.Helper()
	opts := small
	opts.Clock = sandbox.NewClock(time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC), 0)
	opts.Rates = sandbox.Rates{TicketsPerHour: -1}
	sb, err := sandbox.Start(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sb.Close() })
	for _, a := range sb.Accounts() {
		if a.ID == sandbox.AccountMain {
			t.Setenv(credentials.EnvAK, a.AK)
			t.Setenv(credentials.EnvSK, a.SK)
		}
	}
	return sb
}

// agentConsole is one agent's console: its own home, the shop's account on sb.
func agentConsole(t *testing.T, sb *sandbox.Server) *Service {
	t.Helper()
	paths := testPaths(t)
	require.NoError(t, paths.Ensure())
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(),
		[]config.Account{{Name: shop, Site: config.SiteCustom, BaseURL: sb.URL()}}))
	return open(t, Options{Paths: paths, Now: sb.Clock().Now,
		Client: ClientTuning{Timeout: 2 * time.Second, MaxAttempts: 1, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}})
}

func processingTicket(t *testing.T, sb *sandbox.Server) domain.Ticket {
	t.Helper()
	for _, r := range sb.Records(sandbox.AccountMain, domain.ResTickets) {
		if tk := r.(domain.Ticket); tk.Status == domain.TicketProcessing {
			return tk
		}
	}
	t.Fatal("the sandbox has no ticket in progress")
	return domain.Ticket{}
}

func notesOf(tk domain.Ticket, body string) []domain.TicketMessage {
	var out []domain.TicketMessage
	for _, m := range tk.Messages {
		if m.Body == body {
			out = append(out, m)
		}
	}
	return out
}

func TestANoteQueuedOfflineGoesOutOnceAndReachesTheOtherAgentAsInternal(t *testing.T) {
	// given two agents' consoles synced with the shop, and the network down
	sb := startShop(t)
	a, b := agentConsole(t, sb), agentConsole(t, sb)
	ctx := context.Background()
	for _, c := range []*Service{a, b} {
		_, err := c.SyncOnce(ctx, shop)
		require.NoError(t, err)
	}
	tk := processingTicket(t, sb)
	applied := sb.Applied(sandbox.AccountMain)
	sb.SetOffline(true)

	// when agent A writes a note and the console tries to send it offline, then online twice
	const body = "客户的实例在华东，先别重启 / instance in east China, do not restart"
	_, err := a.AddNote(shop, tk.ID, "张三", body)
	require.NoError(t, err)
	_, err = a.SyncOnce(ctx, shop)
	require.Error(t, err, "the network is down")
	require.Equal(t, applied, sb.Applied(sandbox.AccountMain), "nothing left while offline")
	sb.SetOffline(false)
	for range 2 {
		_, err = a.SyncOnce(ctx, shop)
		require.NoError(t, err)
	}

	// then the marketplace applied it once, as an internal message
	assert.Equal(t, applied+1, sb.Applied(sandbox.AccountMain))
	rec, ok := sb.Record(sandbox.AccountMain, domain.ResTickets, tk.ID)
	require.True(t, ok)
	served := rec.(domain.Ticket)
	require.Len(t, notesOf(served, body), 1)
	assert.True(t, notesOf(served, body)[0].Internal)
	assert.Equal(t, tk.Status, served.Status, "a note moves nothing")
	assert.Equal(t, tk.SLADue, served.SLADue, "a note does not touch the SLA clock")
	assert.Empty(t, notesOf(domain.Ticket{Messages: served.CustomerVisible()}, body))
	// and agent B's console shows it as a note by 张三 after its next sync
	_, err = b.SyncOnce(ctx, shop)
	require.NoError(t, err)
	seen, ok, err := localstore.Get[domain.Ticket](b.Store(shop), tk.ID)
	require.NoError(t, err)
	require.True(t, ok)
	require.Len(t, notesOf(seen, body), 1)
	assert.True(t, notesOf(seen, body)[0].Internal)
	assert.Equal(t, "张三", notesOf(seen, body)[0].Author)
}

func TestTheSimulatedCustomerNeverAnswersANote(t *testing.T) {
	// given a ticket in progress, the customer's turn not yet come
	sb := startShop(t)
	a := agentConsole(t, sb)
	ctx := context.Background()
	_, err := a.SyncOnce(ctx, shop)
	require.NoError(t, err)
	tk := processingTicket(t, sb)
	customerTurns := func(t domain.Ticket) (n int) {
		for _, m := range t.Messages {
			if m.From == domain.PartyUser {
				n++
			}
		}
		return n
	}
	before := customerTurns(tk)

	// when an agent writes a note and a day passes
	_, err = a.AddNote(shop, tk.ID, "张三", "等客户回复前先查日志")
	require.NoError(t, err)
	_, err = a.SyncOnce(ctx, shop)
	require.NoError(t, err)
	sb.Advance(24 * time.Hour)

	// then the customer has not said a word, and the ticket still waits on us
	rec, ok := sb.Record(sandbox.AccountMain, domain.ResTickets, tk.ID)
	require.True(t, ok)
	after := rec.(domain.Ticket)
	assert.Equal(t, before, customerTurns(after))
	assert.Equal(t, domain.TicketProcessing, after.Status)
}

func TestABlankNoteOrANoteOnAWithdrawnTicketQueuesNothing(t *testing.T) {
	// given a synced console
	sb := startShop(t)
	a := agentConsole(t, sb)
	_, err := a.SyncOnce(context.Background(), shop)
	require.NoError(t, err)
	tk := processingTicket(t, sb)

	// when a blank note and a note on an unknown ticket are added
	_, blank := a.AddNote(shop, tk.ID, "张三", "  \n")
	_, unknown := a.AddNote(shop, "NO-SUCH", "张三", "text")
	_, nobody := a.AddNote(shop, tk.ID, " ", "text")

	// then both are refused and the outbox stays empty
	assert.ErrorIs(t, blank, ErrEmptyNote)
	assert.ErrorContains(t, unknown, "not in the cache")
	assert.ErrorIs(t, nobody, ErrNoAgent)
	pending, err := a.Store(shop).PendingActions()
	require.NoError(t, err)
	assert.Empty(t, pending)
}
