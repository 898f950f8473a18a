package syncer

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

func TestActivity_EachSyncIsLoggedWithItsCountsAndFailures(t *testing.T) {
	// given an account over a sandbox
	sb := startSandbox(t, sandbox.Options{Seed: 3, Tickets: 40})
	r := newRig(t, sb, "", nil)
	ctx := context.Background()

	// when it syncs once, then again with the marketplace unreachable
	sum, err := r.eng.Sync(ctx)
	require.NoError(t, err)
	sb.SetOffline(true)
	_, offErr := r.eng.Sync(ctx)
	require.Error(t, offErr)

	// then the log has both, newest first: the failure with its words, the
	// first with the pull's counts per resource
	got, err := r.store.Activity(localstore.ActivityAll, 0)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.True(t, got[0].Failed())
	assert.Contains(t, got[0].Errors, offErr.Error())
	assert.False(t, got[1].Failed())
	require.Len(t, got[1].Resources, len(sum.Resources))
	for i, res := range sum.Resources {
		assert.Equal(t, localstore.ResourceActivity{Resource: res.Resource, New: res.New, Changed: res.Changed, Removed: res.Removed}, got[1].Resources[i])
	}
	tickets := got[1].Resources[2]
	assert.Equal(t, domain.ResTickets, tickets.Resource)
	assert.Equal(t, sb.Count(r.acct.ID, domain.ResTickets), tickets.New)
	errs, err := r.store.Activity(localstore.ActivityErrors, 0)
	require.NoError(t, err)
	assert.Len(t, errs, 1)
}

func TestSync_KeysOfAnotherAccountAreRefusedAndTheCacheKeepsItsData(t *testing.T) {
	// given a cache synced from the main account
	sb := startSandbox(t, sandbox.Options{})
	r := newRig(t, sb, "", nil)
	_, err := r.eng.Sync(context.Background())
	require.NoError(t, err)
	before, err := r.store.Versions(domain.ResOrders)
	require.NoError(t, err)
	require.NotEmpty(t, before)
	r.close(t)

	// when the same cache is synced with the international account's keys
	// (say, HUAWEICLOUD_SDK_* picked up where the keyring had no entry)
	var intl sandbox.AccountCred
	for _, a := range sb.Accounts() {
		if a.ID == sandbox.AccountIntl {
			intl = a
		}
	}
	require.NotEmpty(t, intl.AK)
	r.store = openStore(t, r.path, localName(r.acct))
	t.Cleanup(func() { _ = r.store.Close() })
	eng, err := NewEngine(EngineOptions{Client: sandboxClient(t, sb, intl, nil), Store: r.store})
	require.NoError(t, err)
	_, err = eng.Sync(context.Background())

	// then the sync is refused with a clear error, and the cache holds only
	// what it held before: no other seller's record slipped in
	require.ErrorIs(t, err, ErrAccountMismatch)
	assert.Contains(t, err.Error(), sandbox.AccountMain)
	assert.Contains(t, err.Error(), sandbox.AccountIntl)
	after, err := r.store.Versions(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, before, after)
}
