package syncer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Environment of the child process that TestSync_KillNine re-executes.
const (
	envChild = "SYNCER_KILL_CHILD"
	envURL   = "SYNCER_CHILD_URL"
	envAK    = "SYNCER_CHILD_AK"
	envSK    = "SYNCER_CHILD_SK"
	envPath  = "SYNCER_CHILD_PATH"
	envLocal = "SYNCER_CHILD_LOCAL"
)

// TestSyncChildProcess is not a test on its own: it is the child that
// TestSync_KillNine starts and kills. It runs one full sync and exits.
func TestSyncChildProcess(t *testing.T) {
	if os.Getenv(envChild) != "1" {
		t.Skip("runs only as the child of TestSync_KillNine")
	}
	// NoSync is faithful here: SIGKILL ends the process, not the machine,
	// so written pages survive in the page cache just as after fsync.
	store, err := localstore.Open(os.Getenv(envPath), os.Getenv(envLocal), localstore.Options{NoSync: true, Timeout: 10 * time.Second})
	require.NoError(t, err)
	defer store.Close()
	c, err := NewClient(Options{BaseURL: os.Getenv(envURL), Signer: apig.Signer{AK: os.Getenv(envAK), SK: os.Getenv(envSK)}, PageSize: 25})
	require.NoError(t, err)
	// each stored page is announced so the parent can kill at a chosen point
	eng, err := NewEngine(EngineOptions{Client: c, Store: store, OnProgress: func(Progress) { fmt.Println("page") }})
	require.NoError(t, err)
	_, err = eng.Sync(context.Background())
	require.NoError(t, err)
}

func TestSync_KillNine(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 20 child processes")
	}
	// given a sandbox, a cache path, and a child sync we can kill
	// every request takes 25 ms, so a child's sync lasts long enough to be
	// cut at a random point rather than racing to its end
	sb := startSandbox(t, sandbox.Options{Seed: 3, Orders: 3000, Tickets: 600,
		Faults: sandbox.Faults{LatencyRate: 1, Latency: 25 * time.Millisecond}})
	a := mainAccount(t, sb)
	path := filepath.Join(t.TempDir(), "cache.db")
	appliedBefore := sb.Applied(a.ID)
	var keys []string
	rng := rand.New(rand.NewPCG(1, 2))
	killed, resumed := 0, 0
	for trial := range 20 {
		// and every trial the world moves on and two replies are queued
		sb.Advance(6 * time.Hour)
		keys = append(keys, queueReplies(t, sb, a, path, trial)...)

		// when a child syncing into the cache is killed at a random moment
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncChildProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envChild+"=1", envURL+"="+sb.URL(), envAK+"="+a.AK, envSK+"="+a.SK,
			envPath+"="+path, envLocal+"="+localName(a))
		if killAfterPages(t, cmd, rng.IntN(4), time.Duration(rng.IntN(100_000))*time.Microsecond) {
			killed++
		}

		// then a sync in this process finishes the job: the cache equals the sandbox
		r := newRig(t, sb, path, nil)
		sum, err := r.eng.Sync(context.Background())
		require.NoError(t, err, "trial %d", trial)
		if received(sum) > 0 || sum.Push.Sent > 0 {
			resumed++
		}
		assertConverged(t, sb, a.ID, r.store)
		r.close(t)
	}
	t.Logf("%d of 20 children were killed; %d left pages for the resumed sync", killed, resumed)
	assert.GreaterOrEqual(t, killed, 15, "most kills land before the child's sync ends")
	assert.Positive(t, resumed, "some kills left work for the resumed sync")
	// and every queued reply was applied once or rejected, never twice
	r := newRig(t, sb, path, nil)
	defer r.close(t)
	done := 0
	for _, k := range keys {
		acts, err := r.store.RecentActions(1000)
		require.NoError(t, err)
		for _, act := range acts {
			if act.Key != k {
				continue
			}
			require.True(t, act.State.Final(), "%s is %s", k, act.State)
			n := countMessages(sb, a.ID, act.RecordID, act.Params.Message)
			if act.State == domain.ActionDone {
				done++
				assert.Equal(t, 1, n, "%s applied once", k)
			} else {
				assert.Equal(t, 0, n, "%s rejected, not applied", k)
			}
		}
	}
	assert.Equal(t, done, sb.Applied(a.ID)-appliedBefore)
	assert.Positive(t, done)
}

func received(s Summary) int {
	n := 0
	for _, r := range s.Resources {
		n += r.Received
	}
	return n
}

// killAfterPages starts cmd, waits until it has stored pages pages, waits
// jitter more (so the kill lands anywhere, mid-transaction included), and
// sends SIGKILL. It reports whether the child died from the signal.
func killAfterPages(t *testing.T, cmd *exec.Cmd, pages int, jitter time.Duration) bool {
	t.Helper()
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	sc := bufio.NewScanner(out)
	for n := 0; n < pages && sc.Scan(); {
		if sc.Text() == "page" {
			n++
		}
	}
	time.Sleep(jitter)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_, _ = io.Copy(io.Discard, out) // ends at EOF: the child is gone
	err = cmd.Wait()
	return err != nil && strings.Contains(err.Error(), "killed")
}

// queueReplies enqueues two replies to tickets the sandbox has in progress.
func queueReplies(t *testing.T, sb *sandbox.Server, a sandbox.AccountCred, path string, trial int) []string {
	t.Helper()
	store := openStore(t, path, localName(a))
	defer store.Close()
	var keys []string
	for i, id := range ticketsIn(sb, a.ID, domain.TicketProcessing) {
		if i == 2 {
			break
		}
		act := replyAction(trial*10+i, id)
		act.Key = fmt.Sprintf("kill-%02d-%d", trial, i)
		act.Params.Message = "kill-" + act.Key
		_, err := store.Enqueue(act)
		require.NoError(t, err)
		keys = append(keys, act.Key)
	}
	return keys
}

func countMessages(sb *sandbox.Server, acct, ticket, body string) int {
	rec, ok := sb.Record(acct, domain.ResTickets, ticket)
	if !ok {
		return -1
	}
	n := 0
	for _, m := range rec.(domain.Ticket).Messages {
		if strings.TrimSpace(m.Body) == body {
			n++
		}
	}
	return n
}
