package gateway

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func journalCall(order string) CallRecord {
	body := newInstanceBody(order)
	c, _ := ParseCall([]byte(body))
	return CallRecord{ReceivedAt: time.Now().UTC(), Call: c, Body: []byte(body), Outcome: Outcome{HTTPStatus: 200, ResultCode: "000005"}}
}

func TestATornLastFrameIsDroppedAndTheRestReplayedOnce(t *testing.T) {
	// given a journal of three calls the store never received (the process died first)
	dir := t.TempDir()
	st, err := OpenStore(dir, "seller-1")
	require.NoError(t, err)
	j, err := OpenJournal(dir, st, JournalOptions{})
	require.NoError(t, err)
	require.NoError(t, st.Close()) // the store fails: nothing is applied
	for _, o := range []string{"CSJ1", "CSJ2", "CSJ3"} {
		_, err := j.Append(journalCall(o))
		require.NoError(t, err)
	}
	j.closed.Do(func() { close(j.done); j.wg.Wait(); _ = j.f.Close() }) // killed: no last flush
	// and the last frame torn by a power cut
	path := filepath.Join(dir, "journal.log")
	info, err := os.Stat(path)
	require.NoError(t, err)
	require.NoError(t, os.Truncate(path, info.Size()-7))
	// when the gateway starts again, twice
	for range 2 {
		st2, j2 := openStoreAndJournal(t, dir)
		calls, err := st2.Calls()
		require.NoError(t, err)
		// then the two whole calls are in the store, once each, and the torn one is gone
		require.Len(t, calls, 2)
		assert.Equal(t, "CSJ1", calls[0].Call.OrderID)
		assert.Equal(t, "CSJ2", calls[1].Call.OrderID)
		var a domain.InterfaceAlert
		ok, err := st2.Get(domain.ResAlerts, "GW-CREATE_INSTANCE-CSJ1/CSJ1-000001", &a)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, 1, a.Attempts, "a call applied twice")
		require.NoError(t, j2.Close())
		require.NoError(t, st2.Close())
	}
}
