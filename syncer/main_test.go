package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/sandbox"
)

// syncChildEnv, when set, turns the test binary into a child that syncs the
// accounts of a sandbox running in its parent (a JSON syncChildJob) into
// fresh caches and prints how many records it received, so a benchmark can
// read the sync's own peak RSS from the kernel without the sandbox's world.
const syncChildEnv = "SYNCER_SCALE_CHILD"

type syncChildJob struct {
	URL      string
	Dir      string
	Accounts []sandbox.AccountCred
}

func TestMain(m *testing.M) {
	if job := os.Getenv(syncChildEnv); job != "" {
		os.Exit(runSyncChild(job))
	}
	os.Exit(m.Run())
}

func runSyncChild(job string) int {
	var j syncChildJob
	if err := json.Unmarshal([]byte(job), &j); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	peaks := sampleRSS()
	records := 0
	for _, a := range j.Accounts {
		c, err := NewClient(Options{BaseURL: j.URL, Signer: apig.Signer{AK: a.AK, SK: a.SK}, PageSize: 1000, Timeout: time.Minute})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		n, err := fullSync(context.Background(), c, a, filepath.Join(j.Dir, a.ID+".db"), false)
		c.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		records += n
	}
	anon, file := peaks()
	fmt.Println(records, anon, file, statusMB("VmHWM:"))
	return 0
}

// sampleRSS samples the process's anonymous and file-backed resident
// memory (/proc/self/status, in MB) every 10 ms until the returned
// function is called, which returns the highest of each.
func sampleRSS() func() (anon, file float64) {
	stop, done := make(chan struct{}), make(chan struct{})
	var hiAnon, hiFile, profiled float64
	go func() {
		defer close(done)
		for {
			a, f := rssNow()
			// against the last profile's level, not the last sample's: the
			// resident set mostly grows a little per sample
			if a > profiled*1.1 && os.Getenv("SYNCER_SCALE_CHILD_HEAP") != "" {
				if out, err := os.Create(os.Getenv("SYNCER_SCALE_CHILD_HEAP")); err == nil {
					_ = pprof.WriteHeapProfile(out) // to look into the peak, not for the figures
					_ = out.Close()
					profiled = a
				}
			}
			hiAnon, hiFile = max(hiAnon, a), max(hiFile, f)
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() (float64, float64) { close(stop); <-done; return hiAnon, hiFile }
}

func rssNow() (anon, file float64) { return statusMB("RssAnon:"), statusMB("RssFile:") }

// statusMB reads one memory line of /proc/self/status, in MB. VmHWM, the
// peak resident set of this process image, is the figure to use for a
// child: getrusage's ru_maxrss also carries the parent's peak across the
// vfork and exec that started it (Linux keeps it in the signal struct), so
// a child of a benchmark holding a big world "peaks" at the parent's size.
func statusMB(field string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}
