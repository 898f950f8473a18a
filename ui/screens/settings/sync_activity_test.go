package settings

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestSyncActivity_ListsSyncsAndFiltersToErrors(t *testing.T) {
	// given an account whose cache logged a clean sync and a failed one
	h := newTestHost(t, backend.AccountInfo{ID: "acct-a", Site: "cn"})
	s, err := localstore.Open(filepath.Join(t.TempDir(), "cache.db"), "acct-a", localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	h.b.Store = func(string) *localstore.Store { return s }
	now := time.Now()
	require.NoError(t, s.RecordActivity(localstore.SyncActivity{At: now.Add(-time.Minute),
		Resources: []localstore.ResourceActivity{{Resource: domain.ResOrders, New: 4}}}, now))
	require.NoError(t, s.RecordActivity(localstore.SyncActivity{At: now, Errors: []string{"tickets: the marketplace timed out"}}, now))

	// when the log is opened
	v := newActivityView(h)
	h.win.SetContent(v.root)
	h.loop.RunUntil(t, func() bool { return uitest.Shows(v.root, "Orders +4") })

	// then both syncs show, the error spelled out
	assert.True(t, uitest.Shows(v.root, "tickets: the marketplace timed out"))

	// when only errors are asked for
	v.filter.SetSelected("Errors only")
	h.loop.RunUntil(t, func() bool { return !uitest.Shows(v.root, "Orders +4") })

	// then the failed sync stays
	assert.True(t, uitest.Shows(v.root, "tickets: the marketplace timed out"))
}
