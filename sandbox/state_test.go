package sandbox

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// restart saves srv's world, closes it and starts a sandbox continuing it.
func restart(t *testing.T, srv *Server, opts Options) *Server {
	t.Helper()
	require.NoError(t, srv.Close())
	var buf bytes.Buffer
	require.NoError(t, srv.SaveState(&buf))
	opts.State = buf.Bytes()
	again, err := Start(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = again.Close() })
	return again
}

func TestState_ASavedWorldContinuesWhereItStopped(t *testing.T) {
	// given a world where an agent accepted a ticket and a client holds a cursor
	opts := Options{Seed: 7, Clock: NewClock(testStart, 0), NoArrivals: true}
	srv, err := Start(context.Background(), opts)
	require.NoError(t, err)
	c := newClient(t, srv, AccountMain)
	tk := pendingTicket(t, srv, AccountMain)
	st, _ := act[domain.Ticket](c, domain.ResTickets, tk.ID, domain.ActTicketAccept, "k-a", domain.ActionParams{Agent: "客服-甲"})
	require.Equal(t, http.StatusOK, st)
	_, _, cursor := all[domain.Ticket](c, domain.ResTickets, "")
	sums := map[domain.Resource]string{}
	for _, res := range domain.AllResources {
		sums[res] = srv.Checksum(AccountMain, res)
	}
	seq, applied := srv.Seq(AccountMain), srv.Applied(AccountMain)

	// when it is saved and a new sandbox starts from the save
	opts.Clock = nil
	again := restart(t, srv, opts)
	c2 := newClient(t, again, AccountMain)

	// then every record, version and count is as it was
	for _, res := range domain.AllResources {
		assert.Equal(t, sums[res], again.Checksum(AccountMain, res), res)
	}
	assert.Equal(t, seq, again.Seq(AccountMain))
	assert.Equal(t, applied, again.Applied(AccountMain))
	assert.Equal(t, "客服-甲", rec[domain.Ticket](t, again, AccountMain, domain.ResTickets, tk.ID).Assignee)
	// and the clock goes on from where it stopped
	assert.False(t, again.Clock().Now().Before(testStart))
	// and the old cursor is still good: nothing new since
	st, page := changes[domain.Ticket](c2, domain.ResTickets, cursor, 50)
	require.Equal(t, http.StatusOK, st, page.ResultMsg)
	assert.Empty(t, page.Items)
	// and the accept, sent again with its key, is replayed, not applied twice
	st, res := act[domain.Ticket](c2, domain.ResTickets, tk.ID, domain.ActTicketAccept, "k-a", domain.ActionParams{Agent: "客服-甲"})
	assert.Equal(t, http.StatusOK, st)
	assert.True(t, res.Replayed)
	assert.Equal(t, applied, again.Applied(AccountMain))
}

func TestState_NewRecordsAfterARestoreDoNotReuseOldIDs(t *testing.T) {
	// given a living world saved and restored (the simulation itself is not
	// repeatable: it walks maps, so only what it keeps can be compared)
	opts := Options{Seed: 3, Clock: NewClock(testStart, 0)}
	srv, err := Start(context.Background(), opts)
	require.NoError(t, err)
	before := map[string]time.Time{}
	for _, r := range srv.Records(AccountMain, domain.ResOrders) {
		before[r.(domain.Order).ID] = r.(domain.Order).CreatedAt
	}
	seq := srv.Seq(AccountMain)
	again := restart(t, srv, withClock(opts))

	// when two simulated days pass after the restore
	again.Advance(48 * time.Hour)

	// then new orders arrived under new IDs and newer versions, and every
	// old order is still the one it was
	var fresh int
	for _, r := range again.Records(AccountMain, domain.ResOrders) {
		o := r.(domain.Order)
		created, old := before[o.ID]
		if !old {
			fresh++
			assert.Greater(t, o.Version, seq, o.ID)
			continue
		}
		assert.True(t, created.Equal(o.CreatedAt), "%s was overwritten by a new order", o.ID)
	}
	assert.Positive(t, fresh, "orders arrive after a restore")
}

func withClock(o Options) Options {
	o.Clock = NewClock(testStart, 0)
	return o
}

func TestState_OtherOptionsAreRefused(t *testing.T) {
	// given a world saved with seed 7
	srv := startSandbox(t, nil)
	require.NoError(t, srv.Close())
	var buf bytes.Buffer
	require.NoError(t, srv.SaveState(&buf))

	// when a sandbox with another seed, or garbage, is started from it
	_, err := Start(context.Background(), Options{Seed: 8, State: buf.Bytes()})
	_, err2 := Start(context.Background(), Options{Seed: 7, State: []byte("not a world")})

	// then both are refused, saying why
	assert.ErrorIs(t, err, ErrStateMismatch)
	assert.ErrorContains(t, err2, "saved world")
}
