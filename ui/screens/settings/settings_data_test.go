package settings

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// damagedStore is a real cache holding one record set aside by a sync and
// one queued action damaged on disk (quarantined when the outbox is read).
func damagedStore(t *testing.T) *localstore.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := localstore.Open(path, uitest.Account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	_, err = s.ApplyPage(localstore.Page{Resource: domain.ResOrders, SetAside: []localstore.SetAside{
		localstore.NewSetAside(domain.ResOrders, "CS-NO-STATUS", 3, "the record has no status", []byte(`{"id":"CS-NO-STATUS"}`))}})
	require.NoError(t, err)
	for _, key := range []string{"reply-ok", "reply-bad"} {
		_, err := s.Enqueue(domain.Action{Key: key, Account: uitest.Account, Resource: domain.ResTickets, RecordID: "T1",
			Name: domain.ActTicketReply, Params: domain.ActionParams{Agent: "小王", Message: "您好"}})
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	marker := []byte(`{"key":"reply-bad"`)
	at := bytes.Index(raw, marker)
	require.Positive(t, at)
	raw[at+len(marker)-1] ^= 0x55 // a bad sector inside that entry: its key's closing quote
	require.NoError(t, os.WriteFile(path, raw, 0o600))
	s, err = localstore.Open(path, uitest.Account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	_, err = s.PendingActions() // the sender's read quarantines the damaged entry
	require.NoError(t, err)
	return s
}

func TestDataSectionListsSetAsideRecordsAndDamagedActions(t *testing.T) {
	// given an account whose cache set a record aside and quarantined an action
	h := newTestHost(t, backend.AccountInfo{ID: uitest.Account, Site: "cn"})
	st := damagedStore(t)
	h.b.Store = func(string) *localstore.Store { return st }

	// when Settings opens
	d := New(h).data

	// then the Data section counts both and says why
	assert.Contains(t, d.setAside.Text, "1 records the marketplace sent could not be stored")
	assert.Contains(t, d.setAside.Text, "CS-NO-STATUS v3 set aside: the record has no status")
	assert.Contains(t, d.damaged.Text, "1 queued actions were damaged on disk")
	assert.Contains(t, d.damaged.Text, "was not sent")
}

func TestDataSectionSaysWhenNothingWasSetAside(t *testing.T) {
	// given a sound cache
	h := newTestHost(t, backend.AccountInfo{ID: uitest.Account, Site: "cn"})
	st := uitest.NewStore(t)
	h.b.Store = func(string) *localstore.Store { return st }

	// when Settings opens
	d := New(h).data

	// then both lists say there is nothing
	assert.Contains(t, d.setAside.Text, "No record was set aside")
	assert.Contains(t, d.damaged.Text, "None")
}

func TestCheckAndRepairRunsBehindProgressAndTellsWhatWasSaved(t *testing.T) {
	// given a check that takes its time and then repairs the cache
	h := newTestHost(t, backend.AccountInfo{ID: uitest.Account, Site: "cn"})
	release := make(chan struct{})
	var asked string
	h.b.CheckAndRepair = func(id string) (*backend.Repair, error) {
		asked = id
		<-release
		return &backend.Repair{Problem: "a page of the file is damaged", MovedTo: "/data/cache.db.corrupt-1",
			Actions: 3, Pending: 2}, nil
	}
	scr := New(h)
	h.win.SetContent(scr.Object())

	// when the person taps Check and repair, the tap returns while the check still runs
	check := uitest.FindButton(t, scr.Object(), "Check and repair")
	returned := make(chan struct{})
	go func() { test.Tap(check); close(returned) }()
	select {
	case <-returned:
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("the check ran on Fyne's goroutine")
	}

	// then progress shows while the check runs, and the window stays usable
	require.NotNil(t, h.win.Canvas().Overlays().Top(), "no progress shown")
	assert.True(t, scr.data.check.Disabled(), "a second check cannot start meanwhile")
	close(release)
	h.loop.RunUntil(t, func() bool { return !scr.data.check.Disabled() })

	// and the result says in plain words what happened and what was saved, in a dialog too
	require.NotNil(t, h.win.Canvas().Overlays().Top())
	assert.True(t, uitest.Shows(h.win.Canvas().Overlays().Top(), "3 queued actions were saved"))
	assert.Equal(t, uitest.Account, asked)
	assert.Contains(t, scr.data.result.Text, "was damaged")
	assert.Contains(t, scr.data.result.Text, "/data/cache.db.corrupt-1")
	assert.Contains(t, scr.data.result.Text, "3 queued actions were saved; 2 of them are sent with the next sync")
	assert.Contains(t, scr.data.result.Text, "Cause: a page of the file is damaged")
	assert.False(t, scr.data.check.Disabled())
}

func TestCheckAndRepairOfASoundCacheSaysSo(t *testing.T) {
	// given a sound cache
	h := newTestHost(t, backend.AccountInfo{ID: uitest.Account, Site: "cn"})
	h.b.CheckAndRepair = func(string) (*backend.Repair, error) { return nil, nil }
	scr := New(h)
	h.win.SetContent(scr.Object())

	// when it is checked
	scr.data.checkAndRepair()
	h.loop.RunUntil(t, func() bool { return !scr.data.check.Disabled() })

	// then nothing was needed
	assert.Equal(t, "The cache reads back whole: nothing needed repair.", scr.data.result.Text)
}
