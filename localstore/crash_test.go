package localstore

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// Environment of a re-executed test binary acting as a helper process.
const (
	envHelper = "LOCALSTORE_TEST_HELPER"
	envPath   = "LOCALSTORE_TEST_PATH"
)

const crashPageSize = 20

// crashPage is page n of the feed the crash test writes: 20 new orders, a
// newer version (new status) of 5 orders of the page before, and the
// removal of one order from two pages before.
func crashPage(n int) Page {
	items := orders(n*crashPageSize, crashPageSize, 1)
	if n > 0 {
		for i := range 5 {
			o := order((n-1)*crashPageSize+i, 2)
			o.Status = domain.OrderCompleted
			items = append(items, o)
		}
	}
	var removed []domain.Tombstone
	if n > 1 {
		removed = []domain.Tombstone{{ID: order((n-2)*crashPageSize+crashPageSize-1, 1).ID, Version: 3}}
	}
	return Page{Resource: domain.ResOrders, Items: items, Removed: removed, Cursor: strconv.Itoa(n)}
}

// crashExpected replays pages 0..last in memory: ID → (version, status).
func crashExpected(last int) map[string]domain.Order {
	want := map[string]domain.Order{}
	for n := 0; n <= last; n++ {
		p := crashPage(n)
		for _, r := range p.Items {
			o := r.(domain.Order)
			if old, ok := want[o.ID]; !ok || old.Version < o.Version {
				want[o.ID] = o
			}
		}
		for _, t := range p.Removed {
			delete(want, t.ID)
		}
	}
	return want
}

// TestHelperWriter is not a test: the crash test runs the test binary
// with it selected, and kills it while it applies pages in a loop.
func TestHelperWriter(t *testing.T) {
	if os.Getenv(envHelper) != "writer" {
		t.Skip("helper process for TestCrash_KilledWriterLeavesDataAndCursorConsistent")
	}
	s, err := Open(os.Getenv(envPath), testAccount, Options{Timeout: 10 * time.Second})
	require.NoError(t, err)
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	n := 0
	if cur != "" {
		last, err := strconv.Atoi(cur)
		require.NoError(t, err)
		n = last + 1
	}
	fmt.Println("ready")
	for ; ; n++ {
		_, err := s.ApplyPage(crashPage(n))
		require.NoError(t, err)
	}
}

func TestCrash_KilledWriterLeavesDataAndCursorConsistent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 25 processes")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	const trials = 25
	lastSeen := -1
	for trial := range trials {
		// given a writer process applying pages with cursors
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), envHelper+"=writer", envPath+"="+path)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		line, _ := bufio.NewReader(out).ReadString('\n')
		require.Equal(t, "ready\n", line, "trial %d: helper did not start", trial)

		// when it is killed at a random moment
		time.Sleep(time.Duration(5+rand.IntN(120)) * time.Millisecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()

		// then the reopened cache holds exactly the pages up to its cursor
		last := verifyCrashState(t, path)
		assert.GreaterOrEqual(t, last, lastSeen, "trial %d: the cursor went back", trial)
		lastSeen = last
	}
	assert.Greater(t, lastSeen, 10, "the writer hardly wrote: the test proved little")
}

// verifyCrashState reopens the cache and compares it with a replay of the
// pages up to the stored cursor; it returns that cursor's page number.
func verifyCrashState(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path, testAccount, Options{Timeout: 5 * time.Second})
	require.NoError(t, err)
	defer s.Close()
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	last := -1
	if cur != "" {
		last, err = strconv.Atoi(cur)
		require.NoError(t, err)
	}
	want := crashExpected(last)
	got := map[string]domain.Order{}
	require.NoError(t, Scan(s, Query{}, func(o domain.Order) error {
		_, dup := got[o.ID]
		require.False(t, dup, "order %s listed twice", o.ID)
		got[o.ID] = o
		return nil
	}))
	require.Len(t, got, len(want), "cursor %d", last)
	wantCounts := map[string]int{}
	for id, w := range want {
		g, ok := got[id]
		require.True(t, ok, "order %s of a page up to the cursor %d is missing", id, last)
		require.Equal(t, w.Version, g.Version, "order %s", id)
		require.Equal(t, w.Status, g.Status, "order %s", id)
		wantCounts[string(w.Status)]++
	}
	counts, err := s.StatusCounts(domain.ResOrders)
	require.NoError(t, err)
	require.Equal(t, wantCounts, counts)
	requireConsistent(t, s, domain.ResOrders)
	return last
}
