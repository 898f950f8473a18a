package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

func runRepair(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := RunRepair(context.Background(), args, &out, &errOut)
	return out.String(), err
}

// cacheWithReply is a real cache file holding one queued ticket reply.
func cacheWithReply(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := localstore.Open(path, exportAccount, localstore.Options{})
	require.NoError(t, err)
	_, err = s.Enqueue(domain.Action{Key: "reply-1", Account: exportAccount, Resource: domain.ResTickets,
		RecordID: "T1", Name: domain.ActTicketReply, Params: domain.ActionParams{Agent: "小王", Message: "您好"}})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	return path
}

func TestRunRepair_LeavesASoundCacheAsItIs(t *testing.T) {
	// given a sound cache
	path := cacheWithReply(t)
	before, err := os.Stat(path)
	require.NoError(t, err)

	// when it is checked
	out, err := runRepair(t, "--account", exportAccount, "--cache", path)

	// then it says so and the file stays where it is, not replaced
	require.NoError(t, err)
	assert.Contains(t, out, "nothing to repair")
	after, err := os.Stat(path)
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "the same file, not a fresh one")
	moved, _ := filepath.Glob(path + ".corrupt-*")
	assert.Empty(t, moved)
}

func TestRunRepair_MovesADamagedCacheAsideAndSaysWhatWasSaved(t *testing.T) {
	// given a cache whose file became text
	path := cacheWithReply(t)
	require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("not a database\n", 1000)), 0o600))

	// when it is repaired
	out, err := runRepair(t, "--account", exportAccount, "--cache", path)

	// then the report names the damage and where the old file is, and a fresh cache opens
	require.NoError(t, err)
	assert.Contains(t, out, "was damaged: it is not a database file")
	assert.Contains(t, out, "was kept as "+path+".corrupt-")
	moved, _ := filepath.Glob(path + ".corrupt-*")
	assert.Len(t, moved, 1)
	s, err := localstore.Open(path, exportAccount, localstore.Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
}

func TestRunRepair_ForceRebuildsASoundCacheKeepingItsQueue(t *testing.T) {
	// given a sound cache with a queued reply
	path := cacheWithReply(t)

	// when a rebuild is forced
	out, err := runRepair(t, "--account", exportAccount, "--cache", path, "--force")

	// then the reply is in the fresh cache
	require.NoError(t, err)
	assert.Contains(t, out, "Saved 1 queued actions")
	s, err := localstore.Open(path, exportAccount, localstore.Options{})
	require.NoError(t, err)
	defer s.Close()
	pending, err := s.PendingActions()
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, "reply-1", pending[0].Key)
}

func TestRunRepair_RefusesACacheOpenElsewhere(t *testing.T) {
	// given a cache another console holds open
	path := cacheWithReply(t)
	s, err := localstore.Open(path, exportAccount, localstore.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })

	// when it is repaired, even by force
	_, err = runRepair(t, "--account", exportAccount, "--cache", path, "--force")

	// then the command refuses, says what to do, and moves nothing
	require.ErrorIs(t, err, localstore.ErrLocked)
	assert.ErrorContains(t, err, "close the window")
	moved, _ := filepath.Glob(path + ".corrupt-*")
	assert.Empty(t, moved)
}

func TestRunRepair_BadInput(t *testing.T) {
	// given a cache file without its account, and a stray argument
	_, noAccount := runRepair(t, "--cache", filepath.Join(t.TempDir(), "c.db"))
	_, stray := runRepair(t, "now")

	// then both are refused clearly
	assert.ErrorContains(t, noAccount, "needs its account")
	assert.ErrorContains(t, stray, `unexpected argument "now"`)
}

func TestRunSync_SaysWhatItRepairedAndWhatItQuarantined(t *testing.T) {
	// given a sandbox cache synced once, then two replies queued and one of them damaged on disk
	t.Setenv(config.HomeEnv, t.TempDir())
	cache := filepath.Join(t.TempDir(), "cache.db")
	var out, errOut bytes.Buffer
	require.NoError(t, RunSync(context.Background(), []string{"--once", "--cache", cache}, &out, &errOut), errOut.String())
	s, err := localstore.Open(cache, "sandbox-cn-main-0001", localstore.Options{})
	require.NoError(t, err)
	for _, key := range []string{"reply-a", "reply-b"} {
		_, err := s.Enqueue(domain.Action{Key: key, Account: "sandbox-cn-main-0001", Resource: domain.ResTickets,
			RecordID: "T-" + key, Name: domain.ActTicketReply, Params: domain.ActionParams{Agent: "小王", Message: "您好"}})
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())
	flipByteAfter(t, cache, `{"key":"reply-b`)

	// when sync runs again
	out.Reset()
	require.NoError(t, RunSync(context.Background(), []string{"--once", "--cache", cache}, &out, &errOut), errOut.String())

	// then it prints the quarantined entry as a problem line
	assert.Regexp(t, `\n  problem: queued action #\d+ is damaged and was not sent`, out.String())

	// when the cache is then emptied to 0 bytes and sync runs again
	require.NoError(t, os.Truncate(cache, 0))
	out.Reset()
	require.NoError(t, RunSync(context.Background(), []string{"--once", "--cache", cache}, &out, &errOut), errOut.String())

	// then it says the cache was repaired and where the old file is, and synced again
	text := out.String()
	assert.Contains(t, text, "the cache was repaired")
	assert.Contains(t, text, "the file is empty although this account has synced before")
	assert.Contains(t, text, "was kept as "+cache+".corrupt-")
	assert.Contains(t, text, "outbox: 0 sent")
}

// flipByteAfter flips the byte after every copy of marker in the file.
func flipByteAfter(t *testing.T, path, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(raw), marker)
	for i := bytes.Index(raw, []byte(marker)); i >= 0; {
		raw[i+len(marker)] ^= 0x55
		j := bytes.Index(raw[i+len(marker):], []byte(marker))
		if j < 0 {
			break
		}
		i += len(marker) + j
	}
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}
