package syncer

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/localstore"
)

// engineOn opens the cache at path and builds a fresh client and engine on
// it, as a new process would: nothing is shared with an earlier one but the file.
func engineOn(t *testing.T, path, url string) (*Engine, *localstore.Store) {
	t.Helper()
	store := openStore(t, path, "mine")
	eng, err := NewEngine(EngineOptions{Store: store, RemoteAccount: "mine",
		Client: newTestClient(t, url, func(o *Options) { o.MaxAttempts = 2 })})
	require.NoError(t, err)
	return eng, store
}

func TestSync_ARetryAfterOutlivesARestart(t *testing.T) {
	// given a server that answers 429 with a one-hour Retry-After
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{"resultCode":"MKT.0250","resultMsg":"slow down"}`)
	})
	path := filepath.Join(t.TempDir(), "cache.db")
	eng, store := engineOn(t, path, srv.URL)
	_, err := eng.Sync(context.Background())
	var ra *RetryAfterError
	require.ErrorAs(t, err, &ra)
	require.Len(t, srv.Seen(), 1)
	require.NoError(t, store.Close())

	// when the console restarts and syncs once more twenty milliseconds later
	time.Sleep(20 * time.Millisecond)
	eng, store = engineOn(t, path, srv.URL)
	defer store.Close()
	_, err = eng.Sync(context.Background())

	// then nothing is sent, the person is told until when, and the status bar can show it
	require.ErrorAs(t, err, &ra)
	assert.Len(t, srv.Seen(), 1, "no request before the server's wait ends")
	until, err := HeldUntil(store, time.Now())
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now().Add(time.Hour), until, time.Minute)
	assert.Equal(t, until.Unix(), ra.Until.Unix())
}

func TestSync_AnOfflineBackoffOutlivesARestartUntilTheUserAsks(t *testing.T) {
	// given a cache whose last run backed off for an hour after the server could not be reached
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, `{"resultCode":"MKT.0000","items":[]}`)
	})
	path := filepath.Join(t.TempDir(), "cache.db")
	eng, store := engineOn(t, path, srv.URL)
	require.NoError(t, eng.NoteOfflineWait(time.Now().Add(time.Hour)))
	require.NoError(t, store.Close())

	// when a new process syncs
	eng, store = engineOn(t, path, srv.URL)
	defer store.Close()
	_, err := eng.Sync(context.Background())

	// then it does not send, and says when the next attempt is due
	var ow *OfflineWaitError
	require.ErrorAs(t, err, &ow)
	assert.Empty(t, srv.Seen())

	// when the person asks to sync now
	require.NoError(t, eng.ClearOfflineWait())
	_, err = eng.Sync(context.Background())

	// then it goes at once
	require.NoError(t, err)
	assert.NotEmpty(t, srv.Seen())
}
