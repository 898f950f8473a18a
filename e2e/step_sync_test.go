package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// initialSync: both consoles start empty and a first sync brings each the
// whole account, record for record.
func (d *day) initialSync(t *testing.T) {
	// given two empty caches of the same account
	for _, c := range []*console{d.a, d.b} {
		require.Empty(t, storeLines(t, c.store, domain.ResOrders), "%s starts empty", c.agent)

		// when each console syncs once
		sum := c.mustSync(t)

		// then every resource matches the sandbox in count and versions,
		// and the last-sync time is the clock's
		assert.Len(t, sum.Resources, len(domain.AllResources))
		assertConverged(t, c)
		last, err := syncer.LastSync(c.store)
		require.NoError(t, err)
		assert.True(t, last.Equal(d.w.now()), "%s: last sync %s, clock %s", c.agent, last, d.w.now())
	}
	// the first sync's own notifications (seeded history) are not this
	// scenario's subject
	d.a.centre.take()
	d.b.centre.take()
}

// newOrders: orders arrive while the clock runs half an hour; the next sync
// announces them in exactly one coalesced notification, and neither a
// repeat of the same changes nor a restart announces them again.
func (d *day) newOrders(t *testing.T) {
	// given the orders the sandbox holds now
	before := d.w.sb.Count(sandbox.AccountMain, domain.ResOrders)

	// when half an hour passes and the console syncs
	d.w.sb.Advance(30 * time.Minute)
	arrived := d.w.sb.Count(sandbox.AccountMain, domain.ResOrders) - before
	require.GreaterOrEqual(t, arrived, 2, "the sandbox should bring several orders in half an hour")
	d.a.mustSync(t)
	changes := d.a.takeChanges()

	// then exactly one new-order notification names the count and covers
	// every new order
	got := ofKind(d.a.centre.take(), notify.KindNewOrder, "")
	require.Len(t, got, 1, "one coalesced notification for the batch")
	n := got[0]
	assert.True(t, n.Coalesced())
	assert.True(t, n.Popup, "the rule is on with a popup and quiet hours are off")
	assert.Len(t, n.RecordIDs, arrived)
	assert.Len(t, n.Keys, arrived)
	assert.Contains(t, n.Title, strconv.Itoa(arrived)+" new orders")
	assert.Equal(t, domain.ResOrders, n.Resource)
	for _, id := range n.RecordIDs {
		o := get[domain.Order](t, d.a, id)
		assert.False(t, o.CreatedAt.Before(dayStart), "order %s is new, created %s", id, o.CreatedAt)
	}
	assertConverged(t, d.a, domain.ResOrders, domain.ResTransactions)

	// and handling the same changes again notifies nothing
	require.NoError(t, d.a.notifications().HandleChanges(changes))
	assert.Empty(t, ofKind(d.a.centre.take(), notify.KindNewOrder, ""), "same changes again")

	// and after a restart of the console neither the old changes nor a
	// sync with nothing new notify again
	d.a.restart(t, nil)
	require.NoError(t, d.a.notifications().HandleChanges(changes))
	d.a.mustSync(t)
	assert.Empty(t, ofKind(d.a.centre.take(), notify.KindNewOrder, ""), "after restart")

	// and the notification log holds one entry per order
	notices, err := d.a.store.Notices(10000)
	require.NoError(t, err)
	logged := 0
	for _, nt := range notices {
		if strings.HasPrefix(nt.Key, string(notify.KindNewOrder)) && containsString(n.RecordIDs, nt.RecordID) {
			logged++
		}
	}
	assert.Equal(t, arrived, logged)
	d.b.mustSync(t)
	d.b.centre.take()
}
