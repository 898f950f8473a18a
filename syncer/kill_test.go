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
	"slices"
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
	// fsync on, as the console runs: every commit takes its real time, so
	// kills land inside and between commits, not only just after one
	store, err := localstore.Open(os.Getenv(envPath), os.Getenv(envLocal), localstore.Options{Timeout: 10 * time.Second})
	require.NoError(t, err)
	defer store.Close()
	c, err := NewClient(Options{BaseURL: os.Getenv(envURL), Signer: apig.Signer{AK: os.Getenv(envAK), SK: os.Getenv(envSK)}, PageSize: 50})
	require.NoError(t, err)
	eng, err := NewEngine(EngineOptions{Client: c, Store: store})
	require.NoError(t, err)
	fmt.Println("start") // the parent times its kill from here
	_, err = eng.Sync(context.Background())
	require.NoError(t, err)
}

// killTrials is how many children are killed. Each syncs a fresh cache from
// the start, so most of its run is spent storing, where a page and its
// cursor must commit together: a cursor committed in a transaction of its
// own leaves, for a kill between the two, a cursor past records never
// stored, which no later sync fetches again.
const killTrials = 16

// maxKillTrials bounds the trials: a child that finished before its kill
// moment (a quieter machine than at calibration) tested nothing, so the
// test runs more until killTrials children were really killed.
const maxKillTrials = 40

func TestSync_KillNine(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	// given a sandbox and a child sync we can kill, timed by one run left to finish
	sb := startSandbox(t, sandbox.Options{Seed: 3, Orders: 3000, Tickets: 600})
	a := mainAccount(t, sb)
	child := func(path string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncChildProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envChild+"=1", envURL+"="+sb.URL(), envAK+"="+a.AK, envSK+"="+a.SK,
			envPath+"="+path, envLocal+"="+localName(a))
		return cmd
	}
	run := runChild(t, child(filepath.Join(t.TempDir(), "calibrate.db")), -1)
	require.False(t, run.killed, "the calibration run finishes")
	t.Logf("an unkilled child syncs in %s", run.took)
	appliedBefore := sb.Applied(a.ID)
	rng := rand.New(rand.NewPCG(1, 2))
	killed, resumed, done, trials := 0, 0, 0, 0
	for trial := 0; killed < killTrials && trial < maxKillTrials; trial++ {
		trials++
		// and every trial the world moves on and two replies are queued in a fresh cache
		sb.Advance(2 * time.Hour)
		path := filepath.Join(t.TempDir(), "cache.db")
		keys := queueReplies(t, sb, a, path, trial)

		// when a child syncing into it is killed at a moment anywhere in its run
		at := time.Duration(rng.Int64N(int64(run.took)))
		if runChild(t, child(path), at).killed {
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
		// and each queued reply was applied once or rejected, never twice
		done += assertAppliedOnce(t, sb, a.ID, r.store, keys)
		r.close(t)
	}
	t.Logf("%d of %d children were killed; %d left work for the resumed sync", killed, trials, resumed)
	assert.Equal(t, killTrials, killed, "enough kills landed before the child's sync ended")
	assert.Positive(t, resumed, "some kills left work for the resumed sync")
	assert.Equal(t, done, sb.Applied(a.ID)-appliedBefore)
	assert.Positive(t, done)
}

// assertAppliedOnce checks the replies queued under keys: each is final,
// and a done one is on its ticket exactly once, a rejected one not at all.
// It returns how many were done.
func assertAppliedOnce(t *testing.T, sb *sandbox.Server, acct string, s *localstore.Store, keys []string) int {
	t.Helper()
	acts, err := s.RecentActions(1000)
	require.NoError(t, err)
	done := 0
	for _, act := range acts {
		if !slices.Contains(keys, act.Key) {
			continue
		}
		require.True(t, act.State.Final(), "%s is %s", act.Key, act.State)
		n := countMessages(sb, acct, act.RecordID, act.Params.Message)
		if act.State == domain.ActionDone {
			done++
			assert.Equal(t, 1, n, "%s applied once", act.Key)
		} else {
			assert.Equal(t, 0, n, "%s rejected, not applied", act.Key)
		}
	}
	return done
}

func received(s Summary) int {
	n := 0
	for _, r := range s.Resources {
		n += r.Received
	}
	return n
}

// childRun is how one child ended.
type childRun struct {
	killed bool
	took   time.Duration // from its "start" line to its exit
}

// runChild starts cmd, waits for its "start" line, and kills it with
// SIGKILL after at (never when at < 0).
func runChild(t *testing.T, cmd *exec.Cmd, at time.Duration) childRun {
	t.Helper()
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "start" {
	}
	started := time.Now()
	if at >= 0 {
		time.AfterFunc(at, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
	}
	_, _ = io.Copy(io.Discard, out) // ends at EOF: the child is gone
	err = cmd.Wait()
	return childRun{killed: err != nil && strings.Contains(err.Error(), "killed"), took: time.Since(started)}
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
