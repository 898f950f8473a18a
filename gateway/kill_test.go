package gateway

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Environment of the child gateway process the kill test starts.
const (
	envChildData     = "GATEWAY_TEST_CHILD_DATA"
	envChildUpstream = "GATEWAY_TEST_CHILD_UPSTREAM"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(envChildData); dir != "" {
		runChild(dir, os.Getenv(envChildUpstream))
		return
	}
	os.Exit(m.Run())
}

// runChild serves a real gateway until it is killed, and writes its
// address to <dir>/addr once listening.
func runChild(dir, upstream string) {
	fail := func(err error) { fmt.Fprintln(os.Stderr, "child:", err); os.Exit(3) }
	up, err := ParseUpstream(upstream)
	if err != nil {
		fail(err)
	}
	st, err := OpenStore(dir, "seller-1")
	if err != nil {
		fail(err)
	}
	j, err := OpenJournal(dir, st, JournalOptions{})
	if err != nil {
		fail(err)
	}
	g, err := New(Config{Key: testKey, Store: st, Journal: j, Forwarder: &Forwarder{Upstream: up, Client: &http.Client{}, Timeout: 2 * time.Second}})
	if err != nil {
		fail(err)
	}
	err = Serve(context.Background(), g, ServeOptions{Listen: "127.0.0.1:0"}, func(addr string) {
		if err := os.WriteFile(filepath.Join(dir, "addr.tmp"), []byte(addr), 0o600); err != nil {
			fail(err)
		}
		if err := os.Rename(filepath.Join(dir, "addr.tmp"), filepath.Join(dir, "addr")); err != nil {
			fail(err)
		}
	})
	fail(err)
}

func startChild(t *testing.T, dir, upstream string) (*exec.Cmd, string) {
	t.Helper()
	_ = os.Remove(filepath.Join(dir, "addr"))
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChildData+"="+dir, envChildUpstream+"="+upstream)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if addr, err := os.ReadFile(filepath.Join(dir, "addr")); err == nil {
			return cmd, "http://" + string(addr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	t.Fatal("child gateway did not start")
	return nil, ""
}

func TestKill9LosesNoAnsweredCall(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	// given a gateway process in front of an upstream, and callers sending
	up := newUpstream(t)
	dir := t.TempDir()
	var answered []string
	for round := range 4 {
		cmd, base := startChild(t, dir, up.srv.URL+"/produce-api")
		var mu sync.Mutex
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				client := &http.Client{Timeout: 2 * time.Second}
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					order := fmt.Sprintf("CSKILL%d-%d-%d", round, w, i)
					body := newInstanceBody(order)
					q := signedQuery(testKey, []byte(body), time.Now(), nextNonce())
					resp, err := client.Post(base+ProducePath+"?"+q.Encode(), "application/json", strings.NewReader(body))
					if err != nil {
						continue // killed mid-call: not answered, may or may not be recorded
					}
					resp.Body.Close()
					if resp.StatusCode == http.StatusOK {
						mu.Lock()
						answered = append(answered, order)
						mu.Unlock()
					}
				}
			}()
		}
		// when the process is killed -9 at a random moment
		time.Sleep(time.Duration(50+rand.IntN(250)) * time.Millisecond)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()
		close(stop)
		wg.Wait()
	}
	// then every call that was answered is in the store
	st, _ := openStoreAndJournal(t, dir)
	calls, err := st.Calls()
	require.NoError(t, err)
	stored := map[string]bool{}
	for _, c := range calls {
		stored[c.Call.OrderID] = true
	}
	require.NotEmpty(t, answered)
	for _, o := range answered {
		assert.True(t, stored[o], "answered call %s lost", o)
	}
	t.Logf("%d calls answered, %d recorded across 4 kills", len(answered), len(calls))
}
