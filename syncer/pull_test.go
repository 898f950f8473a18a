package syncer

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPull_FullSyncConvergesToSandbox(t *testing.T) {
	// given a sandbox and an empty cache, paging 40 records at a time
	sb := startSandbox(t, sandbox.Options{})
	var mu sync.Mutex
	var progress []Progress
	changes := map[domain.ChangeKind]int{}
	r := newRig(t, sb, "", func(o *Options) { o.PageSize = 40 })
	r.eng.opts.OnProgress = func(p Progress) { mu.Lock(); progress = append(progress, p); mu.Unlock() }
	r.eng.opts.OnChanges = func(cs []domain.Change) {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range cs {
			changes[c.Kind]++
			assert.Equal(t, localName(r.acct), c.Account)
		}
	}

	// when it syncs once
	sum, err := r.eng.Sync(context.Background())

	// then the cache holds exactly the sandbox's records
	require.NoError(t, err)
	assertConverged(t, sb, r.acct.ID, r.store)
	total := 0
	for _, rs := range sum.Resources {
		assert.Equal(t, sb.Count(r.acct.ID, rs.Resource), rs.New, "%s new", rs.Resource)
		total += rs.New
	}
	assert.Equal(t, total, changes[domain.ChangeNew])
	orders := sb.Count(r.acct.ID, domain.ResOrders)
	require.Greater(t, orders, 40, "several pages")
	var last Progress
	for _, p := range progress {
		if p.Resource == domain.ResOrders {
			assert.GreaterOrEqual(t, p.Percent(), last.Percent())
			last = p
		}
	}
	assert.True(t, last.Done)
	assert.InDelta(t, 100, last.Percent(), 0.01)
	lastSync, err := LastSync(r.store)
	require.NoError(t, err)
	assert.False(t, lastSync.IsZero())
}

func TestPull_IncrementalReportsChangesWithBeforeAndAfter(t *testing.T) {
	// given a synced cache
	sb := startSandbox(t, sandbox.Options{})
	r := newRig(t, sb, "", nil)
	_, err := r.eng.Sync(context.Background())
	require.NoError(t, err)
	var got []domain.Change
	r.eng.opts.OnChanges = func(cs []domain.Change) { got = append(got, cs...) }

	// when the sandbox's world moves on two simulated days and the cache syncs again
	sb.Advance(48 * time.Hour)
	sum, err := r.eng.Sync(context.Background())

	// then only the changes arrive, each with before/after, and the cache matches again
	require.NoError(t, err)
	assertConverged(t, sb, r.acct.ID, r.store)
	require.NotEmpty(t, got, "two simulated days change something")
	n := 0
	for _, rs := range sum.Resources {
		n += rs.New + rs.Changed + rs.Removed
	}
	assert.Equal(t, len(got), n)
	for _, c := range got {
		switch c.Kind {
		case domain.ChangeNew:
			assert.Nil(t, c.Before)
			assert.NotNil(t, c.After)
		case domain.ChangeUpdated:
			require.NotNil(t, c.Before)
			require.NotNil(t, c.After)
			assert.Less(t, c.Before.RecordMeta().Version, c.After.RecordMeta().Version)
		case domain.ChangeRemoved:
			assert.NotNil(t, c.Before)
			assert.Nil(t, c.After)
		}
	}
}
