package localstore

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

var activityNow = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

func syncAt(at time.Time, errs ...string) SyncActivity {
	return SyncActivity{At: at, Resources: []ResourceActivity{{Resource: domain.ResOrders, New: 2, Changed: 1}}, Errors: errs}
}

func TestActivity_KeptAcrossReopenNewestFirst(t *testing.T) {
	// given two syncs logged in a cache file that is then closed
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path, "acct", Options{NoSync: true})
	require.NoError(t, err)
	require.NoError(t, s.RecordActivity(syncAt(activityNow.Add(-time.Hour)), activityNow))
	require.NoError(t, s.RecordActivity(syncAt(activityNow), activityNow))
	require.NoError(t, s.Close())

	// when it is opened again and the log read
	s, err = Open(path, "acct", Options{NoSync: true})
	require.NoError(t, err)
	defer s.Close()
	got, err := s.Activity(ActivityAll, 0)

	// then both are there, newest first, with their counts
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.True(t, got[0].At.Equal(activityNow))
	assert.Equal(t, ResourceActivity{Resource: domain.ResOrders, New: 2, Changed: 1}, got[1].Resources[0])
}

func TestActivity_PrunesEntriesOlderThan30DaysOnWrite(t *testing.T) {
	// given syncs 31 and 29 days old
	s := openTemp(t)
	require.NoError(t, s.RecordActivity(syncAt(activityNow.Add(-31*24*time.Hour)), activityNow.Add(-31*24*time.Hour)))
	require.NoError(t, s.RecordActivity(syncAt(activityNow.Add(-29*24*time.Hour)), activityNow.Add(-29*24*time.Hour)))

	// when a sync is logged today
	require.NoError(t, s.RecordActivity(syncAt(activityNow), activityNow))

	// then the 31-day-old one is gone and the others stay
	got, err := s.Activity(ActivityAll, 0)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.True(t, got[1].At.Equal(activityNow.Add(-29*24*time.Hour)))
}

func TestActivity_ErrorsFilterKeepsFailedAndSetAsideSyncs(t *testing.T) {
	// given a clean sync, a failed one and one that set a record aside
	s := openTemp(t)
	aside := syncAt(activityNow.Add(2 * time.Second))
	aside.SetAside = []string{"orders \"x\" v1 set aside: no status"}
	for _, a := range []SyncActivity{syncAt(activityNow), syncAt(activityNow.Add(time.Second), "tickets: timeout"), aside} {
		require.NoError(t, s.RecordActivity(a, activityNow))
	}

	// when only errors are asked for
	got, err := s.Activity(ActivityErrors, 0)

	// then the clean sync is left out
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Len(t, got[0].SetAside, 1)
	assert.Equal(t, []string{"tickets: timeout"}, got[1].Errors)
}

func TestActivity_TwoSyncsAtTheSameInstantAreBothKept(t *testing.T) {
	// given two syncs logged with the same time
	s := openTemp(t)
	require.NoError(t, s.RecordActivity(syncAt(activityNow), activityNow))
	require.NoError(t, s.RecordActivity(syncAt(activityNow, "boom"), activityNow))

	// then both are listed
	got, err := s.Activity(ActivityAll, 0)
	require.NoError(t, err)
	assert.Len(t, got, 2)
}

func TestActivity_LineSaysWhatChanged(t *testing.T) {
	// given a sync with order changes, a refusal and an error
	a := syncAt(activityNow, "tickets: timeout")
	a.Rejected = 1

	// then its line names them
	line := a.Line()
	assert.Contains(t, line, "orders +2 ~1 -0")
	assert.Contains(t, line, "outbox 0 sent, 1 refused, 0 held")
	assert.Contains(t, line, "1 errors")
}
