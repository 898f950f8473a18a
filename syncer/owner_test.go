package syncer

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
)

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
